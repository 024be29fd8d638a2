import type { FastifyInstance } from 'fastify';
import { createAccessGuard } from '../../lib/access-guard.js';
import { createKpiFeed } from '../kpis/kpis.module.js';
import { createNotifier } from '../notifications/notifications.module.js';
import { createSteerImportServices, registerSteerImport } from './import/import.feature.js';
import { createMeetingsServices } from './meetings/meetings.feature.js';
import { registerMeetingsRoutes } from './meetings/meetings.routes.js';
import { createProductsRepository } from './products/products.repository.js';
import { registerProductsRoutes } from './products/products.routes.js';
import { createProductsService } from './products/products.service.js';
import { createReportServices, registerReportsFeature } from './reports/reports.feature.js';
import type { ProductTaskLookup, SteerModuleDeps } from './steer.types.js';
import { createRegistersReminderJob, registerRegistersReminderJob } from './systems/registers-reminders.js';
import { createReviewsService } from './systems/reviews.service.js';
import { createSystemsRepository } from './systems/systems.repository.js';
import { registerSystemsRoutes } from './systems/systems.routes.js';
import { createSystemsService } from './systems/systems.service.js';
import { createSteerTaskServices, registerSteerTaskRoutes } from './tasks/tasks.feature.js';
import { createUrgingServices, registerUrgingFeature } from './urging/urging.feature.js';

// Steer: plans and their tasks, committee meetings and conclusions, progress and derived status, urging,
// periodic reports, the DX products and information systems registers. Wiring only: each feature's
// repositories → services → routes, in the order they depend on each other.
export function registerSteerModule(app: FastifyInstance, deps: SteerModuleDeps) {
  const steerTasks = createSteerTaskServices(deps);
  app.register(async (scope) => registerSteerTaskRoutes(scope, steerTasks));
  const urging = createUrgingServices(deps, steerTasks);
  app.register(async (scope) => registerUrgingFeature(scope, deps, urging));
  const reports = createReportServices(deps, steerTasks);
  app.register(async (scope) => registerReportsFeature(scope, deps, reports));
  const meetings = createMeetingsServices(deps, steerTasks.tasks);
  app.register(async (scope) => registerMeetingsRoutes(scope, meetings.meetings, meetings.briefing));
  registerSteerImport(app, deps, createSteerImportServices(deps, steerTasks.tasks, steerTasks.plans));
  const registers = createRegisterServices(deps, steerTasks.tasks);
  registerRegistersReminderJob(deps, registers.reminders);
  app.register(async (scope) => {
    registerProductsRoutes(scope, registers.products);
    registerSystemsRoutes(scope, registers.systems, registers.reviews);
  });
}

/** The DX products and information systems registers (products/, systems/); also used by their demo seed. */
export function createRegisterServices(
  deps: Pick<SteerModuleDeps, 'db' | 'clock' | 'audit' | 'config' | 'jobs' | 'files'>,
  tasks: ProductTaskLookup,
) {
  const guard = createAccessGuard(deps.db);
  const kpis = createKpiFeed(deps);
  const base = { ...deps, guard, kpis };
  const products = createProductsService({ ...base, repo: createProductsRepository(deps.db), tasks });
  const repo = createSystemsRepository(deps.db);
  const systems = createSystemsService({ ...base, repo });
  const notifier = createNotifier(deps);
  const reviews = createReviewsService({ ...base, repo, systems, notifier });
  const reminders = createRegistersReminderJob({ db: deps.db, clock: deps.clock, repo, reviews, notifier });
  return { products, systems, reviews, reminders };
}

// Periodic reports: the task-KPI job's start-up hook (server/startup.ts); the services (the leader dashboard)
// for the DX dashboard module.
export { createReportServices, startReportJobsOnStartup } from './reports/reports.feature.js';
// Registers: the daily reminders' start-up hook (server/startup.ts): overdue review campaigns, systems due for
// their yearly review.
export { startRegistersJobsOnStartup } from './systems/registers-reminders.js';
// Plans, tasks and progress: the other Steer features take the tasks service from here.
export { createSteerTaskServices } from './tasks/tasks.feature.js';

// Urging: the reminder job's start-up hook (server/startup.ts) and the services its demo seed uses.
export { createUrgingServices, startUrgingJobsOnStartup } from './urging/urging.feature.js';
