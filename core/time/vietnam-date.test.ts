import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnamDate, vietnameseDateText, vietnameseDateTimeText } from './vietnam-date.js';

describe('vietnamDate', () => {
  it('turns at 17:00 UTC, which is midnight in Vietnam', () => {
    expect(vietnamDate(new Date('2026-06-30T16:59:59.999Z'))).toBe('2026-06-30');
    expect(vietnamDate(new Date('2026-06-30T17:00:00.000Z'))).toBe('2026-07-01');
    expect(vietnamDate(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
  });

  it('equals the UTC date seven hours later for any instant (Vietnam has no daylight saving)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (d) => {
          expect(vietnamDate(d)).toBe(new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10));
        },
      ),
    );
  });

  it('writes dates the Vietnamese way', () => {
    expect(vietnameseDateText('2026-07-01')).toBe('01/07/2026');
  });
});

describe('vietnameseDateTimeText', () => {
  it('writes an instant in Vietnam time, across the date line', () => {
    expect(vietnameseDateTimeText(new Date('2026-03-31T17:05:00Z'))).toBe('01/04/2026 00:05');
    expect(vietnameseDateTimeText(new Date('2026-03-31T02:00:00Z'))).toBe('31/03/2026 09:00');
  });
});
