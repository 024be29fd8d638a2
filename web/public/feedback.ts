import './feedback.css';
import { FEEDBACK_STATUS_LABELS } from '../../core/feedback/labels.js';
import type { FeedbackStatus } from '../../core/feedback/lifecycle.js';
import { leadingZeroBits, powInput } from '../../core/feedback/pow.js';
import type { Locale } from '../../core/i18n/locale.js';
import { foldVietnamese } from '../../core/units/fold.js';
import { getLocale } from '../i18n/locale-store.js';
import { el } from '../lib/dom.js';
import { FEEDBACK_TEXTS, type FeedbackTextKey } from './feedback-texts.js';

// Citizen feedback on a phone (?feedback = send a report, ?feedback=follow[&code=…] = follow one and rate the
// answer, ?feedback=list = public list and map, ?feedback=stats = per-unit statistics). Plain DOM, no framework; the map (Leaflet) is loaded only when the
// citizen opens it, and the form works without it (commune, address, the phone's GPS). Typed input is kept as a
// draft in localStorage until the report is sent.

type Category = { id: number; nameVi: string; nameEn: string; photoRequired: boolean };
type Area = { id: number; name: string };
type PublicReport = {
  code: string;
  title: string;
  description: string;
  status: FeedbackStatus;
  categoryName: string;
  handlingUnit: string | null;
  areaName: string | null;
  address: string | null;
  deadline: string | null;
  answer: string | null;
  canRate: boolean;
  duplicateOf: string | null;
  satisfaction: string | null;
  photos: { id: string }[];
  timeline: {
    kind: string;
    status: FeedbackStatus | null;
    unitName: string | null;
    text: string | null;
    createdAt: string;
    files: { id: string; name: string }[];
  }[];
};

const DRAFT_KEY = 'dxboard.feedback.draft';
const API = '/api/public/feedback';

const t = (key: FeedbackTextKey, params: Record<string, string | number> = {}) =>
  FEEDBACK_TEXTS[getLocale() as Locale][key].replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));

