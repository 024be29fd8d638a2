import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnitValues } from '../contracts/measure-framework.js';
import { contributionsOf, resultFromSums, sumContributions } from './aggregate.js';
import { compiledOf } from './compile.js';
import { rollUp, scoreVector } from './scoring.js';
import { COMMUNE_SET } from './templates/index.js';
import { tinyFramework, tinyUnitValues } from './test-fixtures.js';

// Re-aggregating stored contributions must give exactly what rolling up the evaluated rules gives.

const communeCodes = COMMUNE_SET.groups
  .flatMap((g) => g.mainIndices)
  .flatMap((m) => m.components)
  .map((c) => c.code);
// Any mix of numbers, ratios, yes/no, N/A and gaps over the commune set's components.
const communeValues: fc.Arbitrary<UnitValues> = fc
  .array(
    fc.option(
      fc.oneof(
        fc.double({ min: 0, max: 200, noNaN: true }).map((n) => ({ number: n })),
        fc.tuple(fc.nat(300), fc.nat(300)).map(([a, b]) => ({ numerator: a, denominator: b })),
        fc.boolean().map((b) => ({ bool: b })),
        fc.constant({ notApplicable: true as const }),
      ),
      { nil: undefined },
    ),
    { minLength: communeCodes.length, maxLength: communeCodes.length },
  )
  .map((vs) => Object.fromEntries(communeCodes.map((c, i) => [c, vs[i]]).filter(([, v]) => v)));

describe('aggregating stored contributions', () => {
  for (const [name, framework, values, kind] of [
    ['a small framework', tinyFramework(), tinyUnitValues, 'commune'],
    ['the commune set, ward', COMMUNE_SET, communeValues, 'ward'],
    ['the commune set, commune', COMMUNE_SET, communeValues, 'commune'],
  ] as const) {
    it(`gives the rolled-up result of the rules for ${name}`, () => {
      const compiled = compiledOf(framework);
      fc.assert(
        fc.property(values, (v) => {
          const { vector } = scoreVector(compiled, v, { unitKind: kind });
          const expected = rollUp(compiled, vector);
          const got = resultFromSums(compiled, sumContributions(compiled, contributionsOf(compiled, vector)));
          expect(got.total.points).toBeCloseTo(expected.total.points, 9);
          expect(got.total.applicableMax).toBeCloseTo(expected.total.applicableMax, 9);
          expect(got.total.value === null).toBe(expected.total.value === null);
          expect(got.total.value ?? 0).toBeCloseTo(expected.total.value ?? 0, 9);
          expect(got.band?.code ?? null).toBe(expected.band?.code ?? null);
          for (const [a, b] of [
            [got.mainIndices, expected.mainIndices],
            [got.pillars, expected.pillars],
          ] as const) {
            expect(a.map((n) => n.code)).toEqual(b.map((n) => n.code));
            a.forEach((n, i) => {
              expect(n.points).toBeCloseTo(b[i].points, 9);
              expect(n.applicableMax).toBeCloseTo(b[i].applicableMax, 9);
            });
          }
        }),
        { numRuns: 200 },
      );
    });
  }

  it('reads sums at an offset, as from one flat array of many units', () => {
    const compiled = compiledOf(tinyFramework());
    const { vector } = scoreVector(compiled, { A: { number: 4 } }, { unitKind: 'commune' });
    const one = sumContributions(compiled, contributionsOf(compiled, vector));
    const flat = new Float64Array(one.length * 2);
    flat.set(one, one.length);
    expect(resultFromSums(compiled, flat, one.length)).toEqual(resultFromSums(compiled, one));
  });
});
