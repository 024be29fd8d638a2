import type { PublicHome, PublicKpiFigure } from '../../core/contracts/portal.js';
import type { Locale } from '../../core/i18n/locale.js';
import type { LandingKey } from '../i18n/landing.js';

// The live parts of the public home, from GET /api/public/home: headline figures (each with its source and
// date), the top of the latest ranking, the open contest, feedback and community counts, and the commune picker
// of "find a team near you" (which opens the ?community page). Plain DOM, no framework; re-rendered on a
// language switch from the same data.

type Text = (key: LandingKey, params?: Record<string, string | number>) => string;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | null,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

const byId = (id: string) => document.getElementById(id);

/** Day-first in both languages (dd/mm/yyyy), as Vietnamese and British readers expect. */
function dateText(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

function numberText(value: number, locale: Locale, digits = 0, minDigits = 0): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: minDigits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A count as a whole number; a rate (ratio or percent, 0–100) with one decimal and a % sign. */
function figureText(f: Pick<PublicKpiFigure, 'valueType'>, value: number, locale: Locale): string {
  return f.valueType === 'count' ? numberText(value, locale) : `${numberText(value, locale, 1)} %`;
}

function renderFigures(home: PublicHome, locale: Locale, t: Text) {
  const list = byId('figures-list');
  const status = byId('figures-status');
  if (!list || !status) return;
  list.replaceChildren(
    ...home.figures.map((f) => {
      const source = t(f.unitsReporting > 1 ? 'landing.sourceKpiUnits' : 'landing.sourceKpiOwn', {
        how: t(`landing.how.${f.source}` as LandingKey),
        n: f.unitsReporting,
        year: f.year,
        date: dateText(f.asOf),
      });
      const item = el(
        'li',
        'figure',
        el('span', 'figure-value', figureText(f, f.value, locale)),
        el('span', 'figure-name', locale === 'vi' ? f.nameVi : f.nameEn),
      );
      if (f.target !== null)
        item.append(
          el('span', 'figure-target', t('landing.target', { target: figureText(f, f.target, locale) })),
        );
      item.append(el('span', 'source', source));
      return item;
    }),
  );
  status.hidden = home.figures.length > 0;
  status.textContent = home.figures.length ? '' : t('landing.noFigures');
}

function renderRanking(home: PublicHome, locale: Locale, t: Text) {
  const strip = byId('ranking-strip');
  const live = byId('ranking-live');
  const card = byId('ranking-card');
  const r = home.ranking;
  if (live)
    live.textContent = r ? t('landing.rankingLive', { period: r.periodName }) : t('landing.rankingNone');
  if (!strip || !r) return;
  strip.hidden = false;
  byId('ranking-top')?.replaceChildren(
    ...r.top.map((u) =>
      el(
        'li',
        'top-row',
        el('span', 'top-rank', u.rank === null ? '–' : String(u.rank)),
        el('span', 'top-name', u.unitName),
        el('span', 'top-value', u.value === null ? '–' : numberText(u.value, locale, 3, 3)),
      ),
    ),
  );
  const source = byId('ranking-source');
  if (source)
    source.textContent = t('landing.sourceRanking', {
      period: r.periodName,
      date: dateText(r.publishedAt),
      n: r.unitCount,
    });
  byId('ranking-more')?.setAttribute('href', r.link);
  if (card) linkCard(card, r.link);
}

/** Makes a card's title a link over the whole card (its hit area), once. */
function linkCard(card: HTMLElement, href: string) {
  const title = card.querySelector('h3');
  if (!title) return;
  const existing = title.querySelector('a');
  if (existing) {
    existing.setAttribute('href', href);
    return;
  }
  const link = el('a', 'card-link');
  link.href = href;
  link.append(...title.childNodes);
  title.replaceChildren(link);
}

function renderCards(home: PublicHome, locale: Locale, t: Text) {
  const contest = home.contests.open[0];
  const contestCard = byId('contest-card');
  const contestLive = byId('contest-live');
  if (contestCard && contest) linkCard(contestCard, contest.link);
  if (contestLive)
    contestLive.replaceChildren(
      el(
        'span',
        null,
        contest
          ? t('landing.contestLive', { title: contest.title, n: numberText(contest.participants, locale) })
          : t('landing.contestNone'),
      ),
      el('span', 'source', t('landing.sourceContest', { date: dateText(home.contests.asOf) })),
    );

  const fb = home.feedback;
  const feedbackLive = byId('feedback-live');
  if (feedbackLive) {
    const rate = fb.onTimeRate === null ? '' : `${numberText(fb.onTimeRate * 100, locale, 1)} %`;
    feedbackLive.replaceChildren(
      el(
        'span',
        null,
        t('landing.feedbackLive', {
          year: fb.year,
          received: numberText(fb.received, locale),
          answered: numberText(fb.answered, locale),
          onTime: numberText(fb.onTime, locale),
          rate: rate ? t('landing.feedbackRate', { rate }) : '',
        }),
      ),
      el('span', 'source', t('landing.sourceFeedback', { date: dateText(fb.asOf) })),
    );
  }

  const c = home.community;
  const communityLive = byId('community-live');
  if (communityLive)
    communityLive.replaceChildren(
      el(
        'span',
        null,
        t('landing.communityLive', {
          teams: numberText(c.teams, locale),
          activities: numberText(c.activities, locale),
          people: numberText(c.peopleReached, locale),
          year: c.year,
        }),
      ),
      el('span', 'source', t('landing.sourceCommunity', { date: dateText(c.asOf) })),
    );
}

/** "Find a team near you": communes with an active team, read apart from the home (a country has thousands). */
type FinderCommune = { id: number; name: string; teams: number };
let finderCommunes: FinderCommune[] | null = null;

function renderFinder(t: Text) {
  const select = byId('finder-commune') as HTMLSelectElement | null;
  if (!select || !finderCommunes) return;
  const chosen = select.value;
  const all = select.options[0];
  select.replaceChildren(
    ...(all ? [all] : []),
    ...finderCommunes.map((c) => {
      const option = el('option', null, t('landing.finderOption', { name: c.name, n: c.teams }));
      option.value = String(c.id);
      return option;
    }),
  );
  select.value = chosen;
}

/**
 * The finder's communes, from the public communes list (cached by the server) once the home's figures are up, so
 * the home's own answer stays a few kilobytes; the picker keeps its "all communes" entry until they arrive.
 */
export async function loadFinder(t: Text): Promise<void> {
  try {
    const res = await fetch('/api/public/community/communes', { headers: { accept: 'application/json' } });
    if (!res.ok) return;
    finderCommunes = ((await res.json()) as { items: FinderCommune[] }).items;
    renderFinder(t);
  } catch {
    // The finder still opens the community page for every commune.
  }
}

export function renderHome(home: PublicHome, locale: Locale, t: Text): void {
  renderFigures(home, locale, t);
  renderRanking(home, locale, t);
  renderCards(home, locale, t);
  renderFinder(t);
  const source = byId('community-source');
  if (source) source.textContent = t('landing.sourceCommunity', { date: dateText(home.community.asOf) });
  byId('figures')?.setAttribute('aria-busy', 'false');
  document.body.dataset.home = 'ready';
}

/** The home's data; null when it could not be loaded (the static page stays usable). */
export async function loadHome(): Promise<PublicHome | null> {
  try {
    const res = await fetch('/api/public/home', { headers: { accept: 'application/json' } });
    return res.ok ? ((await res.json()) as PublicHome) : null;
  } catch {
    return null;
  }
}

export function showHomeFailure(t: Text): void {
  const status = byId('figures-status');
  if (status) status.textContent = t('landing.loadFailed');
  byId('figures')?.setAttribute('aria-busy', 'false');
  document.body.dataset.home = 'failed';
}