const dateText = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
};
const dayText = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const statusText = (s: FeedbackStatus) => FEEDBACK_STATUS_LABELS[s][getLocale() as Locale];

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${API}${path}`, {
    ...init,
    headers: {
      'accept-language': getLocale(),
      ...(init?.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
    },
  });
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const problem = body as { detail?: string; title?: string; errors?: { message?: string }[] } | null;
    throw new Error(
      problem?.errors
        ?.map((e) => e.message)
        .filter(Boolean)
        .join(' · ') ||
        problem?.detail ||
        problem?.title ||
        t('error'),
    );
  }
  return body as T;
}

/** Finds a nonce whose SHA-256 has `difficulty` leading zero bits (the self-hosted anti-robot check). */
async function solve(challenge: string, difficulty: number): Promise<string> {
  const enc = new TextEncoder();
  for (let n = 0; ; n++) {
    const hash = new Uint8Array(
      await crypto.subtle.digest('SHA-256', enc.encode(powInput(challenge, String(n)))),
    );
    if (leadingZeroBits(hash) >= difficulty) return String(n);
  }
}

function field(label: string, input: HTMLElement, hint?: string) {
  const id = `fb-${Math.random().toString(36).slice(2)}`;
  input.id = id;
  return el(
    'div',
    { class: 'fb-field' },
    el('label', { for: id }, label),
    input,
    ...(hint ? [el('p', { class: 'fb-hint' }, hint)] : []),
  );
}

function button(text: string, kind = 'primary') {
  return el('button', { type: 'button', class: `fb-button fb-${kind}` }, text);
}

function header(root: HTMLElement, title: string) {
  const nav = el(
    'nav',
    { class: 'fb-nav' },
    el('a', { href: '/' }, t('home')),
    el('a', { href: '/?feedback' }, t('navNew')),
    el('a', { href: '/?feedback=follow' }, t('navFollow')),
    el('a', { href: '/?feedback=list' }, t('navList')),
    el('a', { href: '/?feedback=stats' }, t('navStats')),
  );
  root.replaceChildren(el('div', { class: 'fb' }, nav, el('h1', {}, title)));
  return root.firstElementChild as HTMLElement;
}

// ---------- Send a report
async function showForm(root: HTMLElement) {
  const box = header(root, t('newTitle'));
  box.append(el('p', {}, t('newIntro')));
  const [categories, areas, settings] = await Promise.all([
    api<{ items: Category[] }>('/categories'),
    api<{ items: Area[] }>('/areas'),
    api<{ tileUrl: string }>('/settings'),
  ]);
  const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}') as Record<string, string>;
  const category = el(
    'select',
    { name: 'categoryId', required: '' },
    el('option', { value: '' }, t('choose')),
  );
  for (const c of categories.items)
    category.append(el('option', { value: String(c.id) }, getLocale() === 'vi' ? c.nameVi : c.nameEn));
  const title = el('input', { name: 'title', maxlength: '200', required: '' });
  const description = el('textarea', { name: 'description', maxlength: '4000', rows: '5', required: '' });
  const area = el('select', { name: 'areaUnitId' }, el('option', { value: '' }, t('choose')));
  for (const a of areas.items) area.append(el('option', { value: String(a.id) }, a.name));
  const address = el('input', { name: 'address', maxlength: '500' });
  const lat = el('input', { name: 'lat', type: 'hidden' });
  const lng = el('input', { name: 'lng', type: 'hidden' });
  const where = el('p', { class: 'fb-hint', 'aria-live': 'polite' });
  const gps = button(t('gps'), 'secondary');
  const mapButton = button(t('openMap'), 'secondary');
  const mapBox = el('div', { class: 'fb-map', hidden: '' });
  const photos = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp', multiple: '' });
  const keepLocation = el('input', { type: 'checkbox' });
  const photoList = el('p', { class: 'fb-hint', 'aria-live': 'polite' });
  const name = el('input', { name: 'reporterName', maxlength: '120' });
  const showName = el('input', { type: 'checkbox', name: 'showName' });
  const contactKind = el(
    'select',
    { name: 'contactKind' },
    el('option', { value: 'phone' }, t('phone')),
    el('option', { value: 'email' }, t('email')),
  );
  const contact = el('input', { name: 'contact', inputmode: 'tel', autocomplete: 'tel' });
  const sendCode = button(t('sendCode'), 'secondary');
  const code = el('input', {
    name: 'code',
    inputmode: 'numeric',
    maxlength: '6',
    autocomplete: 'one-time-code',
  });
  const subscribe = el('input', { type: 'checkbox', name: 'subscribe' });
  const submit = button(t('submit'));
  const status = el('p', { class: 'fb-status', role: 'status', 'aria-live': 'polite' });
  const nearby = el('div', { class: 'fb-nearby', 'aria-live': 'polite' });

  const saved: [HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, string][] = [
    [category, 'categoryId'],
    [title, 'title'],
    [description, 'description'],
    [area, 'areaUnitId'],
    [address, 'address'],
    [name, 'reporterName'],
    [contactKind, 'contactKind'],
    [contact, 'contact'],
    [lat, 'lat'],
    [lng, 'lng'],
  ];
  for (const [input, key] of saved) if (draft[key]) input.value = draft[key];
  const saveDraft = () => {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(Object.fromEntries(saved.map(([i, k]) => [k, i.value]))));
  };
  box.addEventListener('input', saveDraft);
  box.addEventListener('change', saveDraft);
  const showWhere = () => {
    where.textContent = lat.value
      ? t('pinned', { lat: Number(lat.value).toFixed(5), lng: Number(lng.value).toFixed(5) })
      : '';
  };
  showWhere();

  async function suggest() {
    if (!category.value || (!lat.value && !area.value)) return nearby.replaceChildren();
    const q = new URLSearchParams({ categoryId: category.value });
    if (lat.value) {
      q.set('lat', lat.value);
      q.set('lng', lng.value);
    }
    if (area.value) q.set('areaUnitId', area.value);
    const found = await api<{
      items: { code: string; title: string; status: FeedbackStatus; distanceMetres: number | null }[];
    }>(`/reports/nearby?${q}`).catch(() => ({ items: [] }));
    if (!found.items.length) return nearby.replaceChildren();
    nearby.replaceChildren(
      el('h2', {}, t('similar')),
      el(
        'ul',
        {},
        ...found.items.map((r) =>
          el(
            'li',
            {},
            el('a', { href: `/?feedback=follow&code=${r.code}` }, r.title),
            ` — ${statusText(r.status)}${r.distanceMetres !== null ? ` · ${r.distanceMetres} m` : ''}`,
          ),
        ),
      ),
    );
  }
  category.addEventListener('change', suggest);
  area.addEventListener('change', suggest);

  gps.addEventListener('click', () => {
    if (!navigator.geolocation) {
      where.textContent = t('gpsNone');
      return;
    }
    where.textContent = t('gpsWait');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        lat.value = String(p.coords.latitude);
        lng.value = String(p.coords.longitude);
        saveDraft();
        showWhere();
        void suggest();
      },
      () => {
        where.textContent = t('gpsNone');
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  });
  mapButton.addEventListener('click', async () => {
    mapBox.hidden = false;
    mapButton.hidden = true;
    try {
      const { openMap } = await import('./feedback-map.js');
      openMap(
        mapBox,
        settings.tileUrl,
        lat.value ? [Number(lat.value), Number(lng.value)] : null,
        (la, ln) => {
          lat.value = String(la);
          lng.value = String(ln);
          saveDraft();
          showWhere();
          void suggest();
        },
        () => {
          where.textContent = t('tilesFailed');
        },
      );
    } catch {
      mapBox.textContent = t('mapFailed');
    }
  });

  const photoIds: string[] = [];
  photos.addEventListener('change', async () => {
    for (const file of Array.from(photos.files ?? []).slice(0, 5 - photoIds.length)) {
      photoList.textContent = t('uploading');
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const res = await fetch(`${API}/photos?keepLocation=${keepLocation.checked}`, {
          method: 'POST',
          body: form,
        });
        if (!res.ok) throw new Error();
        photoIds.push(((await res.json()) as { id: string }).id);
      } catch {
        photoList.textContent = t('photoFailed');
        return;
      }
    }
    photoList.textContent = t('photos', { n: photoIds.length });
  });

  let otpId = '';
  let signedIn = false;
  const contactValue = () => ({ kind: contactKind.value, value: contact.value.trim() });
  // Citizen single sign-on, only when the deployment configured a provider: the button, or who is signed in.
  const ssoBox = el('div', { class: 'fb-sso', 'aria-live': 'polite' });
  void (async () => {
    try {
      const sso = await (await fetch('/api/public/sso')).json();
      if (!sso.enabled) return;
      const me = await fetch('/api/public/sso/me');
      if (me.ok) {
        const who = await me.json();
        signedIn = true;
        ssoBox.replaceChildren(
          el('p', {}, t('ssoSignedIn', { provider: who.provider, name: who.name ?? '' })),
        );
        return;
      }
      const back = encodeURIComponent(`${location.pathname}${location.search}`);
      ssoBox.replaceChildren(
        el('p', {}, t('ssoOr')),
        el(
          'a',
          { class: 'fb-button', href: `/api/public/sso/login?returnTo=${back}` },
          t('ssoSignIn', { provider: sso.providerName }),
        ),
      );
    } catch {
      // Without the status the form works as before (a one-time code).
    }
  })();
  sendCode.addEventListener('click', async () => {
    sendCode.disabled = true;
    status.textContent = t('checking');
    try {
      const ch = await api<{ challenge: string; difficulty: number }>('/challenge');
      const nonce = await solve(ch.challenge, ch.difficulty);
      const sent = await api<{ otpId: string; sentTo: string }>('/otp', {
        method: 'POST',
        body: JSON.stringify({
          contact: contactValue(),
          purpose: 'submit',
          pow: { challenge: ch.challenge, nonce },
        }),
      });
      otpId = sent.otpId;
      status.textContent = t('codeSent', { to: sent.sentTo });
      code.focus();
    } catch (e) {
      status.textContent = (e as Error).message;
    } finally {
      sendCode.disabled = false;
    }
  });

  // What the server would refuse, said beside each field before anything is sent: a summary in the status
  // line, the first field focused, and what was typed kept.
  const errors = new Map<HTMLElement, HTMLElement>();
  const clearError = (input: HTMLElement) => {
    errors.get(input)?.remove();
    errors.delete(input);
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  };
  const markError = (input: HTMLElement, message: string) => {
    clearError(input);
    const note = el('p', { class: 'fb-error', id: `${input.id}-error` }, message);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', note.id);
    input.after(note);
    errors.set(input, note);
  };
  for (const input of [category, title, description, contact, photos])
    input.addEventListener(input === photos ? 'change' : 'input', () => clearError(input));
  category.addEventListener('change', () => clearError(category));
  const labelOf = (input: HTMLElement) => input.parentElement?.querySelector('label')?.textContent ?? '';
  function checkForm(): boolean {
    const missing: [HTMLElement, string][] = [];
    if (!category.value) missing.push([category, t('chooseRequired')]);
    if (!title.value.trim()) missing.push([title, t('required')]);
    if (!description.value.trim()) missing.push([description, t('required')]);
    const chosen = categories.items.find((c) => String(c.id) === category.value);
    if (chosen?.photoRequired && photoIds.length === 0) missing.push([photos, t('photoRequired')]);
    if (contact.value.trim().length < 3) missing.push([contact, t('required')]);
    for (const input of [...errors.keys()]) clearError(input);
    for (const [input, message] of missing) markError(input, message);
    if (!missing.length) return true;
    status.textContent = t('fixFields', {
      n: missing.length,
      list: missing.map(([input]) => labelOf(input)).join(', '),
    });
    missing[0]?.[0].focus();
    return false;
  }

  submit.addEventListener('click', async () => {
    if (!checkForm()) return;
    if (!otpId && !signedIn) {
      status.textContent = t('needCode');
      return;
    }
    submit.disabled = true;
    try {
      const sent = await api<{ code: string }>('/reports', {
        method: 'POST',
        body: JSON.stringify({
          categoryId: Number(category.value),
          title: title.value,
          description: description.value,
          areaUnitId: area.value ? Number(area.value) : null,
          address: address.value || null,
          lat: lat.value ? Number(lat.value) : null,
          lng: lng.value ? Number(lng.value) : null,
          reporterName: name.value || null,
          showName: showName.checked,
          contact: contactValue(),
          otp: otpId ? { otpId, code: code.value.trim() } : undefined,
          photoIds,
          subscribe: subscribe.checked,
        }),
      });
      localStorage.removeItem(DRAFT_KEY);
      box.replaceChildren(
        el('h1', {}, t('sentTitle')),
        el('p', {}, t('sentText')),
        el('p', { class: 'fb-code' }, sent.code),
        el(
          'a',
          { class: 'fb-button fb-primary', href: `/?feedback=follow&code=${sent.code}` },
          t('navFollow'),
        ),
      );
    } catch (e) {
      status.textContent = (e as Error).message;
    } finally {
      submit.disabled = false;
    }
  });
  contactKind.addEventListener('change', () => {
    contact.setAttribute('inputmode', contactKind.value === 'email' ? 'email' : 'tel');
  });

  box.append(
    field(t('category'), category),
    field(t('title'), title),
    field(t('description'), description, t('descriptionHint')),
    el(
      'fieldset',
      {},
      el('legend', {}, t('where')),
      field(t('commune'), area),
      field(t('address'), address),
      gps,
      mapButton,
      where,
      mapBox,
      lat,
      lng,
    ),
    nearby,
    field(t('photo'), photos, t('photoHint')),
    el('label', { class: 'fb-check' }, keepLocation, t('keepLocation')),
    photoList,
    field(t('name'), name),
    el('label', { class: 'fb-check' }, showName, t('showName')),
    field(t('contactKind'), contactKind),
    field(t('contact'), contact, t('contactHint')),
    ssoBox,
    sendCode,
    field(t('code'), code),
    el('label', { class: 'fb-check' }, subscribe, t('subscribe')),
    submit,
    status,
  );
  void suggest();
}

// ---------- Follow a report and rate the answer
async function showFollow(root: HTMLElement, initial: string | null) {
  const box = header(root, t('followTitle'));
  const input = el('input', { name: 'code', placeholder: 'PA-2026-XXXXXXXX', autocapitalize: 'characters' });
  const go = button(t('find'));
  const out = el('div', { 'aria-live': 'polite' });
  box.append(field(t('codeLabel'), input), go, out);
  const load = async (code: string) => {
    out.replaceChildren(el('p', {}, t('loading')));
    try {
      const r = await api<PublicReport>(`/reports/${encodeURIComponent(code.trim().toUpperCase())}`);
      history.replaceState(null, '', `/?feedback=follow&code=${r.code}`);
      out.replaceChildren(...renderReport(r, () => load(r.code)));
    } catch (e) {
      out.replaceChildren(el('p', { class: 'fb-status' }, (e as Error).message));
    }
  };
  go.addEventListener('click', () => load(input.value));
  if (initial) {
    input.value = initial;
    await load(initial);
  }
}

function renderReport(r: PublicReport, reload: () => void): Node[] {
  const nodes: Node[] = [
    el('h2', {}, r.title),
    el('p', { class: `fb-badge fb-${r.status}` }, statusText(r.status)),
    el('p', {}, r.description),
    el('p', { class: 'fb-hint' }, [r.categoryName, r.areaName, r.address].filter(Boolean).join(' · ')),
  ];
  if (r.duplicateOf)
    nodes.push(
      el(
        'p',
        { class: 'fb-status' },
        t('duplicateOf'),
        ' ',
        el('a', { href: `/?feedback=follow&code=${r.duplicateOf}` }, r.duplicateOf),
      ),
    );
  if (r.handlingUnit) nodes.push(el('p', {}, t('handlingUnit', { unit: r.handlingUnit })));
  if (r.deadline) nodes.push(el('p', {}, t('deadline', { date: dayText(r.deadline) })));
  for (const p of r.photos)
    nodes.push(
      el('img', {
        class: 'fb-photo',
        alt: t('photoAlt'),
        loading: 'lazy',
        src: `${API}/reports/${r.code}/files/${p.id}`,
      }),
    );
  if (r.answer) nodes.push(el('h3', {}, t('answer')), el('p', { class: 'fb-answer' }, r.answer));
  nodes.push(
    el('h3', {}, t('timeline')),
    el(
      'ol',
      { class: 'fb-timeline' },
      ...r.timeline.map((e) =>
        el(
          'li',
          {},
          el('strong', {}, e.status ? statusText(e.status) : t('event')),
          ` — ${dateText(e.createdAt)}${e.unitName ? ` · ${e.unitName}` : ''}`,
          ...(e.text ? [el('br'), e.text] : []),
          ...e.files.map((f) =>
            el('a', { class: 'fb-file', href: `${API}/reports/${r.code}/files/${f.id}` }, f.name),
          ),
        ),
      ),
    ),
  );
  if (r.canRate) {
    const contact = el('input', { name: 'contact', autocomplete: 'tel' });
    const reason = el('textarea', { rows: '3', maxlength: '2000' });
    const yes = button(t('satisfied'));
    const no = button(t('unsatisfied'), 'secondary');
    const msg = el('p', { class: 'fb-status', role: 'status' });
    const rate = async (satisfied: boolean) => {
      try {
        await api(`/reports/${r.code}/rating`, {
          method: 'POST',
          body: JSON.stringify({ satisfied, reason: reason.value || undefined, contact: contact.value }),
        });
        reload();
      } catch (e) {
        msg.textContent = (e as Error).message;
      }
    };
    yes.addEventListener('click', () => rate(true));
    no.addEventListener('click', () => rate(false));
    nodes.push(
      el('h3', {}, t('rateTitle')),
      field(t('rateContact'), contact),
      field(t('rateReason'), reason),
      el('div', { class: 'fb-row' }, yes, no),
      msg,
    );
  }
  return nodes;
}

// ---------- Public list and map
type ListItem = {
  code: string;
  title: string;
  status: FeedbackStatus;
  categoryName: string;
  areaName: string | null;
  lat: number | null;
  lng: number | null;
  createdAt: string;
};
const dotColour = (s: FeedbackStatus) =>
  s === 'closed' ? '#5c6370' : s === 'answered' ? '#2b7a3b' : '#1c5fb8';

async function showList(root: HTMLElement) {
  const box = header(root, t('listTitle'));
  const [categories, areas] = await Promise.all([
    api<{ items: Category[] }>('/categories'),
    api<{ items: Area[] }>('/areas'),
  ]);
  // The filters live in the address, so a shared or reloaded link shows the same list.
  const params = new URLSearchParams(location.search);
  const select = (name: string, options: [string, string][]) => {
    const s = el('select', { name }, el('option', { value: '' }, t('all')));
    for (const [value, text] of options) s.append(el('option', { value }, text));
    s.value = options.some(([v]) => v === params.get(name)) ? (params.get(name) as string) : '';
    return s;
  };
  const category = select(
    'categoryId',
    categories.items.map((c) => [String(c.id), getLocale() === 'vi' ? c.nameVi : c.nameEn]),
  );
  const area = select(
    'areaUnitId',
    areas.items.map((a) => [String(a.id), a.name]),
  );
  const status = select(
    'status',
    (['assigned', 'in_progress', 'answered', 'closed', 'reopened'] as FeedbackStatus[]).map((s) => [
      s,
      statusText(s),
    ]),
  );
  const count = el('p', { class: 'fb-hint', role: 'status', 'aria-live': 'polite' });
  const list = el('ul', { class: 'fb-list' });
  const more = button(t('more'), 'secondary');
  more.hidden = true;
  const mapButton = button(t('showMap'), 'secondary');
  const mapNote = el('p', { class: 'fb-hint', 'aria-live': 'polite' });
  const mapBox = el('div', { class: 'fb-map fb-map-list', hidden: '' });

  let items: ListItem[] = [];
  let total = 0;
  let page = 1;
  let request = 0;
  let map: { update(reports: import('./feedback-map.js').MapReport[]): void } | null = null;

  const drawMap = () => {
    if (!map || mapBox.hidden) return;
    const placed = items.filter((r) => r.lat !== null && r.lng !== null);
    map.update(
      placed.map((r) => ({
        code: r.code,
        title: r.title,
        statusText: statusText(r.status),
        colour: dotColour(r.status),
        lat: r.lat as number,
        lng: r.lng as number,
      })),
    );
    mapNote.textContent = `${t('mapCount', { n: placed.length, shown: items.length })} ${t('mapLegend')}`;
  };
  const row = (r: ListItem) =>
    el(
      'li',
      {},
      el('a', { href: `/?feedback=follow&code=${r.code}` }, r.title),
      el('br'),
      `${statusText(r.status)} · ${r.categoryName}${r.areaName ? ` · ${r.areaName}` : ''} · ${dateText(r.createdAt)}`,
    );
  const load = async (next: number) => {
    const mine = ++request;
    const q = new URLSearchParams();
    if (category.value) q.set('categoryId', category.value);
    if (area.value) q.set('areaUnitId', area.value);
    if (status.value) q.set('status', status.value);
    if (next === 1) history.replaceState(null, '', `/?feedback=list${q.size ? `&${q}` : ''}`);
    q.set('page', String(next));
    more.disabled = true;
    try {
      const res = await api<{ items: ListItem[]; total: number }>(`/reports?${q}`);
      // A later filter change wins over an answer still on its way.
      if (mine !== request) return;
      page = next;
      total = res.total;
      items = next === 1 ? res.items : [...items, ...res.items];
      if (next === 1) list.replaceChildren(...(items.length ? items.map(row) : [el('li', {}, t('none'))]));
      else list.append(...res.items.map(row));
      count.textContent = t('listCount', { total: total.toLocaleString(getLocale()), shown: items.length });
      more.hidden = items.length >= total || res.items.length === 0;
      drawMap();
    } catch (e) {
      if (mine === request) count.textContent = (e as Error).message;
    } finally {
      more.disabled = false;
    }
  };
  for (const s of [category, area, status]) s.addEventListener('change', () => load(1));
  more.addEventListener('click', () => load(page + 1));
  mapButton.addEventListener('click', async () => {
    if (!mapBox.hidden) {
      mapBox.hidden = true;
      mapNote.textContent = '';
      mapButton.textContent = t('showMap');
      return;
    }
    mapBox.hidden = false;
    mapButton.textContent = t('hideMap');
    if (!map) {
      try {
        const [{ reportsMap }, settings] = await Promise.all([
          import('./feedback-map.js'),
          api<{ tileUrl: string }>('/settings'),
        ]);
        map = reportsMap(mapBox, settings.tileUrl, t('mapLink'), () => {
          mapNote.textContent = `${mapNote.textContent} ${t('tilesFailed')}`;
        });
      } catch {
        mapBox.textContent = t('mapFailed');
        return;
      }
    }
    drawMap();
  });

  box.append(
    el('p', {}, el('a', { href: '/?feedback=stats' }, t('navStats'))),
    field(t('category'), category),
    field(t('commune'), area),
    field(t('status'), status),
    mapButton,
    mapNote,
    mapBox,
    count,
    list,
    more,
  );
  await load(1);
}

// ---------- Per-unit statistics
type UnitStats = {
  unitName: string;
  received: number;
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
};
async function showStats(root: HTMLElement) {
  const box = header(root, t('statsTitle'));
  const thisYear = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
  const asked = Number(new URLSearchParams(location.search).get('year'));
  const year = el('select', { name: 'year' });
  for (let y = thisYear; y >= Math.min(2025, thisYear); y--)
    year.append(el('option', { value: String(y) }, String(y)));
  year.value = asked >= 2020 && asked <= thisYear ? String(asked) : String(thisYear);
  const search = el('input', { name: 'unit', type: 'search', autocomplete: 'off' });
  const out = el('div', { 'aria-live': 'polite' });
  let units: UnitStats[] = [];

  const rate = (r: number | null) =>
    r === null
      ? t('statsNoRate')
      : `${(r * 100).toLocaleString(getLocale(), { maximumFractionDigits: 1 })} %`;
  const card = (u: UnitStats) =>
    el(
      'li',
      { class: 'fb-stat' },
      el('strong', {}, u.unitName),
      el(
        'dl',
        {},
        el('dt', {}, t('statsReceived')),
        el('dd', {}, String(u.received)),
        el('dt', {}, t('statsAnswered')),
        el('dd', {}, String(u.answered)),
        el('dt', {}, t('statsOnTime')),
        el('dd', {}, `${u.onTime} · ${rate(u.onTimeRate)}`),
        el('dt', {}, t('statsSatisfied')),
        el('dd', {}, `${u.satisfied}/${u.rated} · ${rate(u.satisfactionRate)}`),
      ),
    );
  const draw = () => {
    if (!units.length) return out.replaceChildren(el('p', {}, t('statsNone', { year: year.value })));
    const want = foldVietnamese(search.value.trim());
    const shown = want ? units.filter((u) => foldVietnamese(u.unitName).includes(want)) : units;
    out.replaceChildren(
      shown.length ? el('ul', { class: 'fb-stats' }, ...shown.map(card)) : el('p', {}, t('statsNoMatch')),
    );
  };
  const load = async () => {
    out.replaceChildren(el('p', {}, t('loading')));
    history.replaceState(null, '', `/?feedback=stats&year=${year.value}`);
    try {
      units = (await api<{ units: UnitStats[] }>(`/stats?year=${year.value}`)).units;
      draw();
    } catch (e) {
      out.replaceChildren(el('p', { class: 'fb-status' }, (e as Error).message));
    }
  };
  year.addEventListener('change', load);
  search.addEventListener('input', draw);
  box.append(
    el('p', { class: 'fb-hint' }, t('statsIntro')),
    field(t('year'), year),
    field(t('findUnit'), search),
    out,
  );
  await load();
}

/** Entry from web/public/main.ts: `mode` is the ?feedback value. */
export async function showFeedback(root: HTMLElement, mode: string, code: string | null): Promise<void> {
  try {
    if (mode === 'follow') await showFollow(root, code);
    else if (mode === 'list') await showList(root);
    else if (mode === 'stats') await showStats(root);
    else await showForm(root);
  } catch {
    root.replaceChildren(el('p', { class: 'fb-status' }, t('error')));
  }
}
