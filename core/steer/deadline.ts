import { foldVietnamese } from '../units/fold.js';
import { isoDate, MAX_YEAR, MIN_YEAR, monthSpan, periodContaining, type Span } from './calendar.js';
import type {
  DeadlineCycle,
  DeadlineErrorCode,
  DeadlineResult,
  FixedDeadline,
  OngoingDeadline,
  ResolvedDeadline,
} from './types.js';

// Resolves a deadline as a plan's appendix writes it ("Quý II/2025", "6 tháng đầu năm 2025", "Thường xuyên")
// to the last calendar day it allows, in Asia/Ho_Chi_Minh. Matching runs on folded text (no diacritics, lower
// case, one space), so "Quý II năm 2025", "quy 2/2025" and "QII/2025" are one form. Never throws: text that
// does not resolve comes back as a typed error the service turns into a Vietnamese 400.

export type ResolveOptions = {
  /** The plan's year, for appendices that write "Quý II" or "Tháng 6" without one. */
  year?: number;
  /** Cycle of a bare "Thường xuyên" (default 'quarter', the committees' usual review cadence). */
  ongoingCycle?: DeadlineCycle;
};

const MAX_LENGTH = 200;

type Fixed = Omit<FixedDeadline, 'written'>;
type Failure = { fail: DeadlineErrorCode };
type Parsed = Fixed | Failure;

const isFailure = (p: Parsed | Omit<OngoingDeadline, 'written'>): p is Failure => 'fail' in p;

// A separator between a period and its year: "6/2025", "6 - 2025", "6 năm 2025", "II/năm 2023", "6 2025".
const SEP = String.raw`(?:\s*[/.,-]\s*(?:nam\s*)?|\s+(?:nam\s+)?)`;
const YEAR = String.raw`(?:${SEP}(\d{4}))?`;
const ROMAN = String.raw`(iv|iii|ii|i|\d{1,2})`;
const QUARTER_WORD = String.raw`(?:quy|qui|q)\s*`;

const RE = {
  isoDate: /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  isoMonth: /^(\d{4})-(\d{1,2})$/,
  isoQuarter: /^(\d{4})\s*-?\s*q([1-4])$/,
  dmy: /^(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?$/,
  dmyWords: new RegExp(String.raw`^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})${YEAR}$`),
  month: new RegExp(String.raw`^(?:thang|t)\s*(\d{1,2})(?!\d)${YEAR}$`),
  bareMonth: /^(\d{1,2})\s*[/-]\s*(\d{4})$/,
  monthRange: new RegExp(
    String.raw`^(?:thang|t)\s*(\d{1,2})\s*(?:-|den|,)\s*(?:thang\s*)?(\d{1,2})(?!\d)${YEAR}$`,
  ),
  quarter: new RegExp(String.raw`^${QUARTER_WORD}${ROMAN}(?![\da-z])${YEAR}$`),
  quarterRange: new RegExp(
    String.raw`^${QUARTER_WORD}${ROMAN}\s*(?:-|den|,)\s*(?:${QUARTER_WORD})?${ROMAN}(?![\da-z])${YEAR}$`,
  ),
  monthsOfYear: /^(3|6|9|ba|sau|chin)\s*thang\s*(dau|cuoi)(?:\s*nam)?(?:\s*[/,-]?\s*(\d{4}))?$/,
  halfWords: /^nua\s*(dau|cuoi)\s*nam(?:\s*[/,-]?\s*(\d{4}))?$/,
  year: /^(?:nam\s*)?(\d{4})$/,
  yearRange: /^(?:giai doan|thoi ky|cac nam|tu)?\s*(?:nam\s*)?(\d{4})\s*(?:-|den|toi)\s*(?:nam\s*)?(\d{4})$/,
  fromTo: /^tu\s+(.+?)\s+(?:den|toi)\s+(.+)$/,
};

// Words a plan puts before the period that do not change it ("Hoàn thành trong Quý II/2025", "Trước ngày 30/6").
// "Trước ngày X" is read as "by X" (X included), the way secretariats apply it; see README.
const FILLER =
  /^(?:hoan thanh|thoi gian|thoi han|han|trong|truoc|cham nhat|den het|den|het|vao|cuoi|xong)\b[\s:,.-]*/;

const ONGOING = /\b(?:thuong xuyen|lien tuc|dinh ky|(?:hang|moi|theo)\s*(?:nam|quy|thang|tuan))\b/;

const CYCLE_WORDS: readonly [DeadlineCycle, RegExp][] = [
  ['month', /\b(?:(?:hang|moi|theo)\s*thang|(?<!(?:6|sau)\s*)thang\s*(?:1|mot)\s*lan)\b/],
  ['quarter', /\b(?:(?:hang|moi|theo)\s*quy|quy\s*(?:1|mot)\s*lan)\b/],
  ['half', /\b(?:(?:6|sau)\s*thang|nua\s*nam)\b/],
  ['year', /\b(?:(?:hang|moi|theo)\s*nam|nam\s*(?:1|mot)\s*lan)\b/],
];

const ONGOING_WORDS =
  /\b(?:thuong xuyen|lien tuc|dinh ky|bao cao|cap nhat|thuc hien|(?:hang|moi|theo)\s*(?:nam|quy|thang)|(?:hang\s*|moi\s*)?(?:6|sau)\s*thang|nua\s*nam|(?:thang|quy|nam)\s*(?:1|mot)\s*lan|(?:1|mot)\s*lan|lan|va)\b/g;

function normalise(text: string): string {
  return foldVietnamese(text.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[()[\]]/g, ' , '))
    .replace(/\s*,\s*/g, ', ')
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');
}

