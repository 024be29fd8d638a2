import './landing.css';
import type { Locale } from '../../core/i18n/locale.js';
import { type LandingKey, landingEn, landingVi } from '../i18n/landing.js';
import { getLocale, setLocale } from '../i18n/locale-store.js';
import { loadFinder, loadHome, renderHome, showHomeFailure } from './home.js';

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

/** A landing text in the current language, with {name} placeholders filled. */
function text(key: LandingKey, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[getLocale()][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

// The live home's data, kept so a language switch re-renders it without another request.
let homeData: Awaited<ReturnType<typeof loadHome>> = null;

const toggle = document.getElementById('lang-switch');
toggle?.addEventListener('click', () => {
  const next: Locale = getLocale() === 'vi' ? 'en' : 'vi';
  setLocale(next);
  apply(next);
  if (homeData) renderHome(homeData, next, text);
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

// ?contest-certificate=<code> verifies a contest certificate (the QR code on the PDF opens it), lazily.
const certificateCode = new URLSearchParams(location.search).get('contest-certificate');
if (certificateCode !== null && landingMain)
  void import('./contest-certificate.js').then((m) => m.showCertificate(landingMain, certificateCode));

// ?feedback (send a report), ?feedback=follow&code=… (follow and rate), ?feedback=list: citizen feedback, lazily.
const feedbackMode = new URLSearchParams(location.search).get('feedback');
if (feedbackMode !== null && landingMain)
  void import('./feedback.js').then((m) =>
    m.showFeedback(landingMain, feedbackMode, new URLSearchParams(location.search).get('code')),
  );

// ?news lists news, announcements and stories (&unit=<id>: a unit's own); ?news=<slug> shows one. Lazily.
const newsParam = new URLSearchParams(location.search).get('news');
if (newsParam !== null && landingMain)
  void import('./news.js').then((m) =>
    m.showNews(
      landingMain,
      newsParam || null,
      Number(new URLSearchParams(location.search).get('unit')) || null,
    ),
  );

// The landing itself (no sub-page asked for): the live figures and entries from one cached API read.
// A new sub-page (e.g. ?news) adds its key here so the home's request is not made under it.
const params = new URLSearchParams(location.search);
const isSubPage = ['ranking', 'community', 'contest', 'contest-certificate', 'feedback', 'news'].some((k) =>
  params.has(k),
);
// The home's news strip: the three latest items, from the news chunk loaded only once the page is up — after the
// home's own figures, so on a slow link the strip's chunk and pictures never hold them back (the 3 s budget).
const newsStrip = document.getElementById('news-strip');
if (!isSubPage)
  void loadHome().then((home) => {
    homeData = home;
    if (home) renderHome(home, getLocale(), text);
    else showHomeFailure(text);
    void loadFinder(text);
    if (newsStrip) void import('./news.js').then((m) => m.fillNewsStrip(newsStrip));
  });
