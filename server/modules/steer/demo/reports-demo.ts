import { previousReportPeriod, reportPeriodContaining } from '../../../../core/steer/report.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import { createReportServices } from '../reports/reports.feature.js';
import { reportTitle } from '../reports/reports.service.js';
import { createSteerTaskServices } from '../tasks/tasks.feature.js';

// Demo: the issued quarterly report of the demo province for the last finished quarter (after the tasks demo),
// computed at the quarter's end like any issued report, with its task KPIs; marked as demo, idempotent.
export async function seedDemoReports(deps: Deps): Promise<string[]> {
  const { db } = deps;
  const plan = await db
    .selectFrom('steerPlans')
    .select('issuingUnitId')
    .where('isDemo', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  if (!plan) return [];
  const root = await db
    .selectFrom('unitClosure as c')
    .innerJoin('units as u', 'u.id', 'c.ancestorId')
    .select('u.id')
    .where('c.descendantId', '=', plan.issuingUnitId)
    .where('u.parentId', 'is', null)
    .where('c.viaLineage', '=', 0)
    .executeTakeFirst();
  const scopeId = root?.id ?? plan.issuingUnitId;
  const services = createReportServices(deps, createSteerTaskServices(deps));
  const quarter = previousReportPeriod(reportPeriodContaining('quarter', vietnamDate(deps.clock.now())));
  if (await services.repo.demoReportExists(scopeId, quarter.code)) return [];
  const scope = await services.repo.scopeUnit(scopeId);
  if (!scope) return [];
  const ctx = { actor: null };
  const row = await db.transaction().execute(async (trx) => {
    const { document } = await services.engine.compute(scope, quarter, quarter.end, trx);
    const inserted = await services.repo.insertReport(
      {
        scopeUnitId: scope.id,
        periodType: quarter.type,
        periodCode: quarter.code,
        periodStart: quarter.start,
        periodEnd: quarter.end,
        asOf: quarter.end,
        numberSymbol: `${quarter.index * 10 + 5}/BC-SKHCN`,
        title: reportTitle(quarter),
        snapshotJson: JSON.stringify(document),
        taskCount: document.totals.total,
        onTimeRate: document.totals.onTimeRate,
        completionRate: document.totals.completionRate,
        issuedBy: null,
        issuedByLabel: 'demo',
        issuedAt: deps.clock.now().toISOString(),
        isDemo: 1,
      },
      trx,
    );
    await deps.audit.record(trx, ctx, {
      action: 'steer.report.issue',
      entity: 'steer_report',
      entityId: inserted.id,
      unitId: scope.id,
      after: { periodCode: quarter.code, demo: true, totals: document.totals },
    });
    await services.kpis.writeForPeriod(trx, ctx, scope, quarter, quarter.end);
    return inserted;
  });
  return [`Steer: demo report ${row.periodCode} for ${scope.name} (${row.taskCount} tasks)`];
}
