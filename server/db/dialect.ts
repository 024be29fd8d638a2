import { type Kysely, PostgresAdapter } from 'kysely';

// The one place that asks which database we run on; migrations and repositories branch through it.
export function isPostgres(db: Kysely<unknown> | Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
