import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';
import { createAccessGuard } from '../../../lib/access-guard.js';
import { createKpiFeed } from '../../kpis/kpis.module.js';
import { registerDashboardRoutes } from '../dashboard/dashboard.routes.js';
import { createDashboardService } from '../dashboard/dashboard.service.js';
import type { SteerModuleDeps } from '../steer.types.js';
import { loadStatusInputs, loadUnitDirectory } from '../tasks/task-views.js';
import type { SteerTaskServices } from '../tasks/tasks.feature.js';
import { createReportEngine, type StatusInputLoader, type UnitNamer } from './report-engine.js';
import { createReportsRepository } from './reports.repository.js';
import { registerReportRoutes } from './reports.routes.js';
import { createReportsService } from './reports.service.js';
import { createTaskKpiJob, createTaskKpiWriter, TASK_KPI_JOB } from './task-kpis.js';

// Wiring of periodic reports, the leader dashboard and the task KPIs, called from steer.module.ts: the tasks
// core comes in as its bulk status-input loader and its unit directory (today's names, successors of merged units).

export function createReportServices(
  deps: Pick<SteerModuleDeps, 'db' | 'clock' | 'audit'>,
  steerTasks: Pick<SteerTaskServices, 'repo'>,
) {
  const tasks: { loadInputs: StatusInputLoader; units: UnitNamer } = {
    loadInputs: (rows, exec) => loadStatusInputs(steerTasks.repo, rows, exec),
    units: (ids, exec) => loadUnitDirectory(steerTasks.repo, ids, exec),
  };
  const repo = createReportsRepository(deps.db);
  const guard = createAccessGuard(deps.db);
  const engine = createReportEngine({ repo, ...tasks });
  const kpis = createTaskKpiWriter({ engine, feed: createKpiFeed(deps) });
  return {
    repo,
    engine,
    kpis,
    reports: createReportsService({ ...deps, repo, guard, engine, kpis }),
    dashboard: createDashboardService({ clock: deps.clock, repo, guard, engine }),
    kpiJob: createTaskKpiJob({ db: deps.db, clock: deps.clock, repo, writer: kpis }),
  };
}
export type ReportServices = ReturnType<typeof createReportServices>;

/** Routes and the task-KPI job's handler (every process runs workers). */
export function registerReportsFeature(
  app: FastifyInstance,
  deps: Pick<Deps, 'jobs'>,
  services: ReportServices,
) {
  deps.jobs.registerHandler(TASK_KPI_JOB, async () => {
    await services.kpiJob.run();
  });
  registerReportRoutes(app, services.reports);
  registerDashboardRoutes(app, services.dashboard);
}

/**
 * Start-up hook: the task KPIs at once and every six hours (a value that has not changed is not rewritten).
 * With BullMQ the schedule is stored once however many processes declare it.
 */
export async function startReportJobsOnStartup(deps: Pick<Deps, 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(TASK_KPI_JOB, null, { jobId: 'steer_task_kpis_startup' });
  await deps.jobs.schedule(TASK_KPI_JOB, 6 * 60 * 60_000);
  return [];
}
