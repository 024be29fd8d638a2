import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { TestApp } from '../helpers/test-app.js';

// A fingerprint of every table in the test database (row count + hash of all rows), so a property test
// can assert that a rejected request changed nothing. Tables are discovered from the catalogue, so tables
// that other modules add later are covered without editing this file.

/** Columns written by reads (a session's or token's last use), not by the request under test. */
const VOLATILE_COLUMNS: Record<string, string[]> = {
  sessions: ['last_seen_at'],
  api_tokens: ['last_used_at'],
};

/**
 * Columns a failed sign-in legitimately writes (the lockout counter), fingerprinted under their own key
 * so the test can allow them to change for the sign-in endpoint only.
 */
export const LOGIN_COUNTER_KEY = 'users#login_counters';
const SPLIT_COLUMNS: Record<string, { key: string; columns: string[] }> = {
  users: { key: LOGIN_COUNTER_KEY, columns: ['failed_login_count', 'locked_until'] },
};

export type Fingerprint = Map<string, string>;

export async function listTables(t: TestApp): Promise<string[]> {
  const db = t.deps.db;
  const rows =
    t.database.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
          db,
        );
  return rows.rows.map((r) => r.name);
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const hashOf = (parts: string[]) => createHash('sha256').update(parts.join('\u0001')).digest('hex');

async function sqliteFingerprint(t: TestApp, tables: string[]): Promise<Fingerprint> {
  const result: Fingerprint = new Map();
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.deps.db);
    const drop = (VOLATILE_COLUMNS[table] ?? []).map(camel);
    const split = SPLIT_COLUMNS[table];
    const splitCols = (split?.columns ?? []).map(camel);
    const main: string[] = [];
    const side: string[] = [];
    for (const row of rows) {
      const copy = { ...row };
      for (const c of [...drop, ...splitCols]) delete copy[c];
      main.push(JSON.stringify(copy));
      if (split) side.push(JSON.stringify([row.id, ...splitCols.map((c) => row[c])]));
    }
    main.sort();
    result.set(table, `${rows.length}:${hashOf(main)}`);
    if (split) result.set(split.key, hashOf(side.sort()));
  }
  return result;
}

function pgTableTerm(table: string): string {
  const dropped = [...(VOLATILE_COLUMNS[table] ?? []), ...(SPLIT_COLUMNS[table]?.columns ?? [])];
  const row = dropped.length
    ? `(to_jsonb(x) - array[${dropped.map((c) => `'${c}'`).join(',')}]::text[])::text`
    : 'to_jsonb(x)::text';
  const q = `"${table.replace(/"/g, '""')}"`;
  const main = `select '${table}' as k, count(*)::text || ':' || coalesce(md5(string_agg(${row}, '|' order by ${row})), '') as f from ${q} x`;
  const split = SPLIT_COLUMNS[table];
  if (!split) return main;
  const side = `jsonb_build_array(${['id', ...split.columns].join(', ')})::text`;
  return `${main} union all select '${split.key}', coalesce(md5(string_agg(${side}, '|' order by ${side})), '') from ${q}`;
}

async function postgresFingerprint(t: TestApp, tables: string[]): Promise<Fingerprint> {
  // One round trip for the whole database: the test takes a fingerprint after almost every request.
  const query = tables.map(pgTableTerm).join(' union all ');
  const { rows } = await sql<{ k: string; f: string }>`${sql.raw(query)}`.execute(t.deps.db);
  return new Map(rows.map((r) => [r.k, r.f]));
}

export function fingerprint(t: TestApp, tables: string[]): Promise<Fingerprint> {
  return t.database.dialect === 'sqlite' ? sqliteFingerprint(t, tables) : postgresFingerprint(t, tables);
}

const COUNTER = 'fuzz_change_counter';

// Hashing every table after every request dominated the run time. A trigger on every table bumps one
// counter on any write, so an unchanged counter proves an unchanged database and only a bump costs a hash.
// A rolled-back transaction rolls its bump back too. Test schema only; the counter table is not hashed.
async function installChangeCounter(t: TestApp, tables: string[]) {
  const db = t.deps.db;
  await sql`create table ${sql.table(COUNTER)} (n integer not null)`.execute(db);
  await sql`insert into ${sql.table(COUNTER)} (n) values (0)`.execute(db);
  const bump = `update ${COUNTER} set n = n + 1`;
  if (t.database.dialect === 'postgres') {
    await sql
      .raw(
        `create function fuzz_bump() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`,
      )
      .execute(db);
  }
  for (const [i, table] of tables.entries()) {
    const q = `"${table.replace(/"/g, '""')}"`;
    if (t.database.dialect === 'postgres') {
      await sql
        .raw(
          `create trigger fuzz_bump_${i} after insert or update or delete or truncate on ${q} for each statement execute function fuzz_bump()`,
        )
        .execute(db);
      continue;
    }
    for (const op of ['insert', 'update', 'delete']) {
      await sql.raw(`create trigger fuzz_bump_${op}_${i} after ${op} on ${q} begin ${bump}; end`).execute(db);
    }
  }
}

/** A fingerprint function that rehashes only when some table was written since the last call. */
export async function createFingerprinter(t: TestApp, tables: string[]): Promise<() => Promise<Fingerprint>> {
  await installChangeCounter(t, tables);
  let last: { count: number; fp: Fingerprint } | undefined;
  return async () => {
    const { rows } = await sql<{ n: number }>`select n from ${sql.table(COUNTER)}`.execute(t.deps.db);
    const count = Number(rows[0]?.n);
    if (last && last.count === count) return last.fp;
    const fp = await fingerprint(t, tables);
    last = { count, fp };
    return fp;
  };
}

/** The keys (tables, or split column groups) whose fingerprint differs. */
export function changedKeys(before: Fingerprint, after: Fingerprint): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

export async function maxAuditId(t: TestApp): Promise<number> {
  const row = await t.deps.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function auditActionsAfter(t: TestApp, id: number): Promise<string[]> {
  const rows = await t.deps.db.selectFrom('auditLog').select('action').where('id', '>', id).execute();
  return rows.map((r) => r.action);
}
