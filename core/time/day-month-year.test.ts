import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, parseDayMonthYear } from './day-month-year.js';

describe('dd/mm/yyyy dates', () => {
  it('reads the ways officials write a day and refuses days that do not exist', () => {
    expect(parseDayMonthYear('06/12/2026')).toBe('2026-12-06');
    expect(parseDayMonthYear(' 6/7/2025 ')).toBe('2025-07-06');
    expect(parseDayMonthYear('01-07-2025')).toBe('2025-07-01');
    expect(parseDayMonthYear('29/02/2024')).toBe('2024-02-29');
    expect(parseDayMonthYear('29/02/2025')).toBeNull();
    expect(parseDayMonthYear('31/04/2025')).toBeNull();
    expect(parseDayMonthYear('2025-07-01')).toBeNull();
    expect(parseDayMonthYear('12/2025')).toBeNull();
    expect(parseDayMonthYear('')).toBeNull();
  });

  it('formats and reads back every real day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(parseDayMonthYear(formatDayMonthYear(iso))).toBe(iso);
        },
      ),
    );
  });
});
