import {
  previousReportPeriod,
  type ReportPeriod,
  reportPeriod,
  reportPeriodContaining,
} from '../../../../core/steer/report.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { Deps } from '../../../deps.js';
import type { AuditContext } from '../../../lib/audit.js';
import type { KpiFeed, KpiFeedRow } from '../../kpis/kpis.types.js';
import type { ReportEngine } from './report-engine.js';
import type { ReportsRepository, ScopeUnitRow } from './reports.repository.js';
import type { SteerTaskKpiJob } from './reports.types.js';

// The task completion and on-time rates written as KPI values of the kpis module (its public face, KpiFeed), so
// a Measure component linked to `steer.task_on_time_rate` fills itself. The KPIs are quarterly ratios of the
// tasks falling due in the quarter (numerator done / done on time, denominator falling due), each quarter judged
// on its own cut-off (its last day, or today while it runs); the yearly figure Measure reads sums the quarters.
// Per lead unit (its own tasks) and for the scope unit itself (all its tasks). Written on each report issue and
// by a background job every few hours (a value that has not changed is not rewritten).

export const TASK_KPI_JOB = 'steer.task_kpis';
export const ON_TIME_KPI = 'STEER_TASK_ON_TIME_RATE';
export const COMPLETION_KPI = 'STEER_TASK_COMPLETION_RATE';

export type TaskKpiWriter = {
  /** Writes the KPIs of every quarter that ends within the report's period, judged by `asOf` at the latest. */
  writeForPeriod(
    exec: Executor,
    ctx: AuditContext,
    scope: ScopeUnitRow,
    period: ReportPeriod,
    asOf: string,
  ): Promise<{ written: number; skipped: number }>;
};

const quarterCode = (q: ReportPeriod) => `${q.year}-Q${q.index}`;

/** Quarters ending within the period (a month report has one only when it closes a quarter). */
export function quartersEndingIn(period: ReportPeriod): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  for (let i = 1; i <= 4; i++) {
    const q = reportPeriod('quarter', period.year, i);
    if (q && q.end >= period.start && q.end <= period.end) out.push(q);
  }
  return out;
}

export function createTaskKpiWriter(deps: { engine: ReportEngine; feed: KpiFeed }): TaskKpiWriter {
  return {
    async writeForPeriod(exec, ctx, scope, period, asOf) {
      const rows: KpiFeedRow[] = [];
      for (const quarter of quartersEndingIn(period)) {
        if (quarter.start > asOf) continue;
        const cutOff = quarter.end < asOf ? quarter.end : asOf;
        const { document } = await deps.engine.compute(scope, quarter, cutOff, exec);
        const note = `Tính từ nhiệm vụ chuyển đổi số đến hạn trong quý, số liệu đến ngày ${cutOff}`;
        const figures = [
          { unitId: scope.id, f: document.totals },
          ...document.units.filter((u) => u.unitId !== scope.id).map((u) => ({ unitId: u.unitId, f: u })),
        ];
        for (const { unitId, f } of figures) {
          if (f.due === 0) continue;
          const done = f.dueSplit.done_on_time + f.dueSplit.done_late;
          const period = quarterCode(quarter);
          rows.push({
            kpiCode: ON_TIME_KPI,
            unitId,
            period,
            numerator: f.dueSplit.done_on_time,
            denominator: f.due,
            note,
          });
          rows.push({ kpiCode: COMPLETION_KPI, unitId, period, numerator: done, denominator: f.due, note });
        }
      }
      const out = await deps.feed.write(exec, ctx, rows);
      return { written: out.written, skipped: out.skipped.length };
    },
  };
}

/** The background job: the running quarter as of today and the one before as of its end, every scope. */
export function createTaskKpiJob(
  deps: Pick<Deps, 'db' | 'clock'> & { repo: ReportsRepository; writer: TaskKpiWriter },
): SteerTaskKpiJob {
  return {
    async run() {
      const today = vietnamDate(deps.clock.now());
      const current = reportPeriodContaining('quarter', today);
      const previous = previousReportPeriod(current);
      let written = 0;
      let skipped = 0;
      const scopes = await deps.repo.scopesWithTasks();
      for (const scopeId of scopes) {
        const scope = await deps.repo.scopeUnit(scopeId);
        if (!scope) continue;
        await deps.db.transaction().execute(async (trx) => {
          for (const [period, asOf] of [
            [previous, previous.end],
            [current, today],
          ] as const) {
            const out = await deps.writer.writeForPeriod(trx, { actor: null }, scope, period, asOf);
            written += out.written;
            skipped += out.skipped;
          }
        });
      }
      return { scopes: scopes.length, written, skipped };
    },
  };
}
