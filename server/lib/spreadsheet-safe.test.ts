import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutraliseCell, type SheetCell, toCsv } from './spreadsheet-safe.js';

const cellArb: fc.Arbitrary<SheetCell> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '=1+1',
    '+SUM(A1)',
    '-2+3',
    '@cmd',
    '\t=x',
    '\r=x',
    '＝1',
    'a,b',
    'say "hi"',
    ' x ',
    'x\ny',
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

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
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends, quoted fields and neutralised text', () => {
    const csv = toCsv([
      ['Mã', 'Tên', 'Điểm'],
      ['01', 'Xã "Đồng Hỷ", Thái Nguyên', 91.5],
      ['02', '=cmd|/C calc', -3],
    ]);
    expect(csv).toBe(
      '\uFEFFMã,Tên,Điểm\r\n01,"Xã ""Đồng Hỷ"", Thái Nguyên",91.5\r\n02,\'=cmd|/C calc,-3\r\n',
    );
    expect(toCsv([['a']], { bom: false, delimiter: ';' })).toBe('a\r\n');
    expect(toCsv([])).toBe('\uFEFF');
  });

  it('round-trips through a CSV parser to the neutralised cells (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t') as fc.Arbitrary<',' | ';' | '\t'>,
        (rows, delimiter) => {
          const csv = toCsv(rows, { delimiter });
          expect(csv.startsWith('\uFEFF')).toBe(true);
          const parsed: string[][] = parse(csv.slice(1), { delimiter, relax_column_count: true });
          const expected = rows.map((row) =>
            row.map((c) => {
              const safe = neutraliseCell(c);
              return safe === null ? '' : String(safe);
            }),
          );
          expect(parsed).toEqual(expected);
          // Text never reaches the spreadsheet formula-like; numbers (e.g. -3) are numbers, not formulas.
          rows.forEach((row, r) => {
            row.forEach((c, i) => {
              if (typeof c === 'string') expect(isFormulaLike(parsed[r][i])).toBe(false);
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
