import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { DialectName } from '../../server/db/database.js';
import type { Deps, Mail } from '../../server/deps.js';
import { createDeps } from '../../server/deps-factory.js';
import type { JobQueue } from '../../server/jobs/queue.js';
import { fixedClock } from '../../server/lib/clock.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  sentMail: Mail[];
  close(): Promise<void>;
};

/**
 * A job queue that accepts jobs and never runs them: for tests that compare the database before and after a
 * refused request, where a delivery job finishing an earlier write's work would look like a change.
 */
export function createHeldJobQueue(): JobQueue & { held: { name: string; payload: unknown }[] } {
  const held: { name: string; payload: unknown }[] = [];
  return {
    held,
    registerHandler() {},
    async enqueue(name, payload) {
      held.push({ name, payload });
      return `held-${held.length}`;
    },
    async schedule() {},
    async close() {},
  };
}

/**
 * A migrated app on a fresh database with a fixed clock and a mailer that records what it sends (or, when `env`
 * sets SMTP_URL, the real SMTP mailer, e.g. to test/helpers/smtp-receiver.ts).
 */
export async function createTestApp(
  dialect: DialectName,
  {
    now = '2026-03-02T02:00:00.000Z',
    env = {} as Record<string, string>,
    jobs = undefined as JobQueue | undefined,
  } = {},
): Promise<TestApp> {
  const config = loadConfig({ DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/dxboard-test-data`, ...env });
  // The test pool unless DATABASE_POOL_SIZE is given (benchmarks measure the app's pool).
  const database = await createTestDatabase(
    dialect,
    'DATABASE_POOL_SIZE' in env ? { poolSize: config.databasePoolSize } : {},
  );
  const clock = fixedClock(now);
  const sentMail: Mail[] = [];
  const deps = await createDeps(config, {
    database,
    clock,
    ...(jobs ? { jobs } : {}),
    mailer: env.SMTP_URL
      ? undefined
      : {
          async send(mail) {
            sentMail.push(mail);
          },
        },
  });
  const app = await buildApp(deps);
  await app.ready();
  return {
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
}
