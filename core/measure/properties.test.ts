import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Component, ComponentValue, Framework } from '../contracts/measure-framework.js';
import { aggregateAcrossLineage } from './lineage.js';
import { EXPLANATION_MESSAGES } from './messages.js';
import { rankUnits } from './ranking.js';
import { scoreComponent, scoreUnit } from './scoring.js';
import { comp, HEAD_RULE, MEETINGS_RULE, tinyFramework, tinyUnitValues } from './test-fixtures.js';

const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const maxPoints = fc.integer({ min: 1, max: 200 });

const stepsRule = fc
  .uniqueArray(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 6 })
  .chain((mins) =>
    fc.integer({ min: 1, max: 50 }).map((max) => ({
      max,
      rule: {
        kind: 'steps' as const,
        steps: [...mins]
          .sort((a, b) => a - b)
          .map((min, i, all) => ({ min, points: (max * (i + 1)) / all.length })),
      },
    })),
  );

const zeroCases = fc.constantFrom(undefined, 'full' as const, 'zero' as const, 'not_applicable' as const);

const anyRuleComponent: fc.Arbitrary<Component> = fc.oneof(
  stepsRule.map(({ max, rule }) => comp('X', max, rule)),
  fc
    .tuple(maxPoints, fc.boolean(), fc.double({ min: 0.05, max: 1, noNaN: true }), zeroCases)
    .map(([m, cap, fullAt, zc]) => comp('X', m, { kind: 'ratio', cap, fullAt, zeroCases: zc })),
  fc
    .tuple(num, num, fc.boolean(), maxPoints)
    .map(([a, b, up, m]) =>
      comp('X', m, { kind: 'minmax', lower: Math.min(a, b), upper: Math.max(a, b) + 1, higherIsBetter: up }),
    ),
  fc
    .tuple(num, fc.option(num, { nil: undefined }), fc.boolean(), maxPoints)
    .map(([t, b, up, m]) => comp('X', m, { kind: 'target', target: t, baseline: b, higherIsBetter: up })),
  fc.constant(comp('X', 20, HEAD_RULE)),
  fc.constant(comp('X', 20, MEETINGS_RULE)),
  maxPoints.map((m) => comp('X', m, { kind: 'boolean' })),
);

const anyValue: fc.Arbitrary<ComponentValue> = fc.oneof(
  num.map((n) => ({ number: n })),
  fc
    .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
    .map(([a, b]) => ({ numerator: a, denominator: b })),
  fc.constant({ numerator: 0, denominator: 0 }),
  fc.boolean().map((b) => ({ bool: b })),
  fc.constantFrom('chairman', 'deputy', 'none', 'other').map((c) => ({ choice: c })),
  fc.constant({ notApplicable: true as const }),
);

describe('properties of component scoring', () => {
  it('points are always within [0, max], whatever the rule and the value', () => {
    fc.assert(
      fc.property(anyRuleComponent, fc.option(anyValue, { nil: undefined }), (c, v) => {
        const r = scoreComponent(c, v);
        expect(r.points).toBeGreaterThanOrEqual(0);
        expect(r.points).toBeLessThanOrEqual(r.maxPoints + 1e-9);
        expect(Number.isFinite(r.points)).toBe(true);
        expect(EXPLANATION_MESSAGES[r.explanation.code], r.explanation.code).toBeDefined();
      }),
    );
  });

  it('steps, minmax and target (higher is better) are monotonic non-decreasing', () => {
    const monotonic = fc.oneof(
      stepsRule.map(({ max, rule }) => comp('X', max, rule)),
      fc.tuple(num, num, maxPoints).map(([a, b, m]) =>
        comp('X', m, {
          kind: 'minmax',
          lower: Math.min(a, b),
          upper: Math.max(a, b) + 1,
          higherIsBetter: true,
        }),
      ),
      fc.tuple(num, fc.option(num, { nil: undefined }), maxPoints).map(([t, b, m]) =>
        comp('X', m, {
          kind: 'target',
          target: b !== undefined ? Math.max(t, b) + 1 : t,
          baseline: b,
          higherIsBetter: true,
        }),
      ),
    );
    fc.assert(
      fc.property(monotonic, num, num, (c, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(scoreComponent(c, { number: lo }).points).toBeLessThanOrEqual(
          scoreComponent(c, { number: hi }).points + 1e-9,
        );
      }),
    );
  });

  it('ratio is monotonic in the numerator for a fixed denominator', () => {
    fc.assert(
      fc.property(
        maxPoints,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        zeroCases,
        (m, d, a, b, zc) => {
          const c = comp('X', m, { kind: 'ratio', cap: true, zeroCases: zc });
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const pl = scoreComponent(c, { numerator: lo, denominator: d }).points;
          const ph = scoreComponent(c, { numerator: hi, denominator: d }).points;
          expect(pl).toBeLessThanOrEqual(ph + 1e-9);
        },
      ),
    );
  });
});