function stripFiller(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(FILLER, '');
  }
  return out;
}

function romanOrNumber(token: string): number {
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  return roman[token] ?? Number(token);
}

function yearOf(token: string | undefined, options: ResolveOptions): number | Failure {
  if (token === undefined) return options.year === undefined ? { fail: 'missing_year' } : options.year;
  return Number(token);
}

function checkYear(year: number): Failure | null {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR
    ? null
    : { fail: 'year_out_of_range' };
}

function day(y: number | Failure, m: number, d: number): Parsed {
  if (typeof y !== 'number') return y;
  const bad = checkYear(y);
  if (bad) return bad;
  const due = isoDate(y, m, d);
  return due ? { kind: 'date', due } : { fail: 'invalid_date' };
}

function period(kind: Fixed['kind'], y: number | Failure, span: (year: number) => Span | null): Parsed {
  if (typeof y !== 'number') return y;
  const bad = checkYear(y);
  if (bad) return bad;
  const s = span(y);
  return s ? { kind, start: s.start, due: s.end } : { fail: 'invalid_date' };
}

const monthOf = (m: number) => (y: number) => (m >= 1 && m <= 12 ? monthSpan(y, m) : null);
const quarterOf = (q: number) => (y: number) =>
  q >= 1 && q <= 4 ? periodContaining('quarter', `${y}-${String(q * 3).padStart(2, '0')}-01`) : null;
const halfOf = (h: 1 | 2) => (y: number) => periodContaining('half', h === 1 ? `${y}-01-01` : `${y}-12-01`);
const yearSpan = (y: number): Span => ({ start: `${y}-01-01`, end: `${y}-12-31` });

function spanRange(from: Span | null, to: Span | null): Span | null {
  return from && to && from.start <= to.end ? { start: from.start, end: to.end } : null;
}

type Rule = readonly [RegExp, (m: RegExpExecArray, options: ResolveOptions) => Parsed];

// Tried in order; the first pattern that matches the whole text decides.
const RULES: readonly Rule[] = [
  [RE.isoDate, (m) => day(Number(m[1]), Number(m[2]), Number(m[3]))],
  [RE.isoMonth, (m) => period('month', Number(m[1]), monthOf(Number(m[2])))],
  [RE.isoQuarter, (m) => period('quarter', Number(m[1]), quarterOf(Number(m[2])))],
  [RE.dmy, (m, o) => day(yearOf(m[3], o), Number(m[2]), Number(m[1]))],
  [RE.dmyWords, (m, o) => day(yearOf(m[3], o), Number(m[2]), Number(m[1]))],
  [RE.month, (m, o) => period('month', yearOf(m[2], o), monthOf(Number(m[1])))],
  [RE.bareMonth, (m) => period('month', Number(m[2]), monthOf(Number(m[1])))],
  [
    RE.monthRange,
    (m, o) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      return period('range', yearOf(m[3], o), (y) =>
        a < b ? spanRange(monthOf(a)(y), monthOf(b)(y)) : null,
      );
    },
  ],
  [RE.quarter, (m, o) => period('quarter', yearOf(m[2], o), quarterOf(romanOrNumber(m[1])))],
  [
    RE.quarterRange,
    (m, o) => {
      const [a, b] = [romanOrNumber(m[1]), romanOrNumber(m[2])];
      return period('range', yearOf(m[3], o), (y) =>
        a < b ? spanRange(quarterOf(a)(y), quarterOf(b)(y)) : null,
      );
    },
  ],
  [RE.monthsOfYear, (m, o) => monthsOfYear(m[1], m[2] === 'dau', yearOf(m[3], o))],
  [RE.halfWords, (m, o) => period('half', yearOf(m[2], o), halfOf(m[1] === 'dau' ? 1 : 2))],
  [RE.year, (m) => period('year', Number(m[1]), yearSpan)],
  [
    RE.yearRange,
    (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      const bad = checkYear(a) ?? checkYear(b);
      if (bad) return bad;
      return a < b ? { kind: 'range', start: `${a}-01-01`, due: `${b}-12-31` } : { fail: 'invalid_range' };
    },
  ],
  [RE.fromTo, (m, o) => fromTo(m[1], m[2], o)],
];

