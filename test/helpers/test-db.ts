import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type DialectName, openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';

// Every database test runs on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL too.
// Under CI=true a missing PostgreSQL is a failure, never a silent skip.
export function testDialects(): DialectName[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests would be skipped.');
  }
  return url ? ['sqlite', 'postgres'] : ['sqlite'];
}

export type TestDatabase = Database & { cleanup(): Promise<void> };

/** A fresh, migrated database: a temp SQLite file, or a new PostgreSQL schema dropped on cleanup. */
export async function createTestDatabase(
  dialect: DialectName,
  { migrate = true } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dxboard-test-'));
    const database = openDatabase({ kind: 'sqlite', path: join(dir, 'test.sqlite') });
    if (migrate) await migrateToLatest(database.db);
    return {
      ...database,
      async cleanup() {
        await database.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = openDatabase({ kind: 'postgres', url, schema, poolSize: 5 });
  if (migrate) await migrateToLatest(database.db);
  return {
    ...database,
    async cleanup() {
      await database.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}
