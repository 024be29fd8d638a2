import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  fromDay,
  isValidIsoDate,
  lastDayOfMonth,
  periodContaining,
  toDay,
} from './calendar.js';
import { DEADLINE_CYCLES } from './types.js';

const MS_PER_DAY = 86_400_000;
const dayNumber = fc.integer({ min: toDay('1990-01-01'), max: toDay('2110-12-31') });

describe('calendar day numbers', () => {
  it('agree with UTC midnight and round-trip', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        const iso = fromDay(n);
        expect(iso).toBe(new Date(n * MS_PER_DAY).toISOString().slice(0, 10));
        expect(toDay(iso)).toBe(n);
        expect(isValidIsoDate(iso)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('know leap years and reject days that do not exist', () => {
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2100, 2)).toBe(28);
    expect(lastDayOfMonth(2000, 2)).toBe(29);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-04-31')).toBe(false);
    expect(isValidIsoDate('2025-6-1')).toBe(false);
    expect(() => toDay('2025-02-29')).toThrow(RangeError);
    expect(() => toDay('30/06/2025')).toThrow(RangeError);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(daysBetween('2024-12-31', '2025-12-31')).toBe(365);
  });

  it('find the month, quarter, half-year and year containing a date', () => {
    expect(periodContaining('quarter', '2025-05-17')).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(periodContaining('half', '2025-07-01')).toEqual({ start: '2025-07-01', end: '2025-12-31' });
    expect(periodContaining('month', '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    fc.assert(
      fc.property(dayNumber, fc.constantFrom(...DEADLINE_CYCLES), (n, cycle) => {
        const iso = fromDay(n);
        const p = periodContaining(cycle, iso);
        expect(p.start <= iso && iso <= p.end).toBe(true);
        expect(periodContaining(cycle, addDays(p.end, 1)).start).toBe(addDays(p.end, 1));
      }),
      { numRuns: 1000 },
    );
  });
});