/** A deadline that ends on a date (every form but "Thường xuyên"), on normalised text. */
function parseFixed(input: string, options: ResolveOptions): Parsed {
  const s = stripFiller(input);
  for (const [pattern, build] of RULES) {
    const m = pattern.exec(s);
    if (m) return build(m, options);
  }
  return { fail: 'unrecognised' };
}

/** "3/6/9 tháng đầu/cuối năm": the first or last quarter, half or nine months of the year. */
function monthsOfYear(countWord: string, first: boolean, y: number | Failure): Parsed {
  const count = ({ ba: 3, sau: 6, chin: 9 } as Record<string, number>)[countWord] ?? Number(countWord);
  if (count === 3) return period('quarter', y, quarterOf(first ? 1 : 4));
  if (count === 6) return period('half', y, halfOf(first ? 1 : 2));
  return period('range', y, (year) =>
    first
      ? spanRange(monthSpan(year, 1), monthSpan(year, 9))
      : spanRange(monthSpan(year, 4), monthSpan(year, 12)),
  );
}

/** "Từ X đến Y": X's first day to Y's last; X borrows Y's year when it has none ("từ tháng 6 đến tháng 9/2025"). */
function fromTo(left: string, right: string, options: ResolveOptions): Parsed {
  const to = parseFixed(right, options);
  if (isFailure(to)) return to;
  const from = parseFixed(left, { ...options, year: Number(to.due.slice(0, 4)) });
  if (isFailure(from)) return from;
  const start = from.start ?? from.due;
  return start <= to.due ? { kind: 'range', start, due: to.due } : { fail: 'invalid_range' };
}

function parseOngoing(s: string, options: ResolveOptions): Omit<OngoingDeadline, 'written'> | Failure {
  if (/\b(?:hang|moi|theo)\s*tuan\b/.test(s)) return { fail: 'unrecognised' };
  const cycle = CYCLE_WORDS.find(([, re]) => re.test(s))?.[0] ?? options.ongoingCycle ?? 'quarter';
  const rest = s
    .replace(ONGOING_WORDS, ' ')
    .replace(/[,;:]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s/-]+|[\s/-]+$/g, '')
    .replace(/^trong\s+/, '');
  if (rest === '') return { kind: 'ongoing', cycle, due: null };
  const openEnded = /^tu\s+(.+)$/.exec(rest);
  if (openEnded && !/\s(?:den|toi)\s/.test(rest)) {
    const from = parseFixed(openEnded[1], options);
    return isFailure(from) ? from : { kind: 'ongoing', cycle, due: null, start: from.start ?? from.due };
  }
  const bound = parseFixed(rest, options);
  if (isFailure(bound)) return bound;
  // A bare date bounds only the end ("Thường xuyên, đến 31/12/2025"); a period bounds both ends.
  if (bound.kind === 'date') return { kind: 'ongoing', cycle, due: bound.due };
  return { kind: 'ongoing', cycle, start: bound.start ?? bound.due, due: bound.due };
}

/** Resolves a deadline as written in a plan; `written` is kept exactly as given. */
export function resolveDeadline(written: string, options: ResolveOptions = {}): DeadlineResult {
  const error = (code: DeadlineErrorCode): DeadlineResult => ({ ok: false, error: { code, text: written } });
  if (typeof written !== 'string' || written.trim() === '') return error('empty');
  if (written.length > MAX_LENGTH) return error('too_long');
  const s = normalise(written);
  if (s === '') return error('empty');
  const parsed = ONGOING.test(s) ? parseOngoing(s, options) : parseFixed(s, options);
  if (isFailure(parsed)) return error(parsed.fail);
  return { ok: true, deadline: { written, ...parsed } as ResolvedDeadline };
}
