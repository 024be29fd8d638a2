import type { PeriodResults, RankedUnit } from '../../../../core/contracts/measure.js';
import { PILLARS } from '../../../../core/contracts/measure-framework.js';
import type { CompiledFramework } from '../../../../core/measure/compile.js';
import { rankKey, rankOrder } from '../../../../core/measure/ranking.js';
import { bandFor } from '../../../../core/measure/scoring.js';
import { measureUnitKind, peerGroupOf } from '../../../../core/units/kind.js';
import type { RankingRow } from '../measure.types.js';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Competition ranks within each unit kind, from a list already in display order (one pass, no second sort:
 * the order within a kind is the overall order).
 */
function kindRanksOf(sorted: readonly { unitId: number; kind: string; value: number | null }[]) {
  const state = new Map<string, { pos: number; prevKey: number | null; prevRank: number }>();
  const ranks = new Map<number, number | null>();
  for (const item of sorted) {
    const key = rankKey(item.value);
    if (key === null) {
      ranks.set(item.unitId, null);
      continue;
    }
    const s = state.get(item.kind) ?? { pos: 0, prevKey: null, prevRank: 0 };
    s.pos += 1;
    const rank = s.pos > 1 && key === s.prevKey ? s.prevRank : s.pos;
    s.prevKey = key;
    s.prevRank = rank;
    state.set(item.kind, s);
    ranks.set(item.unitId, rank);
  }
  return ranks;
}

/** A node's rounded points and value from node sums (layout of core/measure/aggregate.ts nodeSlotCount). */
const briefAt = (code: string, sums: Float64Array, slot: number) => {
  const points = sums[2 * slot];
  const max = sums[2 * slot + 1];
  return { code, points: round(points), value: max > 0 ? round(points / max) : null };
};

/**
 * A period's results from stored scores (node sums per approved unit): only ranking is left to do, in memory,
 * overall, within peer groups (departments; commune level) and within unit kinds (wards vs communes vs
 * special zones). results-compute.test.ts checks it against a reference that scores the values afresh.
 */
export function rankStoredScores(
  meta: { periodId: number; frameworkId: number; frameworkVersion: number; computedAt: string },
  compiled: CompiledFramework,
  rows: RankingRow[],
): PeriodResults {
  const m = compiled.mainIndices.length;
  const scored = rows.map((row) => {
    let points = 0;
    let applicableMax = 0;
    for (let i = 0; i < m; i++) {
      points += row.sums[2 * i];
      applicableMax += row.sums[2 * i + 1];
    }
    const value = applicableMax > 0 ? points / applicableMax : null;
    return {
      unitId: row.unitId,
      name: row.name,
      value,
      points,
      applicableMax,
      row,
      kind: measureUnitKind(row),
    };
  });
  const order = rankOrder(scored, { peerGroupOf: (s) => peerGroupOf(s.kind) });
  const kindRank = kindRanksOf(order.items);
  const units: RankedUnit[] = order.items.map(({ row, kind, value, points, applicableMax }, i) => {
    const band = bandFor(compiled.bands, value);
    return {
      unitId: row.unitId,
      unitCode: row.code,
      unitName: row.name,
      unitKind: kind,
      peerGroup: order.peerGroups[i] ?? peerGroupOf(kind),
      points: round(points),
      applicableMax: round(applicableMax),
      value: value === null ? null : round(value),
      band: band ? { code: band.code, name: band.name } : null,
      rank: order.ranks[i],
      peerRank: order.peerRanks[i],
      kindRank: kindRank.get(row.unitId) ?? null,
      mainIndices: compiled.mainIndices.map((x, k) => briefAt(x.code, row.sums, k)),
      pillars: PILLARS.map((code, k) => briefAt(code, row.sums, m + k)),
    };
  });
  return { ...meta, units };
}
