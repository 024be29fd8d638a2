import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/helpers/test-db.js';

// PostgreSQL ending the app's connections (a restart, a failover, pg_terminate_backend, or a database dropped
// while the pool is still closing) must not stop the process: the pool logs the lost connection, drops it and
// the next query gets a new one. Without a listener, the 'error' the connection emits is an uncaught exception
// (CI once failed on exactly that, from a test database dropped while its pool was ending).

describe.each(testDialects().filter((d) => d === 'postgres'))('a lost PostgreSQL connection on %s', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', { poolSize: 2 });
  });
  afterAll(async () => database?.cleanup());

  it('is logged and replaced: the next query answers and nothing is thrown uncaught', async () => {
    const { db } = database;
    // Two connections idle in the pool.
    await Promise.all([sql`select pg_sleep(0.05)`.execute(db), sql`select pg_sleep(0.05)`.execute(db)]);
    const name = (await sql<{ n: string }>`select current_database() as n`.execute(db)).rows[0].n;
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const killed = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        expect(killed.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, 200));
      const after = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(after.rows[0].one).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
