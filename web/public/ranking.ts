import './ranking.css';
import type { PublicPeriodDetail } from '../../core/contracts/measure-public.js';
import type { Locale } from '../../core/i18n/locale.js';
import { matchesFolded } from '../../core/units/fold.js';
import { getLocale, intlTag, subscribeLocale } from '../i18n/locale-store.js';
import { groupLabel, pillarName, type RankingKey, rankingText } from './ranking-texts.js';

// The public ranking of a published period (?ranking=<periodId>) and a unit's profile (&unit=<id>).
// Plain DOM, CSS bars, no charting library: it must load fast on a cheap phone.

type Node = { code: string; points: number; value: number | null };
type RankedUnit = {
  unitId: number;
  unitName: string;
  peerGroup: string;
  points: number;
  applicableMax: number;
  value: number | null;
  band: { code: string; name: string } | null;
  rank: number | null;
  peerRank: number | null;
  mainIndices: Node[];
  pillars: Node[];
  change: { valueDelta: number | null; rankDelta: number | null } | null;
};
// The API sends one page at a time; `units` here accumulates the pages loaded so far ("show more").
type Ranking = {
  periodId: number;
  periodName: string;
  computedAt: string;
  unitCount: number;
  groups: { peerGroup: string; count: number }[];
  total: number;
  units: RankedUnit[];
};
type PublishedPeriod = { id: number; name: string; year: number };
type State = {
  ranking: Ranking | null;
  status: 'loading' | 'ok' | 'notFound' | 'error';
  group: string;
  /** The search typed by the citizen (sent as `q`; the server folds marks and case). */
  q: string;
  /** Main index names, units taking part but not ranked: loaded once per period, optional. */
  detail: PublicPeriodDetail | null;
  periods: PublishedPeriod[];
};
const PAGE_SIZE = 50;

type Child = Node_ | string | null | false;
type Node_ = globalThis.Node;

function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== false) el.append(c);
  return el;
}

const state: State = { ranking: null, status: 'loading', group: 'all', q: '', detail: null, periods: [] };
let root: HTMLElement;
let periodId = 0;

const tr = (key: RankingKey, params?: Record<string, string | number>) =>
  rankingText(getLocale(), key, params);
