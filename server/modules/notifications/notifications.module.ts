import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { createCentreRepository } from './centre/centre.repository.js';
import { registerCentreRoutes } from './centre/centre.routes.js';
import { createNotificationCentre } from './centre/centre.service.js';
import type { FetchLike } from './delivery/channels.js';
import { createDeliveryRepository } from './delivery/delivery.repository.js';
import { createDeliveryJobs, DELIVER_JOB, SWEEP_JOB } from './delivery/delivery.service.js';
import { createDigestRepository } from './digest/digest.repository.js';
import { createDigestJobs, DIGEST_JOB, DIGEST_SEND_JOB } from './digest/digest.service.js';
import type { NotificationJobs, NotificationsModuleDeps, Notifier } from './notifications.types.js';
import { createNotifyRepository } from './notify/notify.repository.js';
import { createNotifier as buildNotifier, DISPATCH_JOB } from './notify/notify.service.js';

// Notifications: the one service every module uses to tell people something — recorded once in the caller's
// transaction, shown in the in-app centre, mailed (at once or in a daily digest) and relayed to a webhook by
// background jobs that send each delivery once across processes and restarts.

export { signWebhook } from './delivery/channels.js';
export { seedDemoNotificationsOnStartup } from './demo/notifications-demo-seed.js';
export { registerNotificationTemplates } from './notify/templates.js';
export { DIGEST_JOB, SWEEP_JOB };

/** For other modules: `notify(trx, event)` inside their own write transaction. */
export function createNotifier(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'jobs'>,
  options: { dispatchDelayMs?: number } = {},
): Notifier {
  return buildNotifier({ ...deps, repo: createNotifyRepository(deps.db), ...options });
}

export type NotificationJobsOptions = { maxAttempts?: number; fetchImpl?: FetchLike };

export function createNotificationJobs(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'jobs' | 'mailer'>,
  options: NotificationJobsOptions = {},
): NotificationJobs {
  const digests = createDigestJobs({ ...deps, repo: createDigestRepository(deps.db), ...options });
  const deliveries = createDeliveryJobs({
    ...deps,
    repo: createDeliveryRepository(deps.db),
    digests,
    ...options,
  });
  return { ...deliveries, runDigest: digests.runDigest, sendDigest: digests.sendDigest };
}

/** Registers the job handlers on this process's queue (every process runs workers). */
export function registerNotificationJobs(deps: Pick<Deps, 'jobs'>, jobs: NotificationJobs) {
  deps.jobs.registerHandler<{ notificationId: number }>(DISPATCH_JOB, async (p, info) => {
    await jobs.dispatch(p.notificationId, info.attempt);
  });
  deps.jobs.registerHandler<{ deliveryId: number }>(DELIVER_JOB, (p) => jobs.deliver(p.deliveryId));
  deps.jobs.registerHandler(SWEEP_JOB, async () => {
    await jobs.sweep();
  });
  deps.jobs.registerHandler(DIGEST_JOB, async () => {
    await jobs.runDigest();
  });
  deps.jobs.registerHandler<{ digestId: number }>(DIGEST_SEND_JOB, (p) => jobs.sendDigest(p.digestId));
}

export function registerNotificationsModule(
  app: FastifyInstance,
  deps: NotificationsModuleDeps,
  options: NotificationJobsOptions = {},
) {
  registerNotificationJobs(deps, createNotificationJobs(deps, options));
  registerCentreRoutes(app, createNotificationCentre({ ...deps, repo: createCentreRepository(deps.db) }));
}

/**
 * Start-up hook: the sweep (pending deliveries and digests left by a restart, then every NOTIFY_SWEEP_SECONDS)
 * and the digest check, at once and hourly. With BullMQ the schedules are stored once however many processes declare them.
 */
export async function startNotificationJobsOnStartup(deps: Pick<Deps, 'config' | 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(SWEEP_JOB, null, { jobId: 'notifications_sweep_startup' });
  // Also at start: a process restarted more often than hourly still sends the day's digest (once, by its key).
  await deps.jobs.enqueue(DIGEST_JOB, null, { jobId: 'notifications_digest_startup' });
  await deps.jobs.schedule(SWEEP_JOB, deps.config.notify.sweepSeconds * 1000);
  await deps.jobs.schedule(DIGEST_JOB, 60 * 60_000);
  return [];
}
