import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.js';
import { createAccessGuard } from '../../../lib/access-guard.js';
import { createNotifier } from '../../notifications/notifications.module.js';
import { registerHomeRoutes } from '../home/home.routes.js';
import { createHomeService } from '../home/home.service.js';
import type { SteerModuleDeps } from '../steer.types.js';
import { loadStatusInputs } from '../tasks/task-views.js';
import type { SteerTaskServices } from '../tasks/tasks.feature.js';
import { createReminderJob, REMINDER_JOB } from './reminders.service.js';
import './urging.messages.js';
import { createUrgingRepository } from './urging.repository.js';
import { registerUrgingRoutes } from './urging.routes.js';
import { createUrgingService } from './urging.service.js';
import type { SteerReminderJob } from './urging.types.js';

// Wiring of urging (reminders, letters) and the unit officer's home, called from steer.module.ts: the tasks
// core comes in (its list for scoped reads, its status inputs for the background job).

export function createUrgingServices(
  deps: Pick<SteerModuleDeps, 'db' | 'clock' | 'audit' | 'config' | 'jobs'>,
  steerTasks: Pick<SteerTaskServices, 'repo' | 'tasks'>,
) {
  const tasks = steerTasks.tasks;
  const repo = createUrgingRepository(deps.db);
  const guard = createAccessGuard(deps.db);
  const notifier = createNotifier(deps);
  return {
    urging: createUrgingService({ ...deps, repo, guard, tasks, notifier }),
    home: createHomeService({ clock: deps.clock, repo, guard, tasks }),
    reminders: createReminderJob({
      db: deps.db,
      clock: deps.clock,
      repo,
      notifier,
      loadInputs: (rows) => loadStatusInputs(steerTasks.repo, rows),
    }),
  };
}
export type UrgingServices = ReturnType<typeof createUrgingServices>;

/** Routes and the reminder job's handler (every process runs workers). */
export function registerUrgingFeature(
  app: FastifyInstance,
  deps: Pick<Deps, 'jobs'>,
  services: UrgingServices,
) {
  registerUrgingJob(deps, services.reminders);
  registerUrgingRoutes(app, services.urging);
  registerHomeRoutes(app, services.home);
}

export function registerUrgingJob(deps: Pick<Deps, 'jobs'>, job: SteerReminderJob) {
  deps.jobs.registerHandler(REMINDER_JOB, async () => {
    await job.run();
  });
}

/**
 * Start-up hook: the reminder run at once (a restart after midnight still reminds today) and hourly; each run
 * does the day's work once (a finished run is recorded per Vietnam date), so the hourly tick costs one query
 * until the date changes. With BullMQ the schedule is stored once however many processes declare it.
 */
export async function startUrgingJobsOnStartup(deps: Pick<Deps, 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(REMINDER_JOB, null, { jobId: 'steer_reminders_startup' });
  await deps.jobs.schedule(REMINDER_JOB, 60 * 60_000);
  return [];
}
