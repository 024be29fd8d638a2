import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
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

export type TestDatabase = Database & {
  /** Another handle on the same database (its own connections), as a second app process would have. */
  reopen(poolSize?: number): Database;
  cleanup(): Promise<void>;
};

// Migrating takes ~1 s on SQLite and ~2 s on PostgreSQL and the suite makes hundreds of databases, so the
// migrations run once per migration set into a template, and each test database is a copy of it (a file copy;
// CREATE DATABASE … TEMPLATE). The key changes whenever a migration (or what migrations import) changes, so a
// template never lags behind the code. Tests that exercise migrations themselves ask for `migrate: false`.
const DB_DIR = join(import.meta.dirname, '../../server/db');
function migrationsKey(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(join(DB_DIR, 'migrations'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => join(DB_DIR, 'migrations', f)),
    join(DB_DIR, 'migration-helpers.ts'),
    join(DB_DIR, 'dialect.ts'),
    join(DB_DIR, 'migrate.ts'),
  ];
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
let keyMemo: string | undefined;
const templateKey = () => (keyMemo ??= migrationsKey());

async function sqliteTemplate(): Promise<string> {
  const path = join(tmpdir(), `dxboard-test-template-${templateKey()}.sqlite`);
  if (existsSync(path)) return path;
  // Built beside it and renamed into place (atomic), so a parallel worker never copies a half-made template.
  const dir = mkdtempSync(join(tmpdir(), 'dxboard-template-'));
  const building = openDatabase({ kind: 'sqlite', path: join(dir, 'template.sqlite') });
  await migrateToLatest(building.db);
  await building.destroy(); // the last connection's close checkpoints the WAL into the file
  renameSync(join(dir, 'template.sqlite'), path);
  rmSync(dir, { recursive: true, force: true });
  return path;
}

function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

async function postgresTemplate(url: string): Promise<string> {
  const name = `dxb_tpl_${templateKey()}`;
  return withAdmin(url, async (admin) => {
    const exists = async () =>
      (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (await exists()) return name;
    // One builder across parallel workers: the others wait on the lock, then find it made.
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      if (await exists()) return name;
      const building = `${name}_build`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const database = openDatabase({ kind: 'postgres', url: databaseUrl(url, building), poolSize: 1 });
      try {
        await migrateToLatest(database.db);
      } finally {
        await database.destroy();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** A fresh, migrated database: a copy of the migrated template (SQLite file or PostgreSQL database). */
export async function createTestDatabase(
  dialect: DialectName,
  // Five connections by default: test files run in parallel, each with its own database and pool.
  { migrate = true, poolSize = 5 } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dxboard-test-'));
    const path = join(dir, 'test.sqlite');
    if (migrate) copyFileSync(await sqliteTemplate(), path);
    const database = openDatabase({ kind: 'sqlite', path });
    return {
      ...database,
      reopen: () => openDatabase({ kind: 'sqlite', path }),
      async cleanup() {
        await database.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const template = migrate ? await postgresTemplate(url) : 'template1';
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`create database ${name} template ${template}`));
  const database = openDatabase({ kind: 'postgres', url: databaseUrl(url, name), poolSize });
  return {
    ...database,
    reopen: (poolSize = 3) => openDatabase({ kind: 'postgres', url: databaseUrl(url, name), poolSize }),
    async cleanup() {
      await database.destroy();
      await withAdmin(url, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}
