import { describe, expect, it } from 'vitest';
import { vietnamDateTime } from '../open311/open311-format.js';
import { newReportCode } from '../reports/reports.service.js';
import { kpiRows, ON_TIME_KPI, quarterOf, SATISFACTION_KPI } from './feedback-kpis.js';

describe('feedback KPI rows', () => {
  it('finds the quarter of a date', () => {
    expect(quarterOf('2026-03-31')).toEqual({
      code: '2026-Q1',
      start: '2026-01-01',
      end: '2026-03-31',
      next: '2026-04-01',
    });
    expect(quarterOf('2026-11-02')).toMatchObject({ code: '2026-Q4', end: '2026-12-31', next: '2027-01-01' });
    expect(quarterOf('2026-05-15')).toMatchObject({
      code: '2026-Q2',
      start: '2026-04-01',
      end: '2026-06-30',
    });
  });

  it('writes numerator and denominator per unit, skipping empty denominators', () => {
    const rows = kpiRows(
      quarterOf('2026-02-10'),
      [
        { unitId: 7, due: 4, onTime: '3' },
        { unitId: 8, due: 0, onTime: 0 },
      ],
      [{ unitId: 7, rated: 2, satisfied: null }],
      '2026-02-10',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        kpiCode: ON_TIME_KPI,
        unitId: 7,
        period: '2026-Q1',
        numerator: 3,
        denominator: 4,
      }),
      expect.objectContaining({
        kpiCode: SATISFACTION_KPI,
        unitId: 7,
        period: '2026-Q1',
        numerator: 0,
        denominator: 2,
      }),
    ]);
  });
});

describe('report codes and Open311 times', () => {
  it('makes random codes of the documented shape', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newReportCode(2026)));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^PA-2026-[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it('writes instants in +07:00', () => {
    expect(vietnamDateTime('2026-03-02T02:00:00.000Z')).toBe('2026-03-02T09:00:00+07:00');
    expect(vietnamDateTime('2026-12-31T20:30:00.000Z')).toBe('2027-01-01T03:30:00+07:00');
    expect(vietnamDateTime(null)).toBeNull();
  });
});
