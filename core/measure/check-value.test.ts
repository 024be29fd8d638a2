import { describe, expect, it } from 'vitest';
import { checkValue } from './check-value.js';
import { comp, MEETINGS_RULE } from './test-fixtures.js';

describe('checkValue: a rate above 100 %', () => {
  const capped = comp('R', 10, { kind: 'ratio', cap: true });
  const uncapped = comp('R', 10, { kind: 'ratio', cap: false });

  it('accepts 12/10 when the ratio rule caps it (the engine gives full points)', () => {
    expect(checkValue(capped, { numerator: 12, denominator: 10 })).toEqual([]);
    expect(checkValue({ ...capped, valueType: 'percent' }, { number: 120 })).toEqual([]);
  });

  it('refuses 12/10 when the rule does not cap', () => {
    expect(checkValue(uncapped, { numerator: 12, denominator: 10 })).toEqual([
      { field: 'numerator', code: 'measure.numerator_above_denominator', params: { denominator: 10 } },
    ]);
    expect(checkValue({ ...uncapped, valueType: 'percent' }, { number: 120 })).toMatchObject([
      { field: 'number', code: 'too_big' },
    ]);
  });

  it('refuses a rate above 100 % under a rule that reads it as a number', () => {
    const steps = comp('S', 20, MEETINGS_RULE, { valueType: 'ratio' });
    expect(checkValue(steps, { numerator: 12, denominator: 10 })).toMatchObject([
      { code: 'measure.numerator_above_denominator' },
    ]);
  });

  it('refuses cases counted over no cases even when capped', () => {
    expect(checkValue(capped, { numerator: 3, denominator: 0 })).toMatchObject([
      { field: 'numerator', code: 'measure.numerator_above_denominator' },
    ]);
    expect(checkValue(capped, { numerator: 0, denominator: 0 })).toEqual([]);
  });
});
