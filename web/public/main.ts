import './landing.css';
import type { Locale } from '../../core/i18n/locale.js';
import { type LandingKey, landingEn, landingVi } from '../i18n/landing.js';
import { getLocale, setLocale } from '../i18n/locale-store.js';

// No framework here: the page is static Vietnamese HTML; this only swaps texts when English is chosen.
const DICTIONARIES: Record<Locale, Record<LandingKey, string>> = { vi: landingVi, en: landingEn };

function apply(locale: Locale): void {
  const dict = DICTIONARIES[locale];
  document.documentElement.lang = locale;
  document.title = dict['landing.title'];
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = dict[el.dataset.i18n as LandingKey];
    if (text) el.textContent = text;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = dict[el.dataset.i18nLabel as LandingKey];
    if (text) el.setAttribute('aria-label', text);
  }
}

const toggle = document.getElementById('lang-switch');
toggle?.addEventListener('click', () => {
  const next: Locale = getLocale() === 'vi' ? 'en' : 'vi';
  setLocale(next);
  apply(next);
});
if (getLocale() !== 'vi') apply(getLocale());

// ?ranking=<periodId> shows the published ranking in place of the landing content (its own lazy chunk).
const rankingPeriod = Number(new URLSearchParams(location.search).get('ranking'));
const landingMain = document.getElementById('main');
if (rankingPeriod > 0 && landingMain)
  void import('./ranking.js').then((m) => m.showRanking(landingMain, rankingPeriod));

// ?community[=<communeId>] shows "find a team near you" in place of the landing content (its own lazy chunk).
const communityParam = new URLSearchParams(location.search).get('community');
if (communityParam !== null && landingMain)
  void import('./community.js').then((m) => m.showCommunity(landingMain, Number(communityParam) || null));

// ?contest=<slug> shows a contest (rules, registration, the quiz, leaderboard) in its own lazy chunk.
const contestSlug = new URLSearchParams(location.search).get('contest');
if (contestSlug && landingMain)
  void import('./contest.js').then((m) => m.showContest(landingMain, contestSlug));

// ?feedback (send a report), ?feedback=follow&code=… (follow and rate), ?feedback=list: citizen feedback, lazily.
const feedbackMode = new URLSearchParams(location.search).get('feedback');
if (feedbackMode !== null && landingMain)
  void import('./feedback.js').then((m) =>
    m.showFeedback(landingMain, feedbackMode, new URLSearchParams(location.search).get('code')),
  );

// The ranking card links to the latest published period once there is one; without it the card stays "soon".
async function linkRankingCard(card: HTMLElement): Promise<void> {
  const res = await fetch('/api/public/measure/periods');
  if (!res.ok) return;
  const latest = ((await res.json()) as { id: number; name: string }[])[0];
  const title = card.querySelector('h3');
  if (!latest || !title) return;
  const link = document.createElement('a');
  link.href = `/?ranking=${latest.id}`;
  link.className = 'card-link';
  link.append(...title.childNodes);
  title.replaceChildren(link);
  card.removeAttribute('aria-disabled');
  const badge = card.querySelector('.soon');
  if (badge) {
    badge.className = 'latest';
    badge.removeAttribute('data-i18n');
    badge.textContent = latest.name;
  }
}
const rankingCard = document.getElementById('ranking-card');
if (rankingCard && !(rankingPeriod > 0)) linkRankingCard(rankingCard).catch(() => undefined);
