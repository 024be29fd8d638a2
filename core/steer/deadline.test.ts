import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../units/fold.js';
import { isValidIsoDate } from './calendar.js';
import { resolveDeadline } from './deadline.js';
import { formatDeadline } from './deadline-format.js';
import { DEADLINE_KIND_LABELS, deadlineErrorMessage } from './labels.js';
import type { DeadlineErrorCode, ResolvedDeadline } from './types.js';

type Expected = ResolvedDeadline extends infer T ? (T extends unknown ? Omit<T, 'written'> : never) : never;

// Every written form of ../shared/research/tasks-and-style.md §A and the issue, with what it must resolve to.
const FORMS: [string, Expected][] = [
  ['15/6/2025', { kind: 'date', due: '2025-06-15' }],
  ['15-06-2025', { kind: 'date', due: '2025-06-15' }],
  ['15.06.2025', { kind: 'date', due: '2025-06-15' }],
  ['ngày 15 tháng 6 năm 2025', { kind: 'date', due: '2025-06-15' }],
  ['Ngày 05 tháng 06 năm 2025', { kind: 'date', due: '2025-06-05' }],
  ['2025-06-15', { kind: 'date', due: '2025-06-15' }],
  ['Trước ngày 30/6/2025', { kind: 'date', due: '2025-06-30' }],
  ['Chậm nhất ngày 31/12/2025', { kind: 'date', due: '2025-12-31' }],
  ['29/2/2024', { kind: 'date', due: '2024-02-29' }],
  ['29/02/2000', { kind: 'date', due: '2000-02-29' }],
  ['Tháng 6/2025', { kind: 'month', start: '2025-06-01', due: '2025-06-30' }],
  ['tháng 06 năm 2025', { kind: 'month', start: '2025-06-01', due: '2025-06-30' }],
  ['T6/2025', { kind: 'month', start: '2025-06-01', due: '2025-06-30' }],
  ['Trong tháng 12/2025', { kind: 'month', start: '2025-12-01', due: '2025-12-31' }],
  ['Tháng 2/2024', { kind: 'month', start: '2024-02-01', due: '2024-02-29' }],
  ['Tháng 2/2025', { kind: 'month', start: '2025-02-01', due: '2025-02-28' }],
  ['6/2025', { kind: 'month', start: '2025-06-01', due: '2025-06-30' }],
  ['2025-06', { kind: 'month', start: '2025-06-01', due: '2025-06-30' }],
  ['Quý II/2025', { kind: 'quarter', start: '2025-04-01', due: '2025-06-30' }],
  ['Quý 2 năm 2025', { kind: 'quarter', start: '2025-04-01', due: '2025-06-30' }],
  ['Quý II năm 2025', { kind: 'quarter', start: '2025-04-01', due: '2025-06-30' }],
  ['quy 2/2025', { kind: 'quarter', start: '2025-04-01', due: '2025-06-30' }],
  ['QII/2025', { kind: 'quarter', start: '2025-04-01', due: '2025-06-30' }],
  ['Quý I/năm 2023', { kind: 'quarter', start: '2023-01-01', due: '2023-03-31' }],
  ['Quý III/2025', { kind: 'quarter', start: '2025-07-01', due: '2025-09-30' }],
  ['Quí IV/2025', { kind: 'quarter', start: '2025-10-01', due: '2025-12-31' }],
  ['Hoàn thành trong Quý III/2025', { kind: 'quarter', start: '2025-07-01', due: '2025-09-30' }],
  ['3 tháng cuối năm 2024', { kind: 'quarter', start: '2024-10-01', due: '2024-12-31' }],
  ['6 tháng đầu năm 2025', { kind: 'half', start: '2025-01-01', due: '2025-06-30' }],
  ['6 tháng cuối năm 2025', { kind: 'half', start: '2025-07-01', due: '2025-12-31' }],
  ['Nửa đầu năm 2026', { kind: 'half', start: '2026-01-01', due: '2026-06-30' }],
  ['Năm 2025', { kind: 'year', start: '2025-01-01', due: '2025-12-31' }],
  ['2025', { kind: 'year', start: '2025-01-01', due: '2025-12-31' }],
  ['trong năm 2025', { kind: 'year', start: '2025-01-01', due: '2025-12-31' }],
  ['Cuối năm 2025', { kind: 'year', start: '2025-01-01', due: '2025-12-31' }],
  ['2025-2026', { kind: 'range', start: '2025-01-01', due: '2026-12-31' }],
  ['Giai đoạn 2021-2025', { kind: 'range', start: '2021-01-01', due: '2025-12-31' }],
  ['Giai đoạn 2021 – 2025', { kind: 'range', start: '2021-01-01', due: '2025-12-31' }],
  ['Năm 2025-2026', { kind: 'range', start: '2025-01-01', due: '2026-12-31' }],
  ['Từ năm 2024 đến năm 2026', { kind: 'range', start: '2024-01-01', due: '2026-12-31' }],
  ['Quý II-III/2025', { kind: 'range', start: '2025-04-01', due: '2025-09-30' }],
  ['Tháng 6-8/2025', { kind: 'range', start: '2025-06-01', due: '2025-08-31' }],
  ['9 tháng đầu năm 2025', { kind: 'range', start: '2025-01-01', due: '2025-09-30' }],
  ['Từ 01/02/2025 đến 30/09/2025', { kind: 'range', start: '2025-02-01', due: '2025-09-30' }],
  ['Từ tháng 6 đến tháng 9/2025', { kind: 'range', start: '2025-06-01', due: '2025-09-30' }],
  ['Thường xuyên', { kind: 'ongoing', cycle: 'quarter', due: null }],
  ['Thường xuyên, liên tục', { kind: 'ongoing', cycle: 'quarter', due: null }],
  ['Hằng năm', { kind: 'ongoing', cycle: 'year', due: null }],
  ['Hàng năm', { kind: 'ongoing', cycle: 'year', due: null }],
  ['Hằng quý', { kind: 'ongoing', cycle: 'quarter', due: null }],
  ['Hằng tháng', { kind: 'ongoing', cycle: 'month', due: null }],
  ['Thường xuyên, báo cáo hằng tháng', { kind: 'ongoing', cycle: 'month', due: null }],
  ['Thường xuyên (định kỳ 6 tháng/lần)', { kind: 'ongoing', cycle: 'half', due: null }],
  ['Thực hiện thường xuyên, báo cáo hằng quý và hằng năm', { kind: 'ongoing', cycle: 'quarter', due: null }],
  [
    'Thường xuyên (hằng quý), giai đoạn 2021-2025',
    { kind: 'ongoing', cycle: 'quarter', start: '2021-01-01', due: '2025-12-31' },
  ],
  ['Hằng năm, trong năm 2025', { kind: 'ongoing', cycle: 'year', start: '2025-01-01', due: '2025-12-31' }],
  ['Thường xuyên, đến 31/12/2025', { kind: 'ongoing', cycle: 'quarter', due: '2025-12-31' }],
  [
    'Thường xuyên (hằng năm), từ 01/03/2025',
    { kind: 'ongoing', cycle: 'year', start: '2025-03-01', due: null },
  ],
];

