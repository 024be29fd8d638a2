import './contest.css';
import type { AttemptView, Leaderboard, Me, PublicContest } from '../../core/contracts/contest-public.js';
import { getLocale } from '../i18n/locale-store.js';
import { el } from '../lib/dom.js';
import { CONTEST_TEXTS, type ContestTextKey } from './contest-texts.js';
import { solvePow } from './pow.js';

// The public contest (?contest=<slug>): landing with the rules, registration (typed input kept on the phone
// until it is sent), the quiz (one question per screen, the server's deadline as a visible timer, every answer
// autosaved and kept locally while offline), the score, the leaderboard. Plain DOM, phone first, no framework.

const t = (key: ContestTextKey, params: Record<string, string | number> = {}) =>
  CONTEST_TEXTS[getLocale()][key].replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));

const button = (label: string, onClick: () => void, cls = 'contest-btn') => {
  const b = el('button', { type: 'button', class: cls }, label);
  b.addEventListener('click', onClick);
  return b;
};
const seconds = (ms: number) =>
  `${Math.floor(ms / 60000)}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, '0')}`;

type Problem = { detail?: string; errors?: { field: string; message?: string }[] };

export async function showContest(root: HTMLElement, slug: string): Promise<void> {
  const tokenKey = `contest:${slug}:token`;
  const draftKey = `contest:${slug}:draft`;
  let token = localStorage.getItem(tokenKey) ?? '';
  let contest: PublicContest;
  const api = async <T>(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ ok: boolean; status: number; data: T & Problem }> => {
    const res = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { 'x-contest-token': token } : {}),
        'accept-language': getLocale(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = res.status === 204 ? {} : await res.json().catch(() => ({}));
    return { ok: res.ok, status: res.status, data: data as T & Problem };
  };
  const page = (...children: (Node | string | null)[]) => {
    root.replaceChildren(
      el(
        'section',
        { class: 'contest' },
        el('a', { href: '/', class: 'contest-back' }, t('back')),
        ...children,
      ),
    );
    root.querySelector('h1')?.focus();
  };

  const loaded = await api<PublicContest>('GET', `/api/public/contests/${encodeURIComponent(slug)}`);
  if (!loaded.ok) return page(el('p', {}, t('notFound')));
  contest = loaded.data;

  async function me(): Promise<Me | null> {
    if (!token) return null;
    const r = await api<Me>('GET', `/api/public/contests/${slug}/me`);
    if (r.status === 401) {
      localStorage.removeItem(tokenKey);
      token = '';
    }
    return r.ok ? r.data : null;
  }

  async function landing() {
    const who = await me();
    const h1 = el('h1', { tabindex: '-1' }, contest.title);
    const rounds = el('ul', { class: 'contest-rounds' });
    for (const r of contest.rounds)
      rounds.append(
        el(
          'li',
          {},
          `${r.name}: ${new Date(r.startsAt).toLocaleString('vi-VN')} – ${new Date(r.endsAt).toLocaleString('vi-VN')}${r.final ? ` (${t('final')})` : ''}`,
        ),
      );
    const open = who?.attempts.find((a) => a.status === 'open');
    const actions = el('div', { class: 'contest-actions' });
    if (contest.status === 'closed') actions.append(el('p', {}, t('closed')));
    else if (!who) {
      actions.append(button(t('register'), register));
      if (contest.verification === 'sso') void appendSsoSignIn(actions);
    } else if (!who.verified) actions.append(button(t('otpTitle'), verify));
    else if (contest.currentRoundKey) actions.append(button(open ? t('resume') : t('start'), start));
    else actions.append(el('p', {}, t('noRound')));
    actions.append(
      button(
        t('leaderboard'),
        () => leaderboard(contest.currentRoundKey ?? contest.rounds[0].key, contest.groups[0].key),
        'contest-btn contest-btn-light',
      ),
    );
    const summary = el(
      'details',
      { class: 'contest-rules' },
      el('summary', {}, t('rules')),
      el('pre', {}, contest.summary),
    );
    page(
      h1,
      who ? el('p', { class: 'contest-me' }, `${who.fullName}${who.cccd ? ` · ${who.cccd}` : ''}`) : null,
      actions,
      el('h2', {}, t('rounds')),
      rounds,
      summary,
      contest.rulesText ? el('p', {}, contest.rulesText) : null,
    );
  }

  function register() {
    const draft: Record<string, string> = JSON.parse(localStorage.getItem(draftKey) ?? '{}');
    const form = el('form', { class: 'contest-form', novalidate: '' });
    const errorBox = el('p', { class: 'contest-error', role: 'alert' });
    const keep = () => localStorage.setItem(draftKey, JSON.stringify(draft));
    // A contest verified by single sign-on: the way to sign in stays on the form itself (what was typed is kept
    // in the draft, so the round trip to the provider loses nothing); absent once the citizen is signed in.
    if (contest.verification === 'sso') {
      const sso = el('div', { class: 'contest-sso' });
      form.append(sso);
      void appendSsoSignIn(sso);
    }
    const field = (name: string, label: string, input: HTMLElement, required: boolean) => {
      const id = `contest-${name}`;
      input.id = id;
      input.setAttribute('name', name);
      if (required) input.setAttribute('aria-required', 'true');
      const wrap = el(
        'div',
        { class: 'contest-field' },
        el('label', { for: id }, `${label}${required ? ` (${t('required')})` : ''}`),
        input,
        el('span', { class: 'contest-field-error', id: `${id}-error` }),
      );
      form.append(wrap);
    };
    const groups = el('select', {});
    for (const g of contest.groups) groups.append(el('option', { value: g.key }, g.name));
    groups.addEventListener('change', () => {
      draft.groupKey = (groups as HTMLSelectElement).value;
      keep();
    });
    (groups as HTMLSelectElement).value = draft.groupKey ?? contest.groups[0].key;
    field('groupKey', t('group'), groups, true);
    for (const f of contest.registration) {
      if (f.field === 'unit') {
        const input = el('input', {
          type: 'search',
          autocomplete: 'off',
          value: draft.unitName ?? '',
        }) as HTMLInputElement;
        const list = el('ul', { class: 'contest-units', role: 'listbox' });
        let timer = 0;
        input.addEventListener('input', () => {
          draft.unitName = input.value;
          delete draft.unitId;
          keep();
          clearTimeout(timer);
          timer = window.setTimeout(async () => {
            if (input.value.trim().length < 2) return list.replaceChildren();
            const r = await api<{ items: { id: number; name: string }[] }>(
              'GET',
              `/api/public/contests/${slug}/units?q=${encodeURIComponent(input.value.trim())}`,
            );
            list.replaceChildren(
              ...(r.ok ? r.data.items : []).map((u) => {
                const item = button(
                  u.name,
                  () => {
                    draft.unitId = String(u.id);
                    draft.unitName = u.name;
                    input.value = u.name;
                    keep();
                    list.replaceChildren();
                  },
                  'contest-unit',
                );
                return el('li', {}, item);
              }),
            );
          }, 250);
        });
        field('unitId', t('unit'), input, f.required);
        form.append(list);
        continue;
      }
      let input: HTMLElement;
      if (f.field === 'gender') {
        input = el(
          'select',
          {},
          el('option', { value: '' }, '—'),
          el('option', { value: 'male' }, t('male')),
          el('option', { value: 'female' }, t('female')),
          el('option', { value: 'other' }, t('other')),
        );
        (input as HTMLSelectElement).value = draft.gender ?? '';
      } else {
        const type =
          f.field === 'email'
            ? 'email'
            : f.field === 'birthDate'
              ? 'date'
              : f.field === 'phone'
                ? 'tel'
                : 'text';
        const mode = f.field === 'cccd' ? 'numeric' : undefined;
        input = el('input', {
          type,
          inputmode: mode,
          value: draft[f.field] ?? '',
          autocomplete: f.field === 'fullName' ? 'name' : f.field === 'phone' ? 'tel' : 'off',
        });
      }
      input.addEventListener('input', () => {
        draft[f.field] = (input as HTMLInputElement).value;
        keep();
      });
      field(f.field, t(f.field as ContestTextKey), input, f.required);
    }
    const consent = el('input', { type: 'checkbox', id: 'contest-consent' }) as HTMLInputElement;
    form.append(
      el('label', { class: 'contest-consent', for: 'contest-consent' }, consent, ` ${t('consent')}`),
    );
    const submit = el('button', { type: 'submit', class: 'contest-btn' }, t('send'));
    form.append(errorBox, submit);
    // The anti-robot proof of work starts while the person fills in the form, so it is usually done by "send".
    type Pow = { challenge: string; nonce: string } | null;
    const newPow = (): Promise<Pow> =>
      api<{ challenge: string; difficulty: number }>('GET', `/api/public/contests/${slug}/challenge`)
        .then(async (r) =>
          r.ok
            ? { challenge: r.data.challenge, nonce: await solvePow(r.data.challenge, r.data.difficulty) }
            : null,
        )
        .catch(() => null);
    let pow = newPow();
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.setAttribute('disabled', '');
      errorBox.textContent = t('checking');
      const body: Record<string, unknown> = {
        groupKey: (groups as HTMLSelectElement).value,
        consent: consent.checked,
        pow: (await pow) ?? undefined,
      };
      errorBox.textContent = '';
      for (const f of contest.registration) {
        const v = f.field === 'unit' ? draft.unitId : draft[f.field];
        if (v) body[f.field === 'unit' ? 'unitId' : f.field] = f.field === 'unit' ? Number(v) : v;
      }
      const r = await api<{ token: string; me: Me }>(
        'POST',
        `/api/public/contests/${slug}/register`,
        body,
      ).catch(() => null);
      submit.removeAttribute('disabled');
      for (const s of form.querySelectorAll('.contest-field-error')) s.textContent = '';
      if (r?.ok) {
        token = r.data.token;
        localStorage.setItem(tokenKey, token);
        localStorage.removeItem(draftKey);
        return r.data.me.verified ? landing() : verify();
      }
      pow = newPow(); // a solution is single-use: the next try gets a fresh one
      errorBox.textContent = r?.data.detail ?? t('error');
      for (const fe of r?.data.errors ?? []) {
        const target = form.querySelector(`#contest-${fe.field.replace(/^body\./, '')}-error`);
        if (target) target.textContent = fe.message ?? '';
      }
    });
    page(el('h1', { tabindex: '-1' }, t('register')), form);
  }

  function verify() {
    const input = el('input', {
      type: 'text',
      inputmode: 'numeric',
      maxlength: '6',
      autocomplete: 'one-time-code',
      id: 'contest-otp',
    }) as HTMLInputElement;
    const msg = el('p', { role: 'status' });
    page(
      el('h1', { tabindex: '-1' }, t('otpTitle')),
      el('p', {}, t('otpHelp')),
      el('label', { for: 'contest-otp' }, t('otpTitle')),
      input,
      msg,
      button(t('verify'), async () => {
        const r = await api<Me>('POST', `/api/public/contests/${slug}/verify`, { code: input.value.trim() });
        if (r.ok) return landing();
        msg.textContent = r.data.detail ?? t('error');
      }),
      button(
        t('resend'),
        async () => {
          const r = await api('POST', `/api/public/contests/${slug}/otp`);
          msg.textContent = r.ok ? t('otpHelp') : (r.data.detail ?? t('error'));
        },
        'contest-btn contest-btn-light',
      ),
    );
  }

  async function start() {
    const r = await api<AttemptView>('POST', `/api/public/contests/${slug}/attempts`);
    if (!r.ok)
      return page(el('p', { role: 'alert' }, r.data.detail ?? t('error')), button(t('back'), landing));
    quiz(r.data);
  }

  function quiz(attempt: AttemptView) {
    const pendingKey = `contest:attempt:${attempt.id}`;
    const answers: Record<string, number[]> = {
      ...attempt.answers,
      ...JSON.parse(localStorage.getItem(pendingKey) ?? '{}'),
    };
    let prediction: number | null = attempt.prediction;
    let index = 0;
    // The server's clock: the deadline minus the server's "now", counted down on this phone's clock.
    const offset = new Date(attempt.serverNow).getTime() - Date.now();
    const deadline = new Date(attempt.deadlineAt).getTime();
    const timer = el('div', { class: 'contest-timer', role: 'timer', 'aria-live': 'off' });
    const status = el('p', { class: 'contest-status', role: 'status' });
    let saving: Promise<unknown> = Promise.resolve();
    const save = () => {
      localStorage.setItem(pendingKey, JSON.stringify(answers));
      status.textContent = t('saving');
      saving = saving.then(async () => {
        const r = await api('PUT', `/api/public/contest-attempts/${attempt.id}/answers`, {
          answers,
          prediction,
        }).catch(() => null);
        status.textContent = r?.ok ? t('saved') : r ? (r.data.detail ?? t('error')) : t('offline');
        if (r?.ok) localStorage.removeItem(pendingKey);
      });
    };
    const tick = () => {
      const left = deadline - (Date.now() + offset);
      timer.textContent = `${t('timeLeft')} ${seconds(Math.max(0, left))}`;
      timer.classList.toggle('contest-timer-low', left < 60_000);
      if (left <= -1000 && root.contains(timer)) void finish();
    };
    const interval = window.setInterval(
      () => (root.contains(timer) ? tick() : clearInterval(interval)),
      1000,
    );
    const n = attempt.questions.length;
    const show = () => {
      tick();
      if (index === n) {
        const input = el('input', {
          type: 'number',
          inputmode: 'numeric',
          min: '0',
          id: 'contest-prediction',
          value: prediction === null ? '' : String(prediction),
        }) as HTMLInputElement;
        input.addEventListener('change', () => {
          prediction = input.value === '' ? null : Math.max(0, Math.floor(Number(input.value)));
          save();
        });
        const nav = el(
          'div',
          { class: 'contest-nav' },
          button(
            t('prev'),
            () => {
              index = n - 1;
              show();
            },
            'contest-btn contest-btn-light',
          ),
          button(t('submit'), () => confirm(t('confirmSubmit')) && finish()),
        );
        return page(
          timer,
          el('h1', { tabindex: '-1' }, t('prediction')),
          attempt.predictionQuestion
            ? el('label', { for: 'contest-prediction' }, attempt.predictionQuestion)
            : null,
          attempt.predictionQuestion ? input : null,
          nav,
          status,
        );
      }
      const q = attempt.questions[index];
      const chosen = new Set(answers[q.id] ?? []);
      const list = el('div', {
        class: 'contest-options',
        role: q.kind === 'single' ? 'radiogroup' : 'group',
        'aria-labelledby': 'contest-q',
      });
      for (const o of q.options) {
        const input = el('input', {
          type: q.kind === 'single' ? 'radio' : 'checkbox',
          name: `q${q.id}`,
          value: String(o.key),
        }) as HTMLInputElement;
        input.checked = chosen.has(o.key);
        input.addEventListener('change', () => {
          if (q.kind === 'single') chosen.clear();
          if (input.checked) chosen.add(o.key);
          else chosen.delete(o.key);
          answers[q.id] = [...chosen];
          save();
        });
        list.append(el('label', { class: 'contest-option' }, input, ` ${o.text}`));
      }
      const nav = el(
        'div',
        { class: 'contest-nav' },
        index > 0
          ? button(
              t('prev'),
              () => {
                index -= 1;
                show();
              },
              'contest-btn contest-btn-light',
            )
          : null,
        button(index === n - 1 && !attempt.predictionQuestion ? t('submit') : t('next'), () => {
          if (index === n - 1 && !attempt.predictionQuestion) return confirm(t('confirmSubmit')) && finish();
          index += 1;
          show();
        }),
      );
      page(
        timer,
        el('p', { class: 'contest-progress' }, t('question', { i: index + 1, n })),
        el('h1', { tabindex: '-1', id: 'contest-q' }, q.text),
        list,
        nav,
        status,
      );
    };
    let finishing = false;
    async function finish() {
      if (finishing) return;
      finishing = true;
      clearInterval(interval);
      await saving;
      const r = await api<AttemptView & { alreadySubmitted: boolean }>(
        'POST',
        `/api/public/contest-attempts/${attempt.id}/submit`,
        { answers, prediction },
      );
      if (!r.ok) {
        finishing = false;
        status.textContent = r.data.detail ?? t('error');
        return;
      }
      localStorage.removeItem(pendingKey);
      const a = r.data;
      page(
        el('h1', { tabindex: '-1' }, t('score', { score: a.score ?? 0, total: a.total })),
        el('p', {}, t('duration', { t: seconds(a.durationMs ?? 0) })),
        a.late ? el('p', { class: 'contest-note' }, t('late')) : null,
        a.alreadySubmitted ? el('p', { class: 'contest-note' }, t('already')) : null,
        button(t('leaderboard'), () => leaderboard(a.roundKey, contest.groups[0].key)),
        button(t('back'), landing, 'contest-btn contest-btn-light'),
      );
    }
    show();
  }

  async function leaderboard(round: string, group: string) {
    const r = await api<Leaderboard>(
      'GET',
      `/api/public/contests/${slug}/leaderboard?round=${encodeURIComponent(round)}&group=${encodeURIComponent(group)}`,
    );
    const pickRound = el('select', { id: 'contest-round' }) as HTMLSelectElement;
    for (const x of contest.rounds) pickRound.append(el('option', { value: x.key }, x.name));
    pickRound.value = round;
    const pickGroup = el('select', { id: 'contest-group' }) as HTMLSelectElement;
    for (const g of contest.groups) pickGroup.append(el('option', { value: g.key }, g.name));
    pickGroup.value = group;
    const again = () => leaderboard(pickRound.value, pickGroup.value);
    pickRound.addEventListener('change', again);
    pickGroup.addEventListener('change', again);
    const rows = r.ok ? r.data.rows : [];
    const table = el(
      'table',
      { class: 'contest-board' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, t('rank')),
          el('th', { scope: 'col' }, t('name')),
          el('th', { scope: 'col' }, t('points')),
          el('th', { scope: 'col' }, t('time')),
        ),
      ),
    );
    const body = el('tbody', {});
    for (const row of rows)
      body.append(
        el(
          'tr',
          {},
          el('td', {}, String(row.rank)),
          el('td', {}, row.name, row.unitName ? el('small', {}, ` · ${row.unitName}`) : null),
          el('td', {}, `${row.score}/${row.total}`),
          el('td', {}, seconds(row.durationMs)),
        ),
      );
    table.append(body);
    page(
      el('h1', { tabindex: '-1' }, t('leaderboard')),
      el('label', { for: 'contest-round' }, t('round')),
      pickRound,
      el('label', { for: 'contest-group' }, t('group')),
      pickGroup,
      el('p', { class: 'contest-note' }, r.ok && r.data.final ? t('official') : t('provisional')),
      rows.length ? table : el('p', {}, r.ok ? t('noRows') : (r.data.detail ?? t('error'))),
      button(t('back'), landing, 'contest-btn contest-btn-light'),
    );
    // Final results: the participant's own certificates to download (its own small chunk).
    if (r.ok && r.data.final && token) {
      const box = await import('./contest-certificate.js').then((m) => m.myCertificates(slug, token));
      if (box) root.querySelector('section.contest')?.append(box);
    }
  }

  await landing();
}

/** A contest verified by single sign-on: the provider's button (only when the deployment configured one). */
async function appendSsoSignIn(box: HTMLElement) {
  try {
    const sso = await (await fetch('/api/public/sso')).json();
    if (!sso.enabled || (await fetch('/api/public/sso/me')).ok) return;
    const back = encodeURIComponent(`${location.pathname}${location.search}`);
    box.append(
      el('p', {}, t('ssoNeeded')),
      el(
        'a',
        { class: 'contest-btn', href: `/api/public/sso/login?returnTo=${back}` },
        t('ssoSignIn', { provider: sso.providerName }),
      ),
    );
  } catch {
    // Registering then answers why (sign in first).
  }
}
