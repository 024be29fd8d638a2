import type { Locale } from '../i18n/locale.js';
import { vietnameseDateText } from '../time/vietnam-date.js';
import { lastDayOfMonth } from './calendar.js';
import type { DeadlineCycle, ResolvedDeadline } from './types.js';

// Writes a resolved deadline back the way plans write it ("Quý II/2025", "6 tháng đầu năm 2025"), for a
// deadline the service resolved from a date picker or changed by extension. Every text written here resolves
// again to the same dates (a property test holds it to that).

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const CYCLE_TEXT: Record<DeadlineCycle, Record<Locale, string>> = {
  month: { vi: 'hằng tháng', en: 'monthly' },
  quarter: { vi: 'hằng quý', en: 'quarterly' },
  half: { vi: 'định kỳ 6 tháng', en: 'half-yearly' },
  year: { vi: 'hằng năm', en: 'yearly' },
};

type Parts = { y: number; m: number; d: number };
const parts = (iso: string): Parts => ({
  y: Number(iso.slice(0, 4)),
  m: Number(iso.slice(5, 7)),
  d: Number(iso.slice(8, 10)),
});
const isMonthStart = (p: Parts) => p.d === 1;
const isMonthEnd = (p: Parts) => p.d === lastDayOfMonth(p.y, p.m);
const quarter = (p: Parts) => Math.ceil(p.m / 3);

function dateText(iso: string, locale: Locale): string {
  if (locale === 'vi') return vietnameseDateText(iso);
  const p = parts(iso);
  return `${p.d} ${MONTH_EN[p.m - 1]} ${p.y}`;
}

/** A span written as plans write it: whole years, 9 months, quarters, months, else "Từ … đến …". */
function spanText(start: string, due: string, locale: Locale): string {
  const a = parts(start);
  const b = parts(due);
  const vi = locale === 'vi';
  const wholeMonths = isMonthStart(a) && isMonthEnd(b);
  if (wholeMonths && a.m === 1 && b.m === 12) {
    if (a.y === b.y) return vi ? `Năm ${a.y}` : String(a.y);
    return vi ? `Giai đoạn ${a.y}-${b.y}` : `${a.y}–${b.y}`;
  }
  if (wholeMonths && a.y === b.y) {
    if (vi && a.m === 1 && b.m === 9) return `9 tháng đầu năm ${a.y}`;
    if (vi && a.m === 4 && b.m === 12) return `9 tháng cuối năm ${a.y}`;
    if (a.m % 3 === 1 && b.m % 3 === 0) {
      const [qa, qb] = [quarter(a), quarter(b)];
      if (qa === qb) return vi ? `Quý ${ROMAN[qa - 1]}/${a.y}` : `Q${qa} ${a.y}`;
      return vi ? `Quý ${ROMAN[qa - 1]}-${ROMAN[qb - 1]}/${a.y}` : `Q${qa}–Q${qb} ${a.y}`;
    }
    if (a.m === b.m) return vi ? `Tháng ${a.m}/${a.y}` : `${MONTH_EN[a.m - 1]} ${a.y}`;
    return vi ? `Tháng ${a.m}-${b.m}/${a.y}` : `${MONTH_EN[a.m - 1]}–${MONTH_EN[b.m - 1]} ${a.y}`;
  }
  return vi
    ? `Từ ${dateText(start, locale)} đến ${dateText(due, locale)}`
    : `${dateText(start, locale)} – ${dateText(due, locale)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The deadline written the way plans write it (Vietnamese by default), from its kind and dates. */
export function formatDeadline(deadline: ResolvedDeadline, locale: Locale = 'vi'): string {
  const vi = locale === 'vi';
  const d = deadline;
  if (d.kind === 'ongoing') {
    const head = vi ? `Thường xuyên (${CYCLE_TEXT[d.cycle].vi})` : `Ongoing (${CYCLE_TEXT[d.cycle].en})`;
    if (d.start && d.due) return `${head}, ${lowerFirst(spanText(d.start, d.due, locale))}`;
    if (d.start)
      return vi ? `${head}, từ ${dateText(d.start, locale)}` : `${head}, from ${dateText(d.start, locale)}`;
    if (d.due)
      return vi ? `${head}, đến ${dateText(d.due, locale)}` : `${head}, until ${dateText(d.due, locale)}`;
    return head;
  }
  const p = parts(d.due);
  switch (d.kind) {
    case 'date':
      return dateText(d.due, locale);
    case 'month':
      return vi ? `Tháng ${p.m}/${p.y}` : `${MONTH_EN[p.m - 1]} ${p.y}`;
    case 'quarter':
      return vi ? `Quý ${ROMAN[quarter(p) - 1]}/${p.y}` : `Q${quarter(p)} ${p.y}`;
    case 'half': {
      const first = p.m <= 6;
      if (!vi) return `H${first ? 1 : 2} ${p.y}`;
      return `6 tháng ${first ? 'đầu' : 'cuối'} năm ${p.y}`;
    }
    case 'year':
      return vi ? `Năm ${p.y}` : String(p.y);
    case 'range':
      return spanText(d.start ?? d.due, d.due, locale);
  }
}
