import type { PeriodResults } from '../../../../core/contracts/measure.js';
import type { HistoryRepository } from '../history/history.repository.js';
import type { Reexpression } from '../history/reexpression.js';
import type { ResultsCore } from '../measure.types.js';
import type { PeriodRow } from '../periods/periods.repository.js';
import type { ResultsRepository } from './results.repository.js';

// "Change since the previous period": the previous published period of the same framework family. When that
// period was on an old root that lineage merged into this period's root (Thái Nguyên (cũ), Bắc Kạn (cũ) →
// Thái Nguyên), every old period of that year and family is carried onto today's units through lineage (mean of
// predecessors) and ranked in one list, so a 2025 row with predecessor history shows a change, not "Mới".
// A row is compared only with a previous row of the same unit kind.

export type PreviousResults = {
  periodId: number;
  /** Every period compared with (several when old areas were merged). */
  periodIds: number[];
  /** What the comparison depends on: snapshot ids, and the unit tables' revisions when re-expressed. */
  key: string;
  /** Only the rows' unit, kind, value and rank are compared. */
  results: PeriodResults;
};

type Deps = {
  core: Pick<ResultsCore, 'previousResults' | 'snapshotResults'>;
  results: Pick<ResultsRepository, 'mergedPeriodsOfYear'>;
  history: Pick<HistoryRepository, 'unitsByIds' | 'revisions'>;
  reexpression: Pick<Reexpression, 'inStructure'>;
};

export function createPreviousResults(deps: Deps) {
  return async function previousFor(
    period: PeriodRow & { previousSnapshotId?: number | null; previousPeriodId?: number | null },
    current: Pick<PeriodResults, 'units'>,
  ): Promise<PreviousResults | null> {
    const previous = await deps.core.previousResults(period);
    if (!previous) return null;
    const sameKind = (units: PeriodResults['units']) => {
      const kindOf = new Map(current.units.map((u) => [u.unitId, u.unitKind]));
      return units.filter((u) => kindOf.get(u.unitId) === u.unitKind);
    };
    const merged = await deps.results.mergedPeriodsOfYear(previous.periodId, period.rootUnitId);
    if (!merged.some((m) => m.periodId === previous.periodId)) {
      return {
        periodId: previous.periodId,
        periodIds: [previous.periodId],
        key: String(previous.snapshotId),
        results: { ...previous.results, units: sameKind(previous.results.units) },
      };
    }
    const revisions = await deps.history.revisions();
    const [root] = await deps.history.unitsByIds([period.rootUnitId]);
    const sources = [];
    for (const m of merged) {
      if (!m.snapshotId) continue;
      const results = await deps.core.snapshotResults(m.snapshotId);
      sources.push({
        periodId: m.periodId,
        snapshot: { id: m.snapshotId, frameworkId: results.frameworkId, results },
      });
    }
    const carried = await deps.reexpression.inStructure(sources, root.structureId, {
      rule: 'mean',
      weight: 'population',
      missing: 'flag',
    });
    const units = carried.map((u) => ({
      unitId: u.unitId,
      unitKind: u.unitKind,
      value: u.value,
      rank: u.rank,
    }));
    const base = sources[0]?.snapshot.results ?? previous.results;
    return {
      periodId: previous.periodId,
      periodIds: sources.map((s) => s.periodId),
      key: `${sources.map((s) => s.snapshot.id).join('+')}|${revisions}`,
      results: { ...base, units: sameKind(units as unknown as PeriodResults['units']) },
    };
  };
}
export type PreviousFor = ReturnType<typeof createPreviousResults>;
