import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumber } from './inputs.js';

// The light entry form reads numbers as officials type them: "1.234,5" in Vietnamese, "1,234.5" in English.
describe('the entry form’s number fields', () => {
  it('reads each language’s separators', () => {
    expect(parseNumber('3', 'vi')).toBe(3);
    expect(parseNumber('3,5', 'vi')).toBe(3.5);
    expect(parseNumber('1.234,5', 'vi')).toBe(1234.5);
    expect(parseNumber(' 12 ', 'vi')).toBe(12);
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumber('-2', 'en')).toBe(-2);
    expect(parseNumber('', 'vi')).toBeNull();
    expect(parseNumber('   ', 'en')).toBeNull();
  });

  it('refuses what is not a number instead of guessing', () => {
    for (const text of ['abc', '3,', '1e5', '--1', '3,5,6', '12a', '0x10'])
      expect(parseNumber(text, 'vi'), text).toBeNaN();
  });

  it('reads back every number it shows, in both languages', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => Math.round(n * 1e6) / 1e6),
        fc.constantFrom('vi', 'en'),
        (n, lang) => {
          expect(parseNumber(formatNumber(n, lang), lang)).toBeCloseTo(n, 6);
        },
      ),
    );
  });
});
