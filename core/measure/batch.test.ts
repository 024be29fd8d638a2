import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComponentValue } from '../contracts/measure-framework.js';
import { STATUS_CODES, scoreBatch } from './batch.js';
import { evaluateRule } from './rules.js';
import { fastRuleOf, NOT_EVALUABLE } from './rules-fast.js';
import { scoreUnit } from './scoring.js';
import { COMMUNE_SET } from './templates/index.js';
import { comp, tinyFramework } from './test-fixtures.js';

const value: fc.Arbitrary<ComponentValue | undefined> = fc.option(
  fc.oneof(
    fc.double({ min: -200, max: 20_000, noNaN: true }).map((n) => ({ number: n })),
    fc.tuple(fc.nat(300), fc.nat(300)).map(([a, b]) => ({ numerator: a, denominator: b })),
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

describe('fast rules agree with the explained rules', () => {
  it('same fraction, and NOT_EVALUABLE exactly when evaluateRule says not_evaluable', () => {
    const components = [
      ...allComponents.filter((c) => c.rule.kind !== 'formula'),
      comp('M', 10, { kind: 'minmax', lower: 3, upper: 3, higherIsBetter: true }),
      comp('T', 10, { kind: 'target', target: 5, baseline: 5, higherIsBetter: true }),
      comp('R', 10, { kind: 'ratio', cap: false }),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...components), value, (c, v) => {
        if (!v || 'notApplicable' in v) return;
        const slow = evaluateRule(c, v);
        const fast = fastRuleOf(c)(v);
        if (slow.status === 'not_evaluable') expect(fast).toBe(NOT_EVALUABLE);
        else expect(fast).toBeCloseTo(slow.fraction, 12);
      }),
    );
  });
});

describe('scoreBatch', () => {
  it('gives the same points, statuses and rollups as scoreUnit, unit by unit', () => {
    const codes = allComponents.map((c) => c.code);
    const unit = fc.record({
      values: fc
        .tuple(...codes.map(() => value))
        .map((vs) => Object.fromEntries(codes.map((c, i) => [c, vs[i]]))),
      context: fc.constantFrom({ unitKind: 'commune' }, { unitKind: 'ward' }, { unitKind: 'department' }),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 5 }), (units) => {
        const batch = scoreBatch(COMMUNE_SET, units);
        units.forEach((u, r) => {
          const one = scoreUnit(COMMUNE_SET, u.values, u.context);
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
