import { CompiledQuery, type Kysely } from 'kysely';
import { nativeHandleOf } from './database.js';
import type { Executor } from './executor.js';
import type { DB } from './schema.js';

// Bulk reads of a whole period (~150k values) that must skip per-row objects and key rewriting: SQL text in
// the database's own placeholder style, rows back as arrays.

export type NativeDialect = 'sqlite' | 'postgres';
export const nativeDialectOf = (db: object): NativeDialect => {
  const native = nativeHandleOf(db);
  return native && 'pool' in native ? 'postgres' : 'sqlite';
};
/** The n-th (1-based) bound parameter in the dialect's SQL. */
export const placeholder = (dialect: NativeDialect, n: number) => (dialect === 'sqlite' ? '?' : `$${n}`);

type Statement = { all(...params: unknown[]): unknown[] };
const statementsByDb = new WeakMap<object, Map<string, Statement>>();

/**
 * Runs synchronous native SQLite work while this call owns the connection: inside the caller's transaction, or
 * holding Kysely's connection so that no other request's open transaction can be in progress around it (it
 * would otherwise see, or write into, that transaction).
 */
export async function onSqliteConnection<T>(db: Kysely<DB>, exec: Executor, work: () => T): Promise<T> {
  if (exec.isTransaction) return work();
  return db.connection().execute(async () => work());
}

/**
 * Rows as arrays: better-sqlite3's `.raw()` statement (prepared once per text, run while owning the
 * connection), pg's `rowMode: 'array'` outside a transaction, else the transaction's own connection.
 */
export async function arrayRows(
  db: Kysely<DB>,
  text: string,
  params: unknown[],
  exec: Executor,
): Promise<unknown[][]> {
  const native = nativeHandleOf(db);
  if (native && 'sqlite' in native) {
    let statements = statementsByDb.get(db);
    if (!statements) {
      statements = new Map();
      statementsByDb.set(db, statements);
    }
    let statement = statements.get(text);
    if (!statement) {
      statement = native.sqlite.prepare(text).raw(true) as Statement;
      if (statements.size > 64) statements.clear();
      statements.set(text, statement);
    }
    const ready = statement;
    return onSqliteConnection(db, exec, () => ready.all(...params) as unknown[][]);
  }
  if (native && 'pool' in native && exec === db) {
    return (await native.pool.query({ text, values: params, rowMode: 'array' })).rows;
  }
  const result = await exec.withoutPlugins().executeQuery(CompiledQuery.raw(text, params));
  return result.rows.map((r) => Object.values(r as Record<string, unknown>));
}