const num = (v: number | null, digits = 3) =>
  v === null
    ? '–'
    : new Intl.NumberFormat(intlTag(getLocale()), {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(v);

function bar(value: number | null, label: string): HTMLElement {
  const pct = Math.max(0, Math.min(100, (value ?? 0) * 100));
  const fill = h('span', { class: 'rk-fill' });
  fill.style.width = `${pct}%`;
  return h('span', { class: 'rk-bar', role: 'img', 'aria-label': `${label}: ${num(value)}` }, fill);
}

function changeCell(u: RankedUnit): HTMLElement {
  const d = u.change?.rankDelta ?? null;
  if (d === null) return h('span', { class: 'rk-muted' }, tr('new'));
  if (d === 0) return h('span', { class: 'rk-muted', 'aria-label': tr('same') }, '=');
  const up = d > 0;
  return h(
    'span',
    { class: up ? 'rk-up' : 'rk-down', 'aria-label': tr(up ? 'up' : 'down', { n: Math.abs(d) }) },
    `${up ? '▲' : '▼'} ${Math.abs(d)}`,
  );
}

function groupFilter(groups: string[]): HTMLElement | null {
  if (groups.length < 2) return null;
  const buttons = ['all', ...groups].map((g) => {
    const b = h(
      'button',
      { type: 'button', class: 'rk-chip', 'aria-pressed': String(state.group === g) },
      g === 'all' ? tr('all') : groupLabel(getLocale(), g),
    );
    b.addEventListener('click', () => {
      state.group = g;
      void load(false);
    });
    return b;
  });
  return h('div', { class: 'rk-chips', role: 'group', 'aria-label': tr('group') }, ...buttons);
}

function rankingView(r: Ranking): HTMLElement[] {
  const groups = r.groups.map((g) => g.peerGroup);
  const byGroup = state.group !== 'all';
  const rows = r.units.map((u) =>
    h(
      'tr',
      {},
      h('td', { class: 'rk-num' }, String((byGroup ? u.peerRank : u.rank) ?? '–')),
      h(
        'td',
        {},
        h('a', { href: `/?ranking=${periodId}&unit=${u.unitId}` }, u.unitName),
        u.band ? h('span', { class: 'rk-band' }, u.band.name) : null,
      ),
      h('td', { class: 'rk-val' }, h('span', { class: 'rk-valnum' }, num(u.value)), bar(u.value, u.unitName)),
      h('td', { class: 'rk-chg' }, changeCell(u)),
    ),
  );
  const head = h(
    'tr',
    {},
    ...(['rank', 'unit', 'value', 'change'] as const).map((k) => h('th', { scope: 'col' }, tr(k))),
  );
  return [
    h(
      'p',
      { class: 'rk-muted' },
      tr('published', {
        at: new Date(r.computedAt).toLocaleString(intlTag(getLocale()), {
          timeZone: 'Asia/Ho_Chi_Minh',
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        }),
      }),
    ),
    searchForm(),
    groupFilter(groups) ?? h('span'),
    state.q ? matchNote(r) : h('span'),
    rows.length
      ? h('table', { class: 'rk-table' }, h('thead', {}, head), h('tbody', {}, ...rows))
      : h('span'),
    moreButton(r) ?? h('span'),
    notRankedList() ?? h('span'),
  ];
}

function periodSwitcher(): HTMLElement | null {
  if (state.periods.length < 2) return null;
  const select = h(
    'select',
    { id: 'rk-period', class: 'rk-select' },
    ...state.periods.map((p) => {
      const o = h('option', { value: String(p.id) }, p.name);
      if (p.id === periodId) o.setAttribute('selected', '');
      return o;
    }),
  ) as HTMLSelectElement;
  select.addEventListener('change', () => {
    location.search = `?ranking=${select.value}`;
  });
  return h('p', { class: 'rk-field' }, h('label', { for: 'rk-period' }, tr('period')), select);
}

function searchForm(): HTMLElement {
  const input = h('input', {
    id: 'rk-q',
    type: 'search',
    class: 'rk-input',
    placeholder: tr('searchHint'),
    autocomplete: 'off',
    enterkeyhint: 'search',
  }) as HTMLInputElement;
  input.value = state.q;
  const form = h(
    'form',
    { class: 'rk-search', role: 'search' },
    h('label', { for: 'rk-q' }, tr('search')),
    h(
      'span',
      { class: 'rk-searchrow' },
      input,
      h('button', { type: 'submit', class: 'rk-chip' }, tr('searchGo')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.q = input.value.trim();
    void load(false).then(() => document.getElementById('rk-q')?.focus());
  });
  return form;
}

/** After a search: how many matched, or why a unit the citizen looked for is not in the ranking. */
function matchNote(r: Ranking): HTMLElement {
  const clear = h('button', { type: 'button', class: 'rk-chip' }, tr('searchClear'));
  clear.addEventListener('click', () => {
    state.q = '';
    void load(false);
  });
  if (r.total > 0) return h('p', { role: 'status' }, `${tr('matches', { n: r.total, q: state.q })} `, clear);
  const hit = (name: string) => matchesFolded(name, state.q);
  const unpublished = state.detail?.unpublished.find((u) => hit(u.unitName));
  const excluded = state.detail?.excluded.find((u) => hit(u.unitName));
  const why = unpublished
    ? tr('noMatchUnpublished', { name: unpublished.unitName })
    : excluded
      ? tr('noMatchExcluded', { name: excluded.unitName, reason: excluded.reason })
      : tr('noMatch', { q: state.q });
  return h('p', { role: 'status', class: 'rk-note' }, `${why} `, clear);
}

/** Units taking part but not in the ranking, so a citizen whose commune is missing learns why. */
function notRankedList(): HTMLElement | null {
  const d = state.detail;
  if (!d || (!d.unpublished.length && !d.excluded.length)) return null;
  const parts: HTMLElement[] = [];
  if (d.unpublished.length)
    parts.push(
      h(
        'details',
        { class: 'rk-details' },
        h('summary', {}, tr('unpublishedTitle', { n: d.unpublished.length })),
        h('p', { class: 'rk-muted' }, tr('unpublishedText')),
        h('ul', {}, ...d.unpublished.map((u) => h('li', {}, u.unitName))),
      ),
    );
  if (d.excluded.length)
    parts.push(
      h(
        'details',
        { class: 'rk-details' },
        h('summary', {}, tr('excludedTitle', { n: d.excluded.length })),
        h('ul', {}, ...d.excluded.map((u) => h('li', {}, `${u.unitName}: ${u.reason}`))),
      ),
    );
  return h('section', { class: 'rk-notranked' }, ...parts);
}

/** A main index in words: the period's framework names it (the ranking carries codes). */
function mainIndexName(code: string): string {
  const m = state.detail?.mainIndices.find((x) => x.code === code);
  if (!m) return code;
  return getLocale() === 'en' && m.nameEn ? m.nameEn : m.name;
}

function moreButton(r: Ranking): HTMLElement | null {
  if (r.units.length >= r.total) return null;
  const b = h(
    'button',
    { type: 'button', class: 'rk-chip' },
    tr('more', { shown: r.units.length, total: r.total }),
  );
  b.addEventListener('click', () => void load(true));
  return b;
}

function nodeList(title: string, nodes: Node[], label: (code: string) => string): HTMLElement {
  const items = nodes.map((n) =>
    h(
      'li',
      {},
      h('span', { class: 'rk-node' }, label(n.code)),
      h('span', { class: 'rk-valnum' }, num(n.value)),
      bar(n.value, label(n.code)),
    ),
  );
  return h('section', { 'aria-label': title }, h('h2', {}, title), h('ul', { class: 'rk-nodes' }, ...items));
}

function profileView(r: Ranking, unitId: number): HTMLElement[] {
  const u = r.units.find((x) => x.unitId === unitId);
  const back = h('a', { href: `/?ranking=${periodId}`, class: 'rk-back' }, tr('back'));
  // The unit's news shows even when the unit is not in this ranking (its page is still its page).
  if (!u) return [back, h('p', { role: 'status' }, tr('unitMissing')), unitNews(unitId)];
  const locale = getLocale();
  const peers = r.groups.find((g) => g.peerGroup === u.peerGroup)?.count ?? 0;
  return [
    back,
    h('h2', { class: 'rk-unit' }, u.unitName),
    h(
      'p',
      { class: 'rk-summary' },
      h('strong', {}, tr('rankOf', { rank: u.rank ?? '–', count: r.unitCount })),
      ` · ${tr('peerRankOf', { rank: u.peerRank ?? '–', group: `${groupLabel(locale, u.peerGroup)} (${peers})` })}`,
      ` · ${tr('points')}: ${num(u.points, 2)} / ${num(u.applicableMax, 0)}`,
      u.band ? ` · ${u.band.name}` : '',
    ),
    h('p', {}, h('span', { class: 'rk-valnum rk-big' }, num(u.value)), bar(u.value, tr('value'))),
    nodeList(tr('pillars'), u.pillars, (c) => pillarName(locale, c)),
    nodeList(tr('mainIndices'), u.mainIndices, mainIndexName),
    unitNews(unitId),
  ];
}

/** The unit's published news (tagged with it by the News module), filled by the news chunk once loaded. */
let newsSection: { unitId: number; el: HTMLElement } | null = null;
function unitNews(unitId: number): HTMLElement {
  if (newsSection?.unitId === unitId) return newsSection.el;
  const section = h('section', { class: 'rk-news', 'data-testid': 'unit-news' });
  newsSection = { unitId, el: section };
  void import('./news.js').then((m) => m.fillNewsStrip(section, unitId));
  return section;
}

function render(): void {
  const locale: Locale = getLocale();
  document.title = `${tr('title')} – DXBoard`;
  const unit = Number(new URLSearchParams(location.search).get('unit')) || 0;
  const parts: (HTMLElement | null)[] = [
    h('h1', {}, tr('title')),
    periodSwitcher() ?? (state.ranking ? h('p', { class: 'rk-period' }, state.ranking.periodName) : null),
  ];
  if (state.status === 'loading') parts.push(h('p', { role: 'status' }, tr('loading')));
  if (state.status === 'notFound') parts.push(h('p', { role: 'status' }, tr('notFound')));
  if (state.status === 'error') parts.push(h('p', { role: 'alert' }, tr('error')));
  if (state.ranking) parts.push(...(unit ? profileView(state.ranking, unit) : rankingView(state.ranking)));
  root.replaceChildren(
    h(
      'section',
      { class: 'rk', lang: locale, 'aria-live': 'polite' },
      ...parts.filter((p): p is HTMLElement => !!p),
    ),
  );
}

/** Loads the first page (or, with `more`, the next one) for the current group or unit and re-renders. */
async function load(more: boolean): Promise<void> {
  const unit = Number(new URLSearchParams(location.search).get('unit')) || 0;
  const params = new URLSearchParams({
    limit: String(PAGE_SIZE),
    offset: String(more ? (state.ranking?.units.length ?? 0) : 0),
  });
  if (unit) params.set('unitId', String(unit));
  else {
    if (state.group !== 'all') params.set('peerGroup', state.group);
    if (state.q) params.set('q', state.q);
  }
  try {
    const res = await fetch(`/api/public/measure/periods/${periodId}/ranking?${params}`, {
      headers: { accept: 'application/json' },
    });
    if (res.status === 404 || res.status === 409 || res.status === 400) state.status = 'notFound';
    else if (!res.ok) state.status = 'error';
    else {
      const page = (await res.json()) as Ranking;
      const earlier = more && state.ranking ? state.ranking.units : [];
      state.ranking = { ...page, units: [...earlier, ...page.units] };
      state.status = 'ok';
    }
  } catch {
    state.status = 'error';
  }
  render();
}

/** The period's names and not-ranked units, and the other published periods: extras, the ranking works without. */
async function loadExtras(): Promise<void> {
  const get = async <T>(path: string): Promise<T | null> => {
    try {
      const res = await fetch(path, { headers: { accept: 'application/json' } });
      return res.ok ? ((await res.json()) as T) : null;
    } catch {
      return null;
    }
  };
  const [detail, periods] = await Promise.all([
    get<PublicPeriodDetail>(`/api/public/measure/periods/${periodId}`),
    get<PublishedPeriod[]>('/api/public/measure/periods'),
  ]);
  state.detail = detail;
  state.periods = periods ?? [];
  render();
}

export async function showRanking(main: HTMLElement, id: number): Promise<void> {
  root = main;
  periodId = id;
  render();
  subscribeLocale(() => render());
  await Promise.all([load(false), loadExtras()]);
}
