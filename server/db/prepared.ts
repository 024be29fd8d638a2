import { createHash } from 'node:crypto';
import type { Compilable, CompiledQuery } from 'kysely';
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

/** Stands for the n-th argument of a query compiled once (compiledOnce). */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query of fixed text built and compiled once; each call binds its arguments in the places the build put them.
 * `build` receives stand-ins for the arguments (use them only as values: `where('id', '=', id)`). Kysely builds,
 * transforms (camelCase) and compiles a query on every execution; for the reads on the path of every request
 * that work cost more than the read itself (a profile of the leader dashboard at 50 clients). The result goes
 * through the plugins as any query's does.
 */
export function compiledOnce<A extends unknown[], R>(
  build: (...args: A) => Compilable<R>,
): (...args: A) => CompiledQuery<R> {
  let compiled: CompiledQuery<R> | undefined;
  return (...args: A) => {
    compiled ??= build(...(args.map((_, i) => new Slot(i)) as A)).compile();
    return {
      ...compiled,
      parameters: compiled.parameters.map((p) => (p instanceof Slot ? args[p.index] : p)),
    };
  };
}
