import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutraliseCell } from './spreadsheet-safe.js';
import { neutraliseBidi } from './text-safety.js';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","click")', `'=HYPERLINK("http://evil","click")`],
    ['+84 912 345 678', "'+84 912 345 678"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1+1', "'＝1+1"],
    ['Sở Khoa học và Công nghệ', 'Sở Khoa học và Công nghệ'],
    ['a=b', 'a=b'],
    ['', ''],
    // Issue 8, finding 9: bidi overrides and isolates display a name in another order than it reads.
    ['Xã A\u202Egnp.exe', 'Xã A[U+202E]gnp.exe'],
    ['\u2066=1+1\u2069', '[U+2066]=1+1[U+2069]'],
    ['\u202A\u202B\u202C\u202D\u2067\u2068', '[U+202A][U+202B][U+202C][U+202D][U+2067][U+2068]'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('keeps numbers and booleans, drops non-finite numbers, writes dates as ISO text', () => {
    expect(neutraliseCell(-12.5)).toBe(-12.5);
    expect(neutraliseCell(0)).toBe(0);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell(Number.NaN)).toBeNull();
    expect(neutraliseCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(neutraliseCell(new Date('2026-03-02T02:00:00Z'))).toBe('2026-03-02T02:00:00.000Z');
    expect(neutraliseCell(undefined)).toBeNull();
  });

  it('never leaves a string that a spreadsheet would read as a formula (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const out = neutraliseCell(s) as string;
        expect(isFormulaLike(out)).toBe(false);
        const visible = neutraliseBidi(s);
        expect(out === visible || out === `'${visible}`).toBe(true);
        expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      }),
    );
  });
});
