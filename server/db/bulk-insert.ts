import { CompiledQuery, type Kysely } from 'kysely';
import { nativeHandleOf } from './database.js';
import type { Executor } from './executor.js';
import { onSqliteConnection } from './native-rows.js';
import type { DB } from './schema.js';

// Inserting a hundred thousand derived rows (a period's contributions, a snapshot's values) through Kysely's
// query builder costs more than the insert itself. Given column-wise data, this writes it the cheapest way
// each database offers: one prepared statement run per row on SQLite (the one connection, so inside the
// caller's transaction), one `unnest` statement per large chunk on PostgreSQL.

export type BulkColumn = { name: string; pgType: 'int4' | 'int8' | 'text' | 'float8' };

// PostgreSQL: one array parameter per column, so a chunk is one statement whatever its size; chunks only bound
// the size of one message.
const UNNEST_CHUNK = 40_000;

type Prepared = { run(...values: unknown[]): unknown };
const preparedByDb = new WeakMap<object, Map<string, Prepared>>();

/** Inserts `data[column][row]` into `table`; every column array has the same length. */
export async function bulkInsert(
  db: Kysely<DB>,
  exec: Executor,
  table: string,
  columns: readonly BulkColumn[],
  data: readonly (readonly unknown[])[],
): Promise<void> {
  const rowCount = data[0]?.length ?? 0;
  if (rowCount === 0) return;
  const names = columns.map((c) => c.name).join(', ');
  const native = nativeHandleOf(db);
  if (native && 'sqlite' in native) {
    const text = `insert into ${table} (${names}) values (${columns.map(() => '?').join(', ')})`;
    let cache = preparedByDb.get(db);
    if (!cache) {
      cache = new Map();
      preparedByDb.set(db, cache);
    }
    let statement = cache.get(text);
    if (!statement) {
      statement = native.sqlite.prepare(text);
      cache.set(text, statement);
    }
    const run = (prepared: Prepared) => {
      const row = new Array<unknown>(columns.length);
      for (let r = 0; r < rowCount; r++) {
        for (let k = 0; k < columns.length; k++) row[k] = data[k][r];
        prepared.run(...row);
      }
    };
    await onSqliteConnection(db, exec, () => run(statement));
    return;
  }
  const arrays = columns.map((c, k) => `$${k + 1}::${c.pgType}[]`).join(', ');
  const text = `insert into ${table} (${names}) select * from unnest(${arrays})`;
  for (let start = 0; start < rowCount; start += UNNEST_CHUNK) {
    const params = data.map((column) => column.slice(start, start + UNNEST_CHUNK));
    await exec.withoutPlugins().executeQuery(CompiledQuery.raw(text, params));
  }
}
