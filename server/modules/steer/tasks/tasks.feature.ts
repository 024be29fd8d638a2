import type { FastifyInstance } from 'fastify';
import { createAccessGuard } from '../../../lib/access-guard.js';
import { createKpisServices } from '../../kpis/kpis.module.js';
import { registerPlansRoutes } from '../plans/plans.routes.js';
import { createPlansService } from '../plans/plans.service.js';
import { registerProgressRoutes } from '../progress/progress.routes.js';
import { createProgressService } from '../progress/progress.service.js';
import { createProgressWriter } from '../progress/progress-writer.js';
import type { SteerModuleDeps } from '../steer.types.js';
import { createTaskAccess } from './task-access.js';
import { createSteerTasksRepository } from './tasks.repository.js';
import { registerTasksRoutes } from './tasks.routes.js';
import { createTasksService } from './tasks.service.js';

// Wiring of plans, tasks and progress (repositories → services → routes), called from steer.module.ts. The other
// Steer features take `tasks` (createTask inside their own transaction, getTask, listTasks, detail) from here.

export function createSteerTaskServices(deps: Pick<SteerModuleDeps, 'db' | 'clock' | 'audit' | 'jobs'>) {
  const repo = createSteerTasksRepository(deps.db);
  const guard = createAccessGuard(deps.db);
  const taskFor = createTaskAccess({ db: deps.db, guard, repo });
  const writeProgress = createProgressWriter({ repo, clock: deps.clock });
  const kpis = createKpisServices(deps).repo;
  const tasks = createTasksService({
    ...deps,
    repo,
    taskFor,
    writeProgress,
    kpiExists: async (code, exec) => (await kpis.definitionByCode(code, exec)) !== undefined,
  });
  const plans = createPlansService({ ...deps, guard, repo, tasks });
  const progress = createProgressService({ ...deps, repo, taskFor, writeProgress, tasks });
  return { repo, guard, taskFor, writeProgress, tasks, plans, progress };
}
export type SteerTaskServices = ReturnType<typeof createSteerTaskServices>;

export function registerSteerTaskRoutes(app: FastifyInstance, services: SteerTaskServices) {
  registerPlansRoutes(app, services.plans);
  registerTasksRoutes(app, services.tasks);
  registerProgressRoutes(app, services.progress);
}
