import { createHash } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import type pg from 'pg';

// PostgreSQL plans every statement it is sent; for the few small queries on the path of every request (a
// session, a ranking page's head) planning costs several times their execution. Statements marked here go as
// named prepared statements, planned once per connection. Only queries with a bounded set of texts may be
// marked: each distinct text stays prepared on every connection for the connection's life.

const names = new WeakMap<object, Map<string, string>>();

/** Sends `query` as a named prepared statement on PostgreSQL (as is on SQLite); returns it for executeQuery. */
export function prepared<Q extends CompiledQuery>(db: object, query: Q): Q {
  const marked = names.get(db);
  if (marked && !marked.has(query.sql)) {
    marked.set(query.sql, `dx_${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`);
  }
  return query;
}

/** Called once for a PostgreSQL pool: its clients send marked texts by name. */
export function enablePrepared(db: object, pool: pg.Pool) {
  const marked = new Map<string, string>();
  names.set(db, marked);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof text === 'string' && callback === undefined ? marked.get(text) : undefined;
      return name ? query({ name, text, values }) : query(text, values, callback);
    }) as typeof client.query;
  });
}
