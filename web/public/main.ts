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
