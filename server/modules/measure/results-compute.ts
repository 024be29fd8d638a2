import type { PeriodResults, RankedUnit } from '../../../core/contracts/measure.js';
import type { Framework, UnitResult } from '../../../core/contracts/measure-framework.js';
import { rankKey, rankUnits } from '../../../core/measure/ranking.js';
import { measureUnitKind, peerGroupOf } from './measure.policy.js';
import { scoreTotals } from './measure-engine.js';
import type { MeasureUnit } from './measure-units.repository.js';
import type { LiveScoreRow } from './scores.repository.js';
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

const nodesOf = (json: string | null) =>
  ((json ? JSON.parse(json) : []) as [string, number, number | null][]).map(([code, points, value]) => ({
    code,
    points,
    value,
  }));

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

/**
 * A period's results from stored scores (one row per approved unit): only ranking is left to do, in memory.
 * Gives the same results as computePeriodResults over the same values.
 */
export function rankStoredScores(
  meta: { periodId: number; frameworkId: number; frameworkVersion: number; computedAt: string },
  framework: Framework,
  rows: LiveScoreRow[],
): PeriodResults {
  const bands = new Map(framework.bands.map((b) => [b.code, b]));
  const scored = rows.map((row) => ({
    unitId: row.unitId,
    name: row.name,
    value: row.value,
    row,
    kind: measureUnitKind(row),
  }));
  const byPeer = rankUnits(scored, { peerGroupOf: (s) => peerGroupOf(s.kind) });
  const kindRank = kindRanksOf(byPeer);
  const units: RankedUnit[] = byPeer.map(({ row, kind, rank, peerRank }) => {
    const band = row.bandCode === null ? undefined : bands.get(row.bandCode);
    return {
      unitId: row.unitId,
      unitCode: row.code,
      unitName: row.name,
      unitKind: kind,
      peerGroup: peerGroupOf(kind),
      points: round(row.points ?? 0),
      applicableMax: round(row.applicableMax ?? 0),
      value: row.value === null ? null : round(row.value),
      band: band ? { code: band.code, name: band.name } : null,
      rank,
      peerRank,
      kindRank: kindRank.get(row.unitId) ?? null,
      mainIndices: nodesOf(row.mainJson),
      pillars: nodesOf(row.pillarsJson),
    };
  });
  return { ...meta, units };
}
