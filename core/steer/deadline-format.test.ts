import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDay, lastDayOfMonth, monthSpan, periodContaining, toDay } from './calendar.js';
import { resolveDeadline } from './deadline.js';
import { formatDeadline } from './deadline-format.js';
import { DEADLINE_CYCLES, type ResolvedDeadline } from './types.js';

// Resolve → write back → resolve again must land on the same dates: a deadline changed through the UI is
// stored with the text formatDeadline wrote, and that text must mean what the UI meant.

const FIRST = toDay('2000-01-01');
const LAST = toDay('2100-12-31');
const anyDate = fc.integer({ min: FIRST, max: LAST }).map(fromDay);
const year = fc.integer({ min: 2000, max: 2100 });

const fixed: fc.Arbitrary<ResolvedDeadline> = fc.oneof(
  anyDate.map((due): ResolvedDeadline => ({ written: '', kind: 'date', due })),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]): ResolvedDeadline => {
    const s = monthSpan(y, m);
    return { written: '', kind: 'month', start: s.start, due: s.end };
  }),
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]): ResolvedDeadline => {
    const s = periodContaining('quarter', `${y}-${String(q * 3).padStart(2, '0')}-01`);
    return { written: '', kind: 'quarter', start: s.start, due: s.end };
  }),
  fc.tuple(year, fc.boolean()).map(([y, first]): ResolvedDeadline => {
    const s = periodContaining('half', first ? `${y}-01-01` : `${y}-12-01`);
    return { written: '', kind: 'half', start: s.start, due: s.end };
  }),
  year.map((y): ResolvedDeadline => ({ written: '', kind: 'year', start: `${y}-01-01`, due: `${y}-12-31` })),
  fc.tuple(anyDate, anyDate).map(([a, b]): ResolvedDeadline => {
    const [start, due] = a <= b ? [a, b] : [b, a];
    return { written: '', kind: 'range', start, due };
  }),
  fc
    .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, a, b]): ResolvedDeadline => {
      const [m1, m2] = a <= b ? [a, b] : [b, a];
      return {
        written: '',
        kind: 'range',
        start: monthSpan(y, m1).start,
        due: `${y}-${String(m2).padStart(2, '0')}-${lastDayOfMonth(y, m2)}`,
      };
    }),
  fc.tuple(year, fc.integer({ min: 1, max: 10 })).map(
    ([y, n]): ResolvedDeadline => ({
      written: '',
      kind: 'range',
      start: `${Math.min(y, 2099)}-01-01`,
      due: `${Math.min(y + n, 2100)}-12-31`,
    }),
  ),
);

const ongoing: fc.Arbitrary<ResolvedDeadline> = fc
  .tuple(
    fc.constantFrom(...DEADLINE_CYCLES),
    fc.option(fixed, { nil: undefined }),
    fc.constantFrom('both', 'start', 'due'),
  )
  .map(([cycle, bound, which]): ResolvedDeadline => {
    if (!bound) return { written: '', kind: 'ongoing', cycle, due: null };
    const start = bound.start ?? bound.due ?? undefined;
    if (which === 'start') return { written: '', kind: 'ongoing', cycle, start, due: null };
    if (which === 'due' || bound.kind === 'date')
      return { written: '', kind: 'ongoing', cycle, due: bound.due };
    return { written: '', kind: 'ongoing', cycle, start, due: bound.due };
  });

const dates = (d: ResolvedDeadline) => ({
  due: d.due,
  start: d.start,
  cycle: d.kind === 'ongoing' ? d.cycle : undefined,
});

describe('formatDeadline round trip', () => {
  it('resolve(format(d)) has the same dates and cycle, and the same kind except for ranges', () => {
    fc.assert(
      fc.property(fc.oneof(fixed, ongoing), (d) => {
        const text = formatDeadline(d);
        const again = resolveDeadline(text);
        expect(again.ok, text).toBe(true);
        if (!again.ok) return;
        expect(dates(again.deadline), text).toEqual(dates(d));
        // A range that is a whole year or quarter is written (and read back) as one.
        if (d.kind !== 'range') expect(again.deadline.kind, text).toBe(d.kind);
        // Writing the written-back text again changes nothing.
        expect(formatDeadline(again.deadline)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('resolve → format → resolve is stable from every written form, with and without diacritics', () => {
    const forms = [
      '15/6/2025',
      'Tháng 6/2025',
      'quy 2/2025',
      '6 tháng cuối năm 2025',
      'trong năm 2025',
      'Giai đoạn 2021-2025',
      'Thuong xuyen',
      'Hằng năm',
    ];
    for (const form of forms) {
      const first = resolveDeadline(form);
      if (!first.ok) throw new Error(form);
      const second = resolveDeadline(formatDeadline(first.deadline));
      expect(second.ok && dates(second.deadline), form).toEqual(dates(first.deadline));
    }
  });

  it('writes English too, and never throws for any kind', () => {
    fc.assert(
      fc.property(fc.oneof(fixed, ongoing), (d) => formatDeadline(d, 'en').length > 0),
      { numRuns: 500 },
    );
  });
});
