import type { Locale } from '../../core/i18n/locale.js';
import { vietnamDate } from '../../core/time/vietnam-date.js';
import { intlTag } from '../i18n/locale-store.js';

// Business dates are Asia/Ho_Chi_Minh calendar dates; instants are shown in that zone too.
const ZONE = 'Asia/Ho_Chi_Minh';

/** 'YYYY-MM-DD' calendar date → "21/11/2026" (vi-VN) without shifting across time zones. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Today as 'YYYY-MM-DD' in Vietnam, the default "as of" date. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate(now);
}
