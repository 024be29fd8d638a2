import {
  type ExcludedUnit,
  type PeriodResults,
  type RankingQuery,
  RankingSchema,
} from '../../../../core/contracts/measure.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import type { ResultsSource } from '../measure.types.js';
import type { PeriodRow } from '../periods/periods.repository.js';

// The ranking of a period as one in-memory list (with change since the previous period and folded names for
// search) and pages cut from it. Published lists and their serialised pages are cached: snapshots never change.

type Row = PeriodResults['units'][number];
type Change = { valueDelta: number | null; rankDelta: number | null } | null;
export type FullRanking = {
  meta: {
    periodId: number;
    periodName: string;
    source: 'published' | 'live';
    snapshotId: number | null;
    frameworkVersion: number;
    computedAt: string;
    previousPeriodId: number | null;
    excluded: ExcludedUnit[];
  };
  rows: Row[];
  // The previous period's rows by unit: the change is worked out for the rows of a page only.
  before: Map<number, Row>;
  // Folded names for `q`, computed on the first search (most pages, and every live edit, need none).
  folded: string[] | null;
  groups: { peerGroup: string; count: number }[];
};

export function buildFullRanking(
  period: PeriodRow,
  { source, snapshotId, results: r }: ResultsSource,
  previous: { periodId: number; results: PeriodResults } | null,
): FullRanking {
  const before = new Map(previous?.results.units.map((u) => [u.unitId, u]) ?? []);
  const counts = new Map<string, number>();
  for (const u of r.units) counts.set(u.peerGroup, (counts.get(u.peerGroup) ?? 0) + 1);
  return {
    meta: {
      periodId: period.id,
      periodName: period.name,
      source,
      snapshotId,
      frameworkVersion: r.frameworkVersion,
      computedAt: r.computedAt,
      previousPeriodId: previous?.periodId ?? null,
      excluded: r.excluded ?? [],
    },
    rows: r.units,
    before,
    folded: null,
    groups: [...counts].map(([peerGroup, count]) => ({ peerGroup, count })),
  };
}

function changeOf(u: Row, p: Row | undefined): Change {
  if (!p) return null;
  return {
    valueDelta: u.value !== null && p.value !== null ? Math.round((u.value - p.value) * 1e6) / 1e6 : null,
    rankDelta: u.rank !== null && p.rank !== null ? p.rank - u.rank : null,
  };
}

/** Every row with its change since the previous period (the unpaged list). */
export const rowsWithChange = (full: FullRanking) =>
  full.rows.map((u) => ({ ...u, change: changeOf(u, full.before.get(u.unitId)) }));

const byPeerRank = (a: Row, b: Row) =>
  (a.peerRank ?? Number.MAX_SAFE_INTEGER) - (b.peerRank ?? Number.MAX_SAFE_INTEGER);

/** One page of the ranking, allowlisted by the response schema and serialised. */
export function rankingPageJson(full: FullRanking, query: Omit<RankingQuery, 'source'>): string {
  const q = query.q ? foldVietnamese(query.q) : '';
  if (q !== '' && !full.folded) full.folded = full.rows.map((u) => foldVietnamese(u.unitName));
  const folded = full.folded ?? [];
  let matching = full.rows;
  if (query.unitId !== undefined || q !== '' || query.peerGroup !== undefined) {
    matching = full.rows.filter(
      (u, i) =>
        (query.unitId === undefined || u.unitId === query.unitId) &&
        (query.peerGroup === undefined || u.peerGroup === query.peerGroup) &&
        (q === '' || folded[i]?.includes(q)),
    );
  }
  // Within a peer group the order that matters is the peer rank; the list is ordered by overall rank.
  if (query.peerGroup !== undefined) matching = [...matching].sort(byPeerRank);
  const page = {
    ...full.meta,
    unitCount: full.rows.length,
    groups: full.groups,
    total: matching.length,
    limit: query.limit,
    offset: query.offset,
    units: matching
      .slice(query.offset, query.offset + query.limit)
      .map((u) => ({ ...u, change: changeOf(u, full.before.get(u.unitId)) })),
  };
  return JSON.stringify(RankingSchema.parse(page));
}

export const pageKey = (q: Omit<RankingQuery, 'source'>) =>
  JSON.stringify([q.limit, q.offset, q.peerGroup ?? null, q.q ? foldVietnamese(q.q) : '', q.unitId ?? null]);