describe('properties of unit scoring', () => {
  const fw: Framework = tinyFramework();
  const sum = (xs: { points: number }[]) => xs.reduce((s, x) => s + x.points, 0);

  it('total = sum of components = sum of main indices = sum of groups = sum of pillars; value in [0, 1]', () => {
    fc.assert(
      fc.property(tinyUnitValues, (values) => {
        const r = scoreUnit(fw, values);
        expect(sum(r.components)).toBeCloseTo(r.total.points, 9);
        expect(sum(r.mainIndices)).toBeCloseTo(r.total.points, 9);
        expect(sum(r.groups)).toBeCloseTo(r.total.points, 9);
        expect(sum(r.pillars)).toBeCloseTo(r.total.points, 9); // every component has a pillar here
        expect(r.total.applicableMax).toBeLessThanOrEqual(r.total.maxPoints);
        if (r.total.value !== null) {
          expect(r.total.value).toBeGreaterThanOrEqual(0);
          expect(r.total.value).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });
});

describe('properties of ranking', () => {
  const items = fc.array(
    fc.record({
      unitId: fc.integer(),
      name: fc.constantFrom('An', 'Ăn', 'Bình', 'Đông', 'Dương', 'Yên'),
      value: fc.option(fc.constantFrom(0, 0.25, 0.5, 0.5, 0.75, 1), { nil: null }),
    }),
    { maxLength: 30 },
  );

  it('rank order is consistent with values and equal values get equal ranks', () => {
    fc.assert(
      fc.property(items, (list) => {
        const ranked = rankUnits(list);
        for (const a of ranked) {
          for (const b of ranked) {
            if (a.value === null || b.value === null) continue;
            if (a.value > b.value) expect(a.rank!).toBeLessThan(b.rank!);
            if (a.value === b.value) expect(a.rank).toBe(b.rank);
          }
          if (a.value !== null)
            expect(a.rank).toBe(1 + ranked.filter((b) => b.value !== null && b.value > a.value!).length);
        }
      }),
    );
  });
});

describe('properties of lineage aggregation', () => {
  it('the mean of identical predecessor values is that value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 12 }), (v, n) => {
        const old = Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), { X: v }]));
        const edges = Array.from({ length: n }, (_, i) => ({ from: i, to: 'new' }));
        expect(aggregateAcrossLineage(old, edges, 'mean').new.X).toBeCloseTo(v, 12);
      }),
    );
  });

  it('sum aggregation conserves the total when each old unit is fully distributed', () => {
    const oldUnit = fc.record({
      value: fc.integer({ min: 0, max: 100_000 }),
      shares: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(oldUnit, { minLength: 1, maxLength: 15 }), (units) => {
        const old: Record<string, Record<string, number>> = {};
        const edges: { from: number; to: number; share: number }[] = [];
        units.forEach((u, i) => {
          old[String(i)] = { X: u.value };
          const total = u.shares.reduce((a, b) => a + b, 0);
          u.shares.forEach((s, k) => {
            edges.push({ from: i, to: (i + k) % 4, share: s / total });
          });
        });
        const out = aggregateAcrossLineage(old, edges, 'sum');
        const after = Object.values(out).reduce((s, row) => s + (row.X ?? 0), 0);
        const before = units.reduce((s, u) => s + u.value, 0);
        expect(after).toBeCloseTo(before, 6);
      }),
    );
  });
});
