import {
  type Dashboard,
  DashboardSchema,
  type ReportDocument,
} from '../../../../core/contracts/steer-reports.js';
import { reportPeriodContaining } from '../../../../core/steer/report.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import { AppError } from '../../../lib/errors.js';
import type { ReportEngine } from '../reports/report-engine.js';
import type { ReportsRepository } from '../reports/reports.repository.js';
import type { SteerDashboardService } from '../reports/reports.types.js';

// The leader dashboard: the report engine's document for the period containing the date (the four-way split
// per plan and per unit, what changed since the previous period's end), the key tasks overdue, and counts of
// moves between buckets. Cached per (scope, period, date) until a task changes (the engine's stamp), so 50
// leaders opening it at once cost one computation; long lists are cut for a phone (the drill-down lists all).
// The response body is cached with the view: checked against the response schema, serialised and encoded as
// UTF-8 once (what the route's serializer would do on every request: at 50 clients that check was half of each
// request's time, and encoding a large body again was a visible share of the rest).

export type DashboardServiceDeps = Pick<Deps, 'clock'> & {
  repo: ReportsRepository;
  guard: AccessGuard;
  engine: ReportEngine;
};

export const DASHBOARD_LIST_LIMIT = 50;

function toDashboard(doc: ReportDocument): Dashboard {
  const changeCounts: Record<string, number> = {};
  for (const c of doc.changes) {
    const key = `${c.from ?? 'none'}>${c.to ?? 'none'}`;
    changeCounts[key] = (changeCounts[key] ?? 0) + 1;
  }
  // Key tasks first among the changes shown: what a leader asks about.
  const changes = [...doc.changes].sort((a, b) => Number(b.isKey) - Number(a.isKey) || a.taskId - b.taskId);
  return {
    ...doc,
    overdueList: doc.overdueList.slice(0, DASHBOARD_LIST_LIMIT),
    changes: changes.slice(0, DASHBOARD_LIST_LIMIT),
    keyOverdue: doc.overdueList.filter((o) => o.isKey).slice(0, DASHBOARD_LIST_LIMIT),
    changeCounts,
  };
}

export function createDashboardService(deps: DashboardServiceDeps): SteerDashboardService {
  const views = new WeakMap<ReportDocument, { view: Dashboard; body?: Buffer }>();
  async function cachedView(...[actor, query]: Parameters<SteerDashboardService['dashboard']>) {
    // The unit's closure rows, its row and the engine's stamp in one round trip; then the guard's rule on those
    // ancestors (401 → 403), then the 404, as forUnit would answer.
    const { ancestors, scope, stamp } = await deps.repo.scopeWithStamp(query.unitId);
    deps.guard.forUnitAncestors(actor, 'steer.read', ancestors);
    if (!scope) throw new AppError('NOT_FOUND');
    const asOf = query.asOf ?? vietnamDate(deps.clock.now());
    const period = reportPeriodContaining(query.periodType, asOf);
    const { document } = await deps.engine.cached(scope, period, asOf, stamp);
    let entry = views.get(document);
    if (!entry) {
      entry = { view: toDashboard(document) };
      views.set(document, entry);
    }
    return entry;
  }
  return {
    async dashboard(actor, query) {
      return (await cachedView(actor, query)).view;
    },
    async dashboardBody(actor, query) {
      const entry = await cachedView(actor, query);
      entry.body ??= Buffer.from(JSON.stringify(DashboardSchema.parse(entry.view)), 'utf8');
      return entry.body;
    },
  };
}
