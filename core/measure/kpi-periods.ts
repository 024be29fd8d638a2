// Period codes for operational KPIs: '2025-07' (month), '2025-Q3' (quarter), '2025' (year).
// DHIS2 writes the same periods as '202507', '2025Q3' and '2025'. Periods are calendar spans in
// Asia/Ho_Chi_Minh; start and end are 'YYYY-MM-DD' dates, end inclusive.

export const PERIODICITIES = ['monthly', 'quarterly', 'yearly'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export type Period = {
  code: string;
  periodicity: Periodicity;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
  start: string;
  end: string;
};

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const pad2 = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(periodicity: Periodicity, year: number, index: number): Period | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (periodicity === 'yearly') {
    return { code: String(year), periodicity, year, index: 1, start: `${year}-01-01`, end: `${year}-12-31` };
  }
  if (periodicity === 'quarterly') {
    if (index < 1 || index > 4) return null;
    const first = (index - 1) * 3 + 1;
    const last = first + 2;
    return {
      code: `${year}-Q${index}`,
      periodicity,
      year,
      index,
      start: `${year}-${pad2(first)}-01`,
      end: `${year}-${pad2(last)}-${pad2(lastDayOfMonth(year, last))}`,
    };
  }
  if (index < 1 || index > 12) return null;
  return {
    code: `${year}-${pad2(index)}`,
    periodicity,
    year,
    index,
    start: `${year}-${pad2(index)}-01`,
    end: `${year}-${pad2(index)}-${pad2(lastDayOfMonth(year, index))}`,
  };
}

/** Parses our canonical codes ('2025-07', '2025-Q3', '2025'); null when the text is not one. */
export function parsePeriodCode(text: string): Period | null {
  const s = text.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return build('yearly', Number(m[1]), 1);
  m = /^(\d{4})-Q([1-4])$/i.exec(s);
  if (m) return build('quarterly', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return build('monthly', Number(m[1]), Number(m[2]));
  return null;
}

/** Parses DHIS2 period ids ('202507', '2025Q3', '2025'), also accepting our canonical codes. */
export function parseDhis2Period(text: string): Period | null {
  const s = text.trim();
  let m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) return build('monthly', Number(m[1]), Number(m[2]));
  m = /^(\d{4})Q([1-4])$/i.exec(s);
  if (m) return build('quarterly', Number(m[1]), Number(m[2]));
  return parsePeriodCode(s);
}

/** DHIS2's id for a period, for exports and import summaries. */
export function toDhis2Period(period: Period): string {
  if (period.periodicity === 'yearly') return String(period.year);
  if (period.periodicity === 'quarterly') return `${period.year}Q${period.index}`;
  return `${period.year}${pad2(period.index)}`;
}

/** Whether `inner` lies within `outer` (a month in its quarter or year, a period in itself). */
export function isPeriodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The periods of one periodicity that lie within `outer`, in order (e.g. the 12 months of 2025). */
export function periodsWithin(outer: Period, periodicity: Periodicity): Period[] {
  const out: Period[] = [];
  const count = periodicity === 'monthly' ? 12 : periodicity === 'quarterly' ? 4 : 1;
  for (let i = 1; i <= count; i++) {
    const p = build(periodicity, outer.year, i);
    if (p && isPeriodWithin(p, outer)) out.push(p);
  }
  return out;
}

const RANK: Record<Periodicity, number> = { monthly: 0, quarterly: 1, yearly: 2 };

/** True when values of `fine` periodicity can be rolled up into periods of `coarse` periodicity. */
export function canRollUp(fine: Periodicity, coarse: Periodicity): boolean {
  return RANK[fine] <= RANK[coarse];
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A period code as people write it: '2025-Q4' → 'Quý IV/2025', '2025-07' → 'Tháng 7/2025', '2025' → 'Năm 2025'
 * (English: 'Q4 2025', 'July 2025', '2025'). Text that is not a period code is returned as it is.
 */
export function periodLabel(code: string, locale: 'vi' | 'en' = 'vi'): string {
  const p = parsePeriodCode(code);
  if (!p) return code;
  if (p.periodicity === 'yearly') return locale === 'vi' ? `Năm ${p.year}` : String(p.year);
  if (p.periodicity === 'quarterly')
    return locale === 'vi' ? `Quý ${ROMAN[p.index - 1]}/${p.year}` : `Q${p.index} ${p.year}`;
  if (locale === 'vi') return `Tháng ${p.index}/${p.year}`;
  const month = new Date(Date.UTC(p.year, p.index - 1, 1)).toLocaleString('en', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${month} ${p.year}`;
}
