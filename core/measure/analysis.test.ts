import { describe, expect, it } from 'vitest';
import { gainOpportunities, whatIf } from './analysis.js';
import { compileFramework } from './compile.js';
import { dropOneComponent, perturbationRobustness, seededRandom } from './robustness.js';
import { scoreUnit } from './scoring.js';
import { TINY_BASE_VALUES as BASE, tinyFramework } from './test-fixtures.js';

describe('gainOpportunities', () => {
  it('lists components by points still available, with the next step or choice, skipping N/A and full ones', () => {
    const fw = tinyFramework();
    const gains = gainOpportunities(fw, scoreUnit(fw, BASE));
    expect(gains.map((g) => [g.code, g.gain])).toEqual([
      ['C', 15],
      ['A', 10],
      ['B', 10],
    ]);
    expect(gains.find((g) => g.code === 'A')?.nextLevel).toEqual({ points: 15, gain: 5, threshold: 3 });
    expect(gains.find((g) => g.code === 'B')?.nextLevel).toEqual({
      points: 20,
      gain: 10,
      threshold: 'chairman',
    });
    expect(gains[0].valueGain).toBeCloseTo(15 / 80, 12);
  });
});

describe('whatIf', () => {
  it('re-scores with value overrides without touching the input, and reports the rank change', () => {
    const fw = tinyFramework();
    const peers = [
      { unitId: 'p1', name: 'P1', value: 0.6 },
      { unitId: 'p2', name: 'P2', value: 0.7 },
    ];
    const r = whatIf(
      fw,
      BASE,
      { C: { numerator: 4, denominator: 4 } },
      {},
      { peers, unitId: 'me', unitName: 'Me' },
    );
    expect(r.before.total.points).toBe(45);
    expect(r.after.total.points).toBe(60);
    expect(r.deltaPoints).toBe(15);
    expect(r.deltaValue).toBeCloseTo(15 / 80, 12);
    expect([r.rankBefore, r.rankAfter]).toEqual([3, 1]);
    expect(BASE.C).toEqual({ numerator: 1, denominator: 4 });
  });

  it('reweights a main index: its components keep their proportions', () => {
    const fw = tinyFramework();
    const r = whatIf(fw, BASE, {}, { M1: 80 });
    const m1 = r.after.mainIndices.find((m) => m.code === 'M1');
    expect(m1).toMatchObject({ points: 40, maxPoints: 80 });
    expect(r.after.components.find((c) => c.code === 'A')?.maxPoints).toBe(40);
    expect(r.after.total.maxPoints).toBe(140);
  });

  it('a component override replaces its maximum', () => {
    const compiled = compileFramework(tinyFramework(), { D: 30 });
    expect(scoreUnit(compiled, BASE).total).toMatchObject({ points: 65, maxPoints: 120, applicableMax: 100 });
  });
});

function population() {
  const random = seededRandom(7);
  return Array.from({ length: 40 }, (_, i) => ({
    unitId: i,
    name: `Xã ${i}`,
    values: {
      A: { number: Math.floor(random() * 5) },
      B: { choice: ['chairman', 'deputy', 'none'][Math.floor(random() * 3)] },
      C: { numerator: Math.floor(random() * 10), denominator: 10 },
      D: { bool: random() > 0.5 },
      E: { number: random() * 100 },
      F: { number: random() * 60 },
    },
  }));
}

describe('robustness', () => {
  it('seeded PRNG is deterministic', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('zero spread gives an interval equal to the base rank', () => {
    const r = perturbationRobustness(tinyFramework(), population(), { runs: 20, spread: 0, seed: 1 });
    for (const u of r.units) expect([u.min, u.p5, u.median, u.p95, u.max]).toEqual(Array(5).fill(u.baseRank));
  });

  it('with spread, intervals contain the base rank ordering bounds and are reproducible', () => {
    const units = population();
    const r1 = perturbationRobustness(tinyFramework(), units, { runs: 200, spread: 0.5, seed: 3 });
    const r2 = perturbationRobustness(tinyFramework(), units, { runs: 200, spread: 0.5, seed: 3 });
    expect(r1).toEqual(r2);
    for (const u of r1.units) {
      expect(u.min).toBeLessThanOrEqual(u.p5);
      expect(u.p5).toBeLessThanOrEqual(u.median);
      expect(u.median).toBeLessThanOrEqual(u.p95);
      expect(u.p95).toBeLessThanOrEqual(u.max);
    }
    expect(r1.units.some((u) => u.max > u.min)).toBe(true);
  });

  it('dropping a component the units differ on moves ranks; dropping one they share does not', () => {
    const units = population().map((u, i) => ({
      ...u,
      values: { ...u.values, D: { bool: true } },
      unitId: i,
    }));
    const r = dropOneComponent(tinyFramework(), units);
    const d = r.components.find((c) => c.code === 'D');
    expect(d?.maxAbsShift).toBe(0);
    expect(r.components[0].maxAbsShift).toBeGreaterThan(0);
    const change = r.components[0].changes[0];
    expect(change.shift).toBe(change.baseRank - change.rank);
  });
});

describe('robustness within peer groups', () => {
  it('ranks each peer group separately (base ranks restart at 1 in each group)', () => {
    const units = population().map((u, i) => ({ ...u, peerGroup: i % 2 === 0 ? 'commune' : 'ward' }));
    const r = perturbationRobustness(tinyFramework(), units, { runs: 30, spread: 0.3, seed: 9 });
    for (const group of ['commune', 'ward']) {
      const ranks = r.units.filter((_, i) => units[i].peerGroup === group).map((u) => u.baseRank);
      expect(Math.min(...ranks)).toBe(1);
      expect(Math.max(...ranks)).toBeLessThanOrEqual(20);
      for (const u of r.units) expect(u.max).toBeLessThanOrEqual(20);
    }
    const drop = dropOneComponent(tinyFramework(), units);
    expect(Math.max(...drop.baseRanks.map((b) => b.rank))).toBeLessThanOrEqual(20);
  });
});
