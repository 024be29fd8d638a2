// Calendar arithmetic on 'YYYY-MM-DD' strings. Steer's dates are calendar dates in Asia/Ho_Chi_Minh, which has
// no daylight saving, so a day is a day: we count with integer day numbers (days since 1970-01-01) and never
// build a Date for the hot path (status for every task of a province runs this thousands of times).

import type { DeadlineCycle } from './types.js';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 'YYYY-MM-DD' for a day that exists, or null (31/2, month 13, day 0). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
/** Day number of year/month/day (no validation: callers pass real dates). */
export function dayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Status for every task of a province converts the same few hundred dates over and over; both caches are
// bounded (valid dates only, and at most CACHE_LIMIT of them), so a long-running server cannot grow them.
const CACHE_LIMIT = 50_000;
const dayCache = new Map<string, number>();
const isoCache = new Map<number, string>();

/** Day number of a valid 'YYYY-MM-DD'; throws on anything else, since callers pass stored dates. */
export function toDay(iso: string): number {
  const hit = dayCache.get(iso);
  if (hit !== undefined) return hit;
  const m = ISO_DATE.exec(iso);
  if (!m || isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === null) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (dayCache.size < CACHE_LIMIT) dayCache.set(iso, day);
  return day;
}

export function fromDay(day: number): string {
  const hit = isoCache.get(day);
  if (hit !== undefined) return hit;
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const iso = `${y}-${pad2(m)}-${pad2(d)}`;
  if (isoCache.size < CACHE_LIMIT) isoCache.set(day, iso);
  return iso;
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

export type Span = { start: string; end: string };

export const CYCLE_MONTHS: Readonly<Record<DeadlineCycle, number>> = {
  month: 1,
  quarter: 3,
  half: 6,
  year: 12,
};

/** The calendar month, quarter, half-year or year (first and last day) that contains `iso`. */
export function periodContaining(cycle: DeadlineCycle, iso: string): Span {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const size = CYCLE_MONTHS[cycle];
  const first = Math.floor((month - 1) / size) * size + 1;
  const last = first + size - 1;
  return {
    start: `${year}-${pad2(first)}-01`,
    end: `${year}-${pad2(last)}-${pad2(lastDayOfMonth(year, last))}`,
  };
}

/** Month `month` (1–12) of `year` as a span. */
export function monthSpan(year: number, month: number): Span {
  return {
    start: `${year}-${pad2(month)}-01`,
    end: `${year}-${pad2(month)}-${pad2(lastDayOfMonth(year, month))}`,
  };
}
