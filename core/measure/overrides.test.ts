import { describe, expect, it } from 'vitest';
import { whatIf } from './analysis.js';
import { compileFramework, reweight, withWeights } from './compile.js';
import { scoreUnitWithPoints } from './overrides.js';
import { dropOneComponent, perturbationRobustness, totalValues } from './robustness.js';
import { scoreUnit } from './scoring.js';
import { TINY_BASE_VALUES as BASE, tinyFramework } from './test-fixtures.js';

// The appraiser's direct points (a component's points given without changing its value) count in every
// analysis as they count in the ranking.

describe('scoreUnitWithPoints', () => {
  it('replaces the points of overridden components before rollup, ignoring N/A and unknown codes', () => {
    const fw = tinyFramework();
    expect(scoreUnit(fw, BASE).total).toMatchObject({ points: 45, applicableMax: 80 });
    const r = scoreUnitWithPoints(fw, BASE, undefined, { A: 18, E: 20, NOPE: 5, C: 99 });
    expect(r.total).toMatchObject({ points: 45 - 10 + 18 - 5 + 20, applicableMax: 80 });
    expect(r.components.find((c) => c.code === 'A')).toMatchObject({
      points: 18,
      status: 'scored',
      explanation: { code: 'appraised_points', params: { points: 18 } },
    });
    expect(r.components.find((c) => c.code === 'E')).toMatchObject({ points: 0, status: 'not_applicable' });
    expect(r.mainIndices[0]).toMatchObject({ code: 'M1', points: 28 });
  });
});

describe('whatIf with appraised points', () => {
  const fw = tinyFramework();

  it('starts from the real score (overrides applied) and keeps them where nothing is asked', () => {
    const r = whatIf(fw, BASE, { D: { bool: false } }, {}, { pointOverrides: { A: 18 } });
    expect(r.before.total.points).toBe(53);
    expect(r.after.total.points).toBe(43);
    expect(r.deltaPoints).toBe(-10);
  });

  it('a what-if value on an overridden component replaces the override', () => {
    const same = whatIf(fw, BASE, { A: { number: 2 } }, {}, { pointOverrides: { A: 18 } });
    expect(same.before.total.points).toBe(53);
    expect(same.after.total.points).toBe(45);
    const cleared = whatIf(fw, BASE, { A: undefined }, {}, { pointOverrides: { A: 18 } });
    expect(cleared.after.components.find((c) => c.code === 'A')).toMatchObject({
      points: 0,
      status: 'missing',
    });
  });

  it('an override keeps its share of the maximum when the component is reweighted', () => {
    const r = whatIf(fw, BASE, {}, { A: 40 }, { pointOverrides: { A: 18 } });
    // 18 of 20 = 0.9 of the new 40.
    expect(r.after.components.find((c) => c.code === 'A')?.points).toBeCloseTo(36, 9);
    expect(r.after.total.points).toBeCloseTo(35 + 36, 9);
    expect(r.after.total.applicableMax).toBe(100);
  });
});

describe('robustness with appraised points', () => {
  const fw = tinyFramework();
  // Equal on values; the appraiser raised u2's A from 10 to 20 points, so u2 leads the real ranking.
  const units = [
    { unitId: 'u1', name: 'Một', values: BASE },
    { unitId: 'u2', name: 'Hai', values: BASE, pointOverrides: { A: 20 } },
  ];

  it('ranks on the real scores', () => {
    const r = perturbationRobustness(fw, units, { runs: 50, spread: 0, seed: 3 });
    expect(r.units.map((u) => [u.unitId, u.baseValue, u.baseRank, u.min, u.max])).toEqual([
      ['u1', 45 / 80, 2, 2, 2],
      ['u2', 55 / 80, 1, 1, 1],
    ]);
    const drop = dropOneComponent(fw, units);
    expect(drop.baseRanks).toEqual([
      { unitId: 'u1', rank: 2 },
      { unitId: 'u2', rank: 1 },
    ]);
    // Without A the two units are equal again.
    expect(drop.components.find((c) => c.code === 'A')?.changes).toEqual([
      { unitId: 'u1', baseRank: 2, rank: 1, shift: 1 },
    ]);
  });

  it('totalValues equals the unit’s rollup, with or without weight overrides', () => {
    expect([...totalValues(fw, units)]).toEqual([45 / 80, 55 / 80]);
    const compiled = compileFramework(fw);
    const weighted = withWeights(compiled, reweight(compiled, { M1: 80 }));
    const expected = scoreUnitWithPoints(compiled, BASE, undefined, { A: 20 }, weighted).total.value;
    expect(totalValues(fw, units, { M1: 80 })[1]).toBeCloseTo(expected ?? Number.NaN, 12);
  });
});
