import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComponentValue, Framework } from '../contracts/measure-framework.js';
import { STATUS_CODES, scoreBatch } from './batch.js';
import { evaluateRule } from './rules.js';
import { fastRuleOf, NOT_APPLICABLE, NOT_EVALUABLE } from './rules-fast.js';
import { scoreUnit } from './scoring.js';
import { COMMUNE_SET } from './templates/index.js';
import { comp, tinyFramework } from './test-fixtures.js';

const value: fc.Arbitrary<ComponentValue | undefined> = fc.option(
  fc.oneof(
    fc.double({ min: -200, max: 20_000, noNaN: true }).map((n) => ({ number: n })),
    fc.tuple(fc.nat(300), fc.nat(300)).map(([a, b]) => ({ numerator: a, denominator: b })),
    fc.constant({ numerator: 0, denominator: 0 }),
    fc.boolean().map((b) => ({ bool: b })),
    fc
      .constantFrom('chairman', 'deputy', 'none', 'chu_tich', 'pho_chu_tich', 'x')
      .map((c) => ({ choice: c })),
    fc.constantFrom('2025-01-01', '2025-12-31').map((d) => ({ date: d })),
    fc.constant({ documentRef: 'QĐ 12' }),
    fc.constant({ notApplicable: true as const }),
  ),
  { nil: undefined },
);

const allComponents = COMMUNE_SET.groups.flatMap((g) => g.mainIndices).flatMap((m) => m.components);

// The commune set with every ratio rule saying what "no cases" means, in turn full / zero / not applicable.
const ZERO_CASES = ['full', 'zero', 'not_applicable'] as const;
let ratioCount = 0;
const COMMUNE_SET_ZERO_CASES: Framework = {
  ...COMMUNE_SET,
  groups: COMMUNE_SET.groups.map((g) => ({
    ...g,
    mainIndices: g.mainIndices.map((m) => ({
      ...m,
      components: m.components.map((c) =>
        c.rule.kind === 'ratio'
          ? { ...c, rule: { ...c.rule, zeroCases: ZERO_CASES[ratioCount++ % ZERO_CASES.length] } }
          : c,
      ),
    })),
  })),
};

describe('fast rules agree with the explained rules', () => {
  it('same fraction, and NOT_EVALUABLE / NOT_APPLICABLE exactly when evaluateRule says so', () => {
    const components = [
      ...allComponents.filter((c) => c.rule.kind !== 'formula'),
      comp('M', 10, { kind: 'minmax', lower: 3, upper: 3, higherIsBetter: true }),
      comp('T', 10, { kind: 'target', target: 5, baseline: 5, higherIsBetter: true }),
      comp('R', 10, { kind: 'ratio', cap: false }),
      comp('ZF', 10, { kind: 'ratio', cap: true, zeroCases: 'full' }),
      comp('ZZ', 10, { kind: 'ratio', cap: false, zeroCases: 'zero' }),
      comp('ZN', 10, { kind: 'ratio', cap: true, zeroCases: 'not_applicable' }, { valueType: 'percent' }),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...components), value, (c, v) => {
        if (!v || 'notApplicable' in v) return;
        const slow = evaluateRule(c, v);
        const fast = fastRuleOf(c)(v);
        if (slow.status === 'not_evaluable') expect(fast).toBe(NOT_EVALUABLE);
        else if (slow.status === 'not_applicable') expect(fast).toBe(NOT_APPLICABLE);
        else expect(fast).toBeCloseTo(slow.fraction, 12);
      }),
    );
  });
});

describe('scoreBatch', () => {
  it.each([
    ['the commune set', COMMUNE_SET],
    ['the commune set with zeroCases on its ratios', COMMUNE_SET_ZERO_CASES],
  ])('gives the same points, statuses and rollups as scoreUnit, unit by unit (%s)', (_, framework) => {
    const codes = allComponents.map((c) => c.code);
    const unit = fc.record({
      values: fc
        .tuple(...codes.map(() => value))
        .map((vs) => Object.fromEntries(codes.map((c, i) => [c, vs[i]]))),
      context: fc.constantFrom({ unitKind: 'commune' }, { unitKind: 'ward' }, { unitKind: 'department' }),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 5 }), (units) => {
        const batch = scoreBatch(framework, units);
        units.forEach((u, r) => {
          const one = scoreUnit(framework, u.values, u.context);
          one.components.forEach((c, i) => {
            expect(batch.points[r * codes.length + i]).toBeCloseTo(c.points, 9);
            expect(STATUS_CODES[batch.status[r * codes.length + i]]).toBe(c.status);
          });
          expect(batch.total.points[r]).toBeCloseTo(one.total.points, 9);
          expect(batch.total.applicableMax[r]).toBeCloseTo(one.total.applicableMax, 9);
          one.mainIndices.forEach((m, k) => {
            expect(batch.mainIndices.points[r * one.mainIndices.length + k]).toBeCloseTo(m.points, 9);
          });
          one.pillars.forEach((p, k) => {
            expect(batch.pillars.points[r * 3 + k]).toBeCloseTo(p.points, 9);
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('reports NaN values where nothing applies and the N/A rebasing example', () => {
    const fw = tinyFramework();
    const b = scoreBatch(fw, [
      {
        values: {
          A: { notApplicable: true },
          B: { choice: 'chairman' },
          C: { numerator: 1, denominator: 1 },
        },
      },
      { values: {}, context: { unitKind: 'commune' } },
    ]);
    expect(b.total.values[0]).toBe(0.5);
    expect(b.total.values[1]).toBe(0);
    expect(b.mainIndices.codes).toEqual(['M1', 'M2', 'M3']);
    expect(STATUS_CODES[b.status[fw.groups.length * 0 + 3]]).toBe('missing');
  });
});
