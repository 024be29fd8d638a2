import { describe, expect, it } from 'vitest';
import { aggregateAcrossLineage } from './lineage.js';
import { competitionRanks, rankUnits } from './ranking.js';

describe('rankUnits', () => {
  it('uses competition ranking (1, 2, 2, 4) and orders ties by Vietnamese name', () => {
    const ranked = rankUnits([
      { unitId: 1, name: 'Xã Yên Bình', value: 0.7 },
      { unitId: 2, name: 'Phường Đống Đa', value: 0.9 },
      { unitId: 3, name: 'Phường Dịch Vọng', value: 0.7 },
      { unitId: 4, name: 'Xã Ân Thi', value: 0.5 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['Phường Đống Đa', 1],
      ['Phường Dịch Vọng', 2],
      ['Xã Yên Bình', 2],
      ['Xã Ân Thi', 4],
    ]);
  });

  it('sorts Vietnamese letters in alphabet order (D before Đ, A before Ă before Â)', () => {
    const names = ['Đông', 'Dương', 'Âu', 'Ăn', 'An'];
    const ranked = rankUnits(names.map((name, i) => ({ unitId: i, name, value: 1 })));
    expect(ranked.map((r) => r.name)).toEqual(['An', 'Ăn', 'Âu', 'Dương', 'Đông']);
    expect(new Set(ranked.map((r) => r.rank))).toEqual(new Set([1]));
  });

  it('treats values that differ only by floating-point noise as equal', () => {
    const ranked = rankUnits([
      { unitId: 'a', name: 'A', value: 0.1 + 0.2 },
      { unitId: 'b', name: 'B', value: 0.3 },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('ranks within peer groups as well as overall; units without a value come last, unranked', () => {
    const ranked = rankUnits(
      [
        { unitId: 1, name: 'Sở A', value: 0.8, kind: 'department' },
        { unitId: 2, name: 'Xã B', value: 0.9, kind: 'commune' },
        { unitId: 3, name: 'Xã C', value: 0.6, kind: 'commune' },
        { unitId: 4, name: 'Sở D', value: 0.5, kind: 'department' },
        { unitId: 5, name: 'Xã E', value: null, kind: 'commune' },
      ],
      { peerGroupOf: (u) => u.kind },
    );
    expect(ranked.map((r) => [r.unitId, r.rank, r.peerGroup, r.peerRank])).toEqual([
      [2, 1, 'commune', 1],
      [1, 2, 'department', 1],
      [3, 3, 'commune', 2],
      [4, 4, 'department', 2],
      [5, null, 'commune', null],
    ]);
  });

  it('competitionRanks matches rankUnits on a plain array', () => {
    expect([...competitionRanks(Float64Array.from([0.5, 0.9, 0.5, Number.NaN, 0.1]))]).toEqual([
      2, 1, 2, 5, 4,
    ]);
  });
});

describe('aggregateAcrossLineage', () => {
  const old = {
    '10': { NT: 0.8, CQS: 0.6, population: 1000 },
    '11': { NT: 0.6, CQS: 0.9, population: 3000 },
    '12': { NT: 0.5, CQS: null, population: 2000 },
  };

  it('mean: a merged unit gets the simple mean of its predecessors (DTI 2024 precedent)', () => {
    const out = aggregateAcrossLineage(
      old,
      [
        { from: 10, to: 100 },
        { from: 11, to: 100 },
        { from: 12, to: 101 },
      ],
      'mean',
    );
    expect(out['100'].NT).toBeCloseTo(0.7, 12);
    expect(out['100'].CQS).toBeCloseTo(0.75, 12);
    expect(out['101']).toEqual({ NT: 0.5, population: 2000 }); // a missing value is left out, not zero
  });

  it('weighted: predecessors weighted by e.g. population; without a weight they are left out', () => {
    const out = aggregateAcrossLineage(
      old,
      [
        { from: 10, to: 100 },
        { from: 11, to: 100 },
        { from: 12, to: 100 },
      ],
      'weighted',
      { '10': 1000, '11': 3000 },
    );
    expect(out['100'].NT).toBeCloseTo((0.8 * 1000 + 0.6 * 3000) / 4000, 12);
  });

  it('sum with partial splits conserves totals', () => {
    const out = aggregateAcrossLineage(
      old,
      [
        { from: 10, to: 100 },
        { from: 11, to: 100, share: 0.25 },
        { from: 11, to: 101, share: 0.75 },
        { from: 12, to: 101 },
      ],
      'sum',
    );
    expect(out['100'].population).toBe(1000 + 750);
    expect(out['101'].population).toBe(2250 + 2000);
    expect(out['100'].population + out['101'].population).toBe(6000);
  });
});
