import type { ReportDocument } from '../../../../core/contracts/steer-reports.js';
import { previousReportPeriod, type ReportPeriod, type ReportStatus } from '../../../../core/steer/report.js';
import { deriveTaskStatus, type TaskStatusInput } from '../../../../core/steer/task-status.js';
import type { Executor } from '../../../db/executor.js';
import { createLru } from '../../../lib/lru.js';
import { buildReportDocument, type ReportTaskRow } from './report-document.js';
import type { ReportsRepository, ReportTaskSqlRow, ScopeUnitRow } from './reports.repository.js';

// Computes a report document for a scope unit, a period and a cut-off: the scope's tasks, their status inputs
// (the tasks feature's bulk loader), the status on the cut-off and on the previous period's end, names as of
// today (a merged lead unit reports under its successor). Reports, the dashboard, the task KPIs and the bench
// all go through here. A small cache keyed by (scope, period, cut-off) and the tasks' stamp (which changes on
// every task write, in any process) lets the dashboard answer repeated requests without recomputing.

/** Today's form of a unit: itself, or the unit it was merged into (the tasks feature's unit directory). */
export type UnitNamer = (
  unitIds: number[],
  exec?: Executor,
) => Promise<{ current(id: number): { id: number; name: string } }>;

/** The tasks feature's bulk loader: history, approved extensions and progress dates of these task rows. */
export type StatusInputLoader = (
  rows: ReportTaskSqlRow[],
  exec?: Executor,
) => Promise<Map<number, TaskStatusInput>>;

export type ReportEngineDeps = {
  repo: ReportsRepository;
  loadInputs: StatusInputLoader;
  units: UnitNamer;
};

export type ComputedReport = { scope: ScopeUnitRow; document: ReportDocument };

const CACHE_ENTRIES = 200;

export function createReportEngine(deps: ReportEngineDeps) {
  const { repo } = deps;
  const cache = createLru<{ stamp: string; value: Promise<ComputedReport> }>(CACHE_ENTRIES);

  async function compute(
    scope: ScopeUnitRow,
    period: ReportPeriod,
    asOf: string,
    exec?: Executor,
  ): Promise<ComputedReport> {
    const previous = previousReportPeriod(period);
    // "Since the last period": the previous period's end, or, for a cut-off inside that period already
    // (the dashboard early in a period), the day before the period started.
    const previousAsOf = previous.end < asOf ? previous.end : period.start;
    const rows = await repo.tasksInScope(scope.id, exec);
    const inputs: Map<number, TaskStatusInput> = rows.length ? await deps.loadInputs(rows, exec) : new Map();
    const now = new Map<number, ReportStatus>();
    const before = new Map<number, ReportStatus>();
    for (const r of rows) {
      const input = inputs.get(r.id);
      if (!input) continue;
      now.set(r.id, deriveTaskStatus(input, asOf));
      before.set(r.id, deriveTaskStatus(input, previousAsOf));
    }
    const directory = await deps.units([...new Set(rows.map((r) => r.leadUnitId))], exec);
    const unitNames = new Map<number, string>();
    const tasks: ReportTaskRow[] = rows.map((r) => {
      const lead = directory.current(r.leadUnitId);
      unitNames.set(lead.id, lead.name);
      return {
        id: r.id,
        title: r.title,
        code: r.code,
        isKey: r.isKey === 1,
        confidential: r.confidential === 1,
        planId: r.planId,
        leadUnitId: lead.id,
      };
    });
    const plans = await repo.plansByIds(
      rows.flatMap((r) => (r.planId === null ? [] : [r.planId])),
      exec,
    );
    const document = buildReportDocument({
      scope: { id: scope.id, name: scope.name },
      period,
      previous,
      asOf,
      previousAsOf,
      tasks,
      now,
      before,
      plans: new Map(plans.map((p) => [p.id, { numberSymbol: p.numberSymbol, title: p.title }])),
      unitNames,
    });
    return { scope, document };
  }

  return {
    /** Computed afresh (issuing a report, inside its transaction). */
    compute,
    /**
     * Cached while no task changes (the dashboard, previews). `stamp` is repo.stamp()'s value when the caller
     * read it in its own round trip (the dashboard reads it with the access check).
     */
    async cached(
      scope: ScopeUnitRow,
      period: ReportPeriod,
      asOf: string,
      stamp?: string,
    ): Promise<ComputedReport> {
      const key = `${scope.id}|${period.code}|${asOf}`;
      stamp ??= await repo.stamp();
      const hit = cache.get(key);
      if (hit && hit.stamp === stamp) return hit.value;
      const value = compute(scope, period, asOf);
      cache.set(key, { stamp, value });
      value.catch(() => cache.delete(key));
      return value;
    },
  };
}
export type ReportEngine = ReturnType<typeof createReportEngine>;