/** The same text as a hurried typist writes it: no diacritics, odd case, extra spaces. */
function variants(text: string): string[] {
  const bare = foldVietnamese(text);
  return [text, bare, text.toUpperCase(), bare.toUpperCase(), `  ${text.replace(/ /g, '   ')}  `];
}

describe('resolveDeadline: every written form', () => {
  for (const [written, expected] of FORMS) {
    it(`${written} → ${expected.kind} ${expected.due}`, () => {
      for (const text of variants(written)) {
        const result = resolveDeadline(text);
        expect(result, text).toEqual({ ok: true, deadline: { written: text, ...expected } });
      }
    });
  }

  it('keeps the text exactly as written', () => {
    const result = resolveDeadline('  Quý II/2025. ');
    expect(result.ok && result.deadline.written).toBe('  Quý II/2025. ');
  });

  it('takes the plan year for periods written without one', () => {
    expect(resolveDeadline('Quý II', { year: 2026 })).toMatchObject({
      ok: true,
      deadline: { due: '2026-06-30' },
    });
    expect(resolveDeadline('Tháng 12', { year: 2026 })).toMatchObject({
      ok: true,
      deadline: { due: '2026-12-31' },
    });
    expect(resolveDeadline('30/6', { year: 2026 })).toMatchObject({
      ok: true,
      deadline: { kind: 'date', due: '2026-06-30' },
    });
    expect(resolveDeadline('6 tháng đầu năm', { year: 2026 })).toMatchObject({
      ok: true,
      deadline: { due: '2026-06-30' },
    });
    expect(resolveDeadline('29/2', { year: 2027 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_date' },
    });
    // A year written in the text wins over the plan's.
    expect(resolveDeadline('Quý II/2025', { year: 2026 })).toMatchObject({
      ok: true,
      deadline: { due: '2025-06-30' },
    });
  });

  it('uses the configured cycle for a bare "Thường xuyên" only', () => {
    expect(resolveDeadline('Thường xuyên', { ongoingCycle: 'month' })).toMatchObject({
      ok: true,
      deadline: { cycle: 'month' },
    });
    expect(resolveDeadline('Hằng năm', { ongoingCycle: 'month' })).toMatchObject({
      ok: true,
      deadline: { cycle: 'year' },
    });
  });
});

const ERRORS: [string, DeadlineErrorCode][] = [
  ['', 'empty'],
  ['   ', 'empty'],
  [' ,. ', 'empty'],
  ['x'.repeat(201), 'too_long'],
  ['abc', 'unrecognised'],
  ['Sớm nhất có thể', 'unrecognised'],
  ['Quý V/2025', 'unrecognised'],
  ['15/6/25', 'unrecognised'],
  ['Hằng tuần', 'unrecognised'],
  ['Thường xuyên, khi có yêu cầu', 'unrecognised'],
  ['Quý II', 'missing_year'],
  ['Tháng 6', 'missing_year'],
  ['30/6', 'missing_year'],
  ['31/2/2025', 'invalid_date'],
  ['29/2/2025', 'invalid_date'],
  ['29/2/1900', 'year_out_of_range'],
  ['31/4/2025', 'invalid_date'],
  ['0/5/2025', 'invalid_date'],
  ['2025-13-01', 'invalid_date'],
  ['Tháng 13/2025', 'invalid_date'],
  ['Tháng 0/2025', 'invalid_date'],
  ['Quý 5/2025', 'invalid_date'],
  ['Quý 0/2025', 'invalid_date'],
  ['1999', 'year_out_of_range'],
  ['Quý II/2101', 'year_out_of_range'],
  ['2026-2025', 'invalid_range'],
  ['2025-2025', 'invalid_range'],
  ['Quý III-II/2025', 'invalid_date'],
  ['Từ 30/9/2025 đến 01/02/2025', 'invalid_range'],
];

describe('resolveDeadline: text that does not resolve', () => {
  for (const [text, code] of ERRORS) {
    it(`${JSON.stringify(text.slice(0, 30))} → ${code}`, () => {
      expect(resolveDeadline(text)).toEqual({ ok: false, error: { code, text } });
      if (text.trim() !== '')
        expect(resolveDeadline(foldVietnamese(text))).toMatchObject({ ok: false, error: { code } });
    });
  }

  it('never throws on text built from its own words in any order, and stays fast', () => {
    const token = fc.constantFrom(
      'quý',
      'quy',
      'Q',
      'II',
      'iv',
      'tháng',
      'T',
      'ngày',
      'năm',
      'giai đoạn',
      'từ',
      'đến',
      'thường xuyên',
      'hằng',
      '6 tháng đầu',
      'cuối',
      '/',
      '-',
      ',',
      '(',
      ')',
      ' ',
      '2025',
      '1999',
      '31',
      '2',
      '29',
      '13',
      'trước',
      'lần',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const text = tokens.join(' ');
        const started = performance.now();
        const result = resolveDeadline(text);
        expect(performance.now() - started).toBeLessThan(250);
        if (!result.ok) return result.error.text === text;
        const d = result.deadline;
        return (d.due === null || isValidIsoDate(d.due)) && (!d.start || !d.due || d.start <= d.due);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a Vietnamese message quoting the text, and an English one', () => {
    const result = resolveDeadline('Quý V/2025');
    if (result.ok) throw new Error('expected an error');
    expect(deadlineErrorMessage(result.error)).toContain('Không hiểu thời hạn "Quý V/2025"');
    expect(deadlineErrorMessage(result.error, 'en')).toContain('Cannot read the deadline "Quý V/2025"');
    expect(deadlineErrorMessage({ code: 'invalid_date', text: '$& 31/2' })).toContain('"$& 31/2"');
    expect(deadlineErrorMessage({ code: 'too_long', text: 'x'.repeat(300) }).length).toBeLessThan(140);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = resolveDeadline(text);
        if (!result.ok) return result.error.text === text;
        const d = result.deadline;
        return (d.due === null || isValidIsoDate(d.due)) && (!d.start || !d.due || d.start <= d.due);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatDeadline', () => {
  it('writes each kind the way plans write it', () => {
    const cases: [string, string][] = [
      ['2025-06-15', '15/06/2025'],
      ['Tháng 06 năm 2025', 'Tháng 6/2025'],
      ['quy 2/2025', 'Quý II/2025'],
      ['QIV/2025', 'Quý IV/2025'],
      ['6 thang cuoi nam 2025', '6 tháng cuối năm 2025'],
      ['trong nam 2025', 'Năm 2025'],
      ['2021-2025', 'Giai đoạn 2021-2025'],
      ['Quý II, III/2025', 'Quý II-III/2025'],
      ['Từ 02/01/2025 đến 30/09/2025', 'Từ 02/01/2025 đến 30/09/2025'],
      ['hang thang', 'Thường xuyên (hằng tháng)'],
      [
        'Thường xuyên, 6 tháng một lần, giai đoạn 2021-2025',
        'Thường xuyên (định kỳ 6 tháng), giai đoạn 2021-2025',
      ],
    ];
    for (const [written, expected] of cases) {
      const result = resolveDeadline(written);
      if (!result.ok) throw new Error(`${written}: ${result.error.code}`);
      expect(formatDeadline(result.deadline), written).toBe(expected);
    }
  });

  it('writes English for the English interface', () => {
    const en = (text: string) => {
      const r = resolveDeadline(text);
      return r.ok ? formatDeadline(r.deadline, 'en') : r.error.code;
    };
    expect(en('Quý II/2025')).toBe('Q2 2025');
    expect(en('6 tháng đầu năm 2025')).toBe('H1 2025');
    expect(en('Tháng 6/2025')).toBe('Jun 2025');
    expect(en('15/6/2025')).toBe('15 Jun 2025');
    expect(en('Hằng quý')).toBe('Ongoing (quarterly)');
    expect(DEADLINE_KIND_LABELS.half).toEqual({ vi: '6 tháng', en: 'Half-year' });
  });
});
