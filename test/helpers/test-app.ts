import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { DialectName } from '../../server/db/database.js';
import type { Deps, Mail } from '../../server/deps.js';
import { createDeps } from '../../server/deps-factory.js';
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

/** A migrated app on a fresh database with a fixed clock and a mailer that records what it sends. */
export async function createTestApp(
  dialect: DialectName,
  { now = '2026-03-02T02:00:00.000Z', env = {} as Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const clock = fixedClock(now);
  const sentMail: Mail[] = [];
  const config = loadConfig({ DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/dxboard-test-data`, ...env });
  const deps = await createDeps(config, {
    database,
    clock,
    mailer: {
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
