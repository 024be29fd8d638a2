import { describe, expect, it } from 'vitest';
import { laggards, participationByBlock, type UnitParticipationRow } from './participation.js';

const u = (
  unitId: number,
  block: string,
  participants: number,
  headcount: number | null,
): UnitParticipationRow => ({
  unitId,
  unitName: `Đơn vị ${unitId}`,
  block,
  participants,
  attempts: participants * 2,
  headcount,
});

describe('participation by block and laggards', () => {
  // Communes: 30/100, 10/100, 4/100 → block 44/300 ≈ 14.7 %; half of it ≈ 7.3 %: only the 4 % commune lags.
  // Departments: 5/10 and 0/10 → block 25 %: the one with nobody lags. A unit without headcount never lags.
  const rows = [
    u(1, 'commune_level', 30, 100),
    u(2, 'commune_level', 10, 100),
    u(3, 'commune_level', 4, 100),
    u(4, 'department', 5, 10),
    u(5, 'department', 0, 10),
    u(6, 'department', 0, null),
  ];
  it('sums each block and rates it on the units that have a headcount', () => {
    const blocks = participationByBlock(rows);
    expect(blocks.map((b) => [b.block, b.units, b.participants, b.headcount])).toEqual([
      ['commune_level', 3, 44, 300],
      ['department', 3, 5, 20],
    ]);
    expect(blocks[0].rate).toBeCloseTo(44 / 300, 10);
    expect(blocks[1].rate).toBeCloseTo(0.25, 10);
  });
  it('names the units under half their block’s rate, lowest first', () => {
    expect(laggards(rows).map((r) => [r.unitId, r.rate])).toEqual([
      [5, 0],
      [3, 0.04],
    ]);
  });
  it('caps a unit at its headcount so one over-full unit cannot hide the others', () => {
    const [b] = participationByBlock([u(1, 'x', 50, 10), u(2, 'x', 0, 10)]);
    expect(b.rate).toBe(0.5);
  });
});
