import type { PeriodResults, RankedUnit } from '../../../core/contracts/measure.js';
import { type Framework, PILLARS, type UnitResult } from '../../../core/contracts/measure-framework.js';
import type { CompiledFramework } from '../../../core/measure/compile.js';
import { rankKey, rankOrder, rankUnits } from '../../../core/measure/ranking.js';
import { bandFor } from '../../../core/measure/scoring.js';
import { measureUnitKind, peerGroupOf } from './measure.policy.js';
import { scoreTotals } from './measure-engine.js';
import type { MeasureUnit } from './measure-units.repository.js';
import type { RankingRow } from './scores.service.js';
import { effectiveValuesOf } from './submission-context.js';
import type { ScoringValueRow } from './submissions.repository.js';

// A period's results from its approved submissions: appraised values where given, else the unit's own,
// scored by the core engine and ranked overall, within peer groups (departments; commune level) and
// within unit kinds (wards vs communes vs special zones).

export type ApprovedUnit = { unit: MeasureUnit; groups?: string[]; rows: ScoringValueRow[] };

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const brief = (nodes: UnitResult['mainIndices']) =>
  nodes.map((n) => ({
    code: n.code,
    points: round(n.points),
    value: n.value === null ? null : round(n.value),
  }));

export function computePeriodResults(
  meta: { periodId: number; frameworkId: number; frameworkVersion: number; computedAt: string },
  framework: Framework,
  approved: ApprovedUnit[],
): PeriodResults {
  const scored = approved.map(({ unit, groups, rows }) => {
    const kind = measureUnitKind(unit);
    const { values, overrides } = effectiveValuesOf(rows);
    const result = scoreTotals(framework, values, { kind, groups }, overrides);
    return { unitId: unit.id, name: unit.name, value: result.total.value, unit, kind, result };
  });
  const byPeer = rankUnits(scored, { peerGroupOf: (s) => peerGroupOf(s.kind) });
  const kindRank = new Map(
    rankUnits(scored, { peerGroupOf: (s) => s.kind }).map((r) => [r.unitId, r.peerRank] as const),
  );
  const units: RankedUnit[] = byPeer.map((r) => ({
    unitId: r.unit.id,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    unitKind: r.kind,
    peerGroup: peerGroupOf(r.kind),
    points: round(r.result.total.points),
    applicableMax: round(r.result.total.applicableMax),
    value: r.result.total.value === null ? null : round(r.result.total.value),
    band: r.result.band ? { code: r.result.band.code, name: r.result.band.name } : null,
    rank: r.rank,
    peerRank: r.peerRank,
    kindRank: kindRank.get(r.unitId) ?? null,
    mainIndices: brief(r.result.mainIndices),
    pillars: brief(r.result.pillars),
  }));
  return { ...meta, units };
}

/** Today's calendar date in Asia/Ho_Chi_Minh, where periods' dates are set. */
export function vietnamDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

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
 * A period's results from stored scores (node sums per approved unit): only ranking is left to do, in
 * memory. Gives the same results as computePeriodResults over the same values.
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
