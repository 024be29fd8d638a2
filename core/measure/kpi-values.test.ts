import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateAcrossUnits,
  aggregateOverTime,
  attainment,
  checkRawValue,
  deriveValue,
} from './kpi-values.js';

const raw = (value: number | null, numerator: number | null = null, denominator: number | null = null) => ({
  value,
  numerator,
  denominator,
});

describe('KPI raw values', () => {
  it('requires parts for ratios and refuses numerator > denominator', () => {
    expect(checkRawValue('ratio', raw(null, 45, 50))).toEqual([]);
    expect(checkRawValue('ratio', raw(null, 51, 50))).toEqual([
      { field: 'numerator', code: 'kpi_numerator_gt_denominator' },
    ]);
    expect(checkRawValue('ratio', raw(null, 0, 0))).toEqual([
      { field: 'denominator', code: 'kpi_zero_denominator' },
    ]);
    expect(checkRawValue('ratio', raw(80))).toEqual([
      { field: 'numerator', code: 'required' },
      { field: 'denominator', code: 'required' },
      { field: 'value', code: 'kpi_ratio_takes_parts' },
    ]);
  });

  it('checks counts and percents', () => {
    expect(checkRawValue('count', raw(12))).toEqual([]);
    expect(checkRawValue('count', raw(1.5))).toEqual([{ field: 'value', code: 'kpi_count_not_integer' }]);
    expect(checkRawValue('count', raw(-1))).toEqual([{ field: 'value', code: 'kpi_negative' }]);
    expect(checkRawValue('percent', raw(100.5))).toEqual([{ field: 'value', code: 'kpi_percent_over_100' }]);
    expect(checkRawValue('percent', raw(Number.NaN))).toEqual([{ field: 'value', code: 'kpi_not_a_number' }]);
    expect(checkRawValue('count', raw(3, 1, 2))).toHaveLength(2);
  });

  it('derives rates from parts', () => {
    expect(deriveValue('ratio', raw(null, 912, 1000))).toBeCloseTo(91.2);
    expect(deriveValue('count', raw(43))).toBe(43);
  });
});

describe('KPI aggregation', () => {
  const months = [
    { ...raw(null, 10, 100), periodStart: '2025-01-01' },
    { ...raw(null, 90, 100), periodStart: '2025-02-01' },
    { ...raw(null, 1, 1), periodStart: '2025-03-01' },
  ];
  it('sums ratio parts over time rather than averaging rates', () => {
    expect(aggregateOverTime('ratio', 'sum', months)).toBeCloseTo((101 / 201) * 100);
    expect(aggregateOverTime('ratio', 'last', months)).toBe(100);
    expect(
      aggregateOverTime('count', 'sum', [
        { ...raw(5), periodStart: '2025-01-01' },
        { ...raw(7), periodStart: '2025-02-01' },
      ]),
    ).toBe(12);
    expect(
      aggregateOverTime('count', 'last', [
        { ...raw(7), periodStart: '2025-02-01' },
        { ...raw(5), periodStart: '2025-01-01' },
      ]),
    ).toBe(7);
    expect(
      aggregateOverTime('percent', 'mean', [
        { ...raw(80), periodStart: '2025-01-01' },
        { ...raw(90), periodStart: '2025-04-01' },
      ]),
    ).toBe(85);
    expect(aggregateOverTime('count', 'sum', [])).toBeNull();
  });

  it('adds counts and ratio parts across units; percents are averaged', () => {
    expect(aggregateAcrossUnits('count', [raw(3), raw(4)])).toBe(7);
    expect(aggregateAcrossUnits('ratio', [raw(null, 1, 10), raw(null, 9, 10)])).toBe(50);
    expect(aggregateAcrossUnits('percent', [raw(80), raw(90)])).toBe(85);
  });

  it('keeps an aggregated ratio between the smallest and largest unit rate', () => {
    const part = fc
      .tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
      .map(([d, n]) => raw(null, Math.min(n, d), d));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 20 }), (values) => {
        const rates = values.map((v) => deriveValue('ratio', v)!);
        const total = aggregateAcrossUnits('ratio', values)!;
        expect(total).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-9);
        expect(total).toBeLessThanOrEqual(Math.max(...rates) + 1e-9);
      }),
    );
  });

  it('measures attainment in the direction that is better', () => {
    expect(attainment(91.2, 95, true)).toBeCloseTo(0.96);
    expect(attainment(10, 5, false)).toBe(0.5);
    expect(attainment(null, 5, true)).toBeNull();
    expect(attainment(3, 0, true)).toBeNull();
  });
});
