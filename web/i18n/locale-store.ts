import type { Locale } from '../../core/i18n/locale.js';

// The chosen language survives reloads; Vietnamese is the default for everyone else.
const STORAGE_KEY = 'dxboard.locale';
type Listener = (locale: Locale) => void;
const listeners = new Set<Listener>();

function readStored(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Locale = readStored();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or disabled storage: the switch still works for this page view.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const listener of listeners) listener(locale);
}

export function subscribeLocale(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** BCP 47 tag for Intl: vi-VN formats for Vietnamese, en-GB (day-first dates) for English. */
export function intlTag(locale: Locale): string {
  return locale === 'vi' ? 'vi-VN' : 'en-GB';
}
