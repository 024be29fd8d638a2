import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canRollUp,
  isPeriodWithin,
  parseDhis2Period,
  parsePeriodCode,
  periodLabel,
  periodsWithin,
  toDhis2Period,
} from './kpi-periods.js';

describe('KPI period codes', () => {
  it('parses months, quarters and years with their calendar spans', () => {
    expect(parsePeriodCode('2025-07')).toEqual({
      code: '2025-07',
      periodicity: 'monthly',
      year: 2025,
      index: 7,
      start: '2025-07-01',
      end: '2025-07-31',
    });
    expect(parsePeriodCode('2024-02')?.end).toBe('2024-02-29');
    expect(parsePeriodCode('2025-q3')).toMatchObject({
      code: '2025-Q3',
      start: '2025-07-01',
      end: '2025-09-30',
    });
    expect(parsePeriodCode('2025')).toMatchObject({
      periodicity: 'yearly',
      start: '2025-01-01',
      end: '2025-12-31',
    });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2025-13', '2025-00', '2025-Q5', '1999', '25-07', '202507', '2025-7', '', 'abcd']) {
      expect(parsePeriodCode(bad)).toBeNull();
    }
  });

  it('reads DHIS2 period ids and writes them back', () => {
    expect(parseDhis2Period('202507')?.code).toBe('2025-07');
    expect(parseDhis2Period('2025Q3')?.code).toBe('2025-Q3');
    expect(parseDhis2Period('2025')?.code).toBe('2025');
    expect(parseDhis2Period('202513')).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const p = parsePeriodCode(`${y}-${String(m).padStart(2, '0')}`)!;
        expect(parseDhis2Period(toDhis2Period(p))).toEqual(p);
      }),
    );
  });

  it('lists the months of a quarter and knows which periods roll up', () => {
    const q3 = parsePeriodCode('2025-Q3')!;
    expect(periodsWithin(q3, 'monthly').map((p) => p.code)).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(periodsWithin(parsePeriodCode('2025')!, 'quarterly')).toHaveLength(4);
    expect(isPeriodWithin(parsePeriodCode('2025-10')!, q3)).toBe(false);
    expect(canRollUp('monthly', 'yearly')).toBe(true);
    expect(canRollUp('yearly', 'monthly')).toBe(false);
  });
});

describe('periodLabel', () => {
  it('writes period codes as people write them', () => {
    expect(periodLabel('2025-Q4')).toBe('Quý IV/2025');
    expect(periodLabel('2025-Q1', 'en')).toBe('Q1 2025');
    expect(periodLabel('2025-07')).toBe('Tháng 7/2025');
    expect(periodLabel('2025-07', 'en')).toBe('July 2025');
    expect(periodLabel('2025')).toBe('Năm 2025');
    expect(periodLabel('2025', 'en')).toBe('2025');
    expect(periodLabel('not a period')).toBe('not a period');
  });
});
