import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../core/accounts/permissions.js';
import { createUserWithGrant } from '../../../test/helpers/login.js';
import type { TestApp } from '../../../test/helpers/test-app.js';
import { createTestDatabase } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { DialectName } from '../../db/database.js';
import type { Mail, Mailer } from '../../deps.js';
import { createDeps } from '../../deps-factory.js';
import { createMemoryJobQueue } from '../../jobs/memory-queue.js';
import type { EnqueueOptions, JobQueue } from '../../jobs/queue.js';
import { fixedClock } from '../../lib/clock.js';
import { createNotificationJobs, createNotifier } from './notifications.module.js';
import type { NotificationEvent, NotificationJobs, Notifier } from './notifications.types.js';

// One scenario builder for the module's tests: an app on a fresh database whose job queue retries after
// 20 ms (instead of seconds), a recording mailer unless SMTP_URL is given, a unit tree, and the notifier and
// job runner as other modules would build them.

export type Enqueued = { name: string; payload: unknown; options?: EnqueueOptions };

/** A queue that only records what is enqueued: nothing runs, so rows stay as notify() wrote them. */
function recordingQueue(enqueued: Enqueued[]): JobQueue {
  return {
    registerHandler() {},
    async enqueue(name, payload, options) {
      enqueued.push({ name, payload, options });
      return options?.jobId ?? String(enqueued.length);
    },
    async schedule() {},
    async close() {},
  };
}

export type NotificationsScenario = TestApp & {
  enqueued: Enqueued[];
  tree: UnitTree;
  notifier: Notifier;
  jobs: NotificationJobs;
  /** notify() in its own committed transaction. */
  notify(event: NotificationEvent): ReturnType<Notifier['notify']>;
  user(role: Role, unitId: number, email?: string): Promise<number>;
};

export type ScenarioOptions = {
  env?: Record<string, string>;
  now?: string;
  mailer?: Mailer;
  /** false: jobs are recorded in `enqueued` and never run (tests of what notify() writes). */
  runJobs?: boolean;
};

export async function notificationsScenario(
  dialect: DialectName,
  { env = {}, now = '2026-03-02T02:00:00.000Z', mailer, runJobs = true }: ScenarioOptions = {},
): Promise<NotificationsScenario> {
  const database = await createTestDatabase(dialect);
  const clock = fixedClock(now);
  const sentMail: Mail[] = [];
  const enqueued: Enqueued[] = [];
  const config = loadConfig({ DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/dxboard-test-data`, ...env });
  const recording: Mailer = {
    async send(mail) {
      sentMail.push(mail);
    },
  };
  const deps = await createDeps(config, {
    database,
    clock,
    mailer: mailer ?? (env.SMTP_URL ? undefined : recording),
    jobs: runJobs ? createMemoryJobQueue({ backoffMs: 20 }) : recordingQueue(enqueued),
  });
  const app: FastifyInstance = await buildApp(deps);
  await app.ready();
  const tree = await createUnitTree(deps.db);
  const notifier = createNotifier(deps, { dispatchDelayMs: 0 });
  const t: TestApp = {
    app,
    deps,
    database,
    clock,
    sentMail,
    async close() {
      await app.close();
      await database.cleanup();
    },
  };
  return {
    ...t,
    enqueued,
    tree,
    notifier,
    jobs: createNotificationJobs(deps),
    notify: (event) => deps.db.transaction().execute((trx) => notifier.notify(trx, event)),
    user: async (role, unitId, email) => (await createUserWithGrant(t, { role, unitId, email })).userId,
  };
}

/** A minimal valid event; tests override what they look at. */
export function testEvent(overrides: Partial<NotificationEvent> = {}): NotificationEvent {
  return {
    kind: 'steer.task_due_soon',
    recipients: {},
    title: { vi: 'Nhiệm vụ sắp đến hạn', en: 'Task due soon' },
    body: { vi: 'Còn 3 ngày', en: '3 days left' },
    link: '/app/steer/tasks/1',
    idempotencyKey: `test:${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

export async function deliveriesOf(s: NotificationsScenario, notificationId: number) {
  return s.deps.db
    .selectFrom('notificationDeliveries')
    .select(['recipientKey', 'channel', 'status', 'userId', 'address', 'attempts', 'lastError'])
    .where('notificationId', '=', notificationId)
    .orderBy('recipientKey')
    .orderBy('channel')
    .execute();
}
