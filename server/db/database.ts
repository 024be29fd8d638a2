import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { enablePrepared } from './prepared.js';
import type { DB } from './schema.js';
import { loadSqliteDriver, type SqliteDatabase } from './sqlite-driver.js';

export type DialectName = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  dialect: DialectName;
  /** For SQLite, the file path; used by backup. */
  sqlitePath?: string;
  /** For PostgreSQL, the schema the app lives in (tests use one schema per file). */
  pgSchema?: string;
  destroy(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

// Counts and ids from PostgreSQL bigint/numeric come back as strings by default; our values fit in doubles.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

// The drivers behind a Kysely instance, for the few bulk reads that must skip per-row objects
// (better-sqlite3 `.raw()`, pg `rowMode: 'array'`). Repositories only; see measure scores.
export type NativeHandle = { sqlite: SqliteDatabase } | { pool: pg.Pool };
const nativeHandles = new WeakMap<object, NativeHandle>();
export const nativeHandleOf = (db: object): NativeHandle | undefined => nativeHandles.get(db);

export function openDatabase(options: DatabaseOptions): Database {
  const plugins = [new CamelCasePlugin()];
  if (options.kind === 'sqlite') {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    const SQLite = loadSqliteDriver();
    const sqlite = new SQLite(options.path);
    // WAL + synchronous=FULL: a write acknowledged to a client survives a crash or power loss.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    registerSqliteFunctions(sqlite);
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins,
    });
    nativeHandles.set(db, { sqlite });
    return { db, dialect: 'sqlite', sqlitePath: options.path, destroy: () => db.destroy() };
  }
  const schema = options.schema;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection the server ends (a restart, a failover, an administrator's terminate, or the server closing
  // it while the pool is ending it) emits 'error'; with no listener that is an uncaught exception that stops
  // the whole process. The pool drops such a connection and opens another on the next checkout, so it is
  // logged, not fatal. The listener on each connection stays after the pool lets go of it (while it ends).
  const lost = (error: Error) =>
    console.warn(`[db] a PostgreSQL connection was closed by the server: ${error.message}`);
  pool.on('error', () => {}); // the connection's own listener below has logged it
  pool.on('connect', (client) => client.on('error', lost));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
  nativeHandles.set(db, { pool });
  enablePrepared(db, pool);
  return { db, dialect: 'postgres', pgSchema: schema, destroy: () => db.destroy() };
}

/** Statements kept per SQLite database: the texts on the hot paths, with room for each module's reads. */
const STATEMENT_CACHE = 512;

/**
 * What Kysely's SQLite driver sees: the database, with each statement text prepared once and reused. Kysely
 * prepares every query afresh; for the small reads on the path of every request (a session, a cached answer's
 * stamp) preparing cost more than running (a profile of the leader dashboard at 50 clients: statement
 * construction was 12 % of the process's time). A statement mid-iteration (a streamed query) is busy and is
 * not handed out again: that query gets a fresh one. Only Kysely's queries go through here; the bulk readers of
 * nativeHandleOf set modes (`.raw()`) on their own statements.
 */
function withStatementCache(sqlite: SqliteDatabase): { close(): void; prepare(sql: string): Statement } {
  const cache = new Map<string, Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        // Map order is recency order: the first key is the least recently used.
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = sqlite.prepare(text);
      if (!hit) {
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}
type Statement = ReturnType<SqliteDatabase['prepare']>;

function registerSqliteFunctions(sqlite: SqliteDatabase) {
  // Portable helpers so repositories can use the same SQL on both databases.
  sqlite.function('lower_unicode', { deterministic: true }, (v: unknown) =>
    typeof v === 'string' ? v.toLowerCase() : v,
  );
}
