import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import { migrations } from './migrations/index.js';

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  // Kysely looks for its migration tables in every schema unless told which one; with another schema
  // holding them (parallel test schemas, several installs in one database) it would skip creating ours.
  const migrationTableSchema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const result = await migrator.migrateToLatest();
    if (!result.error) return result;
    const error = result.error instanceof Error ? result.error : new Error(String(result.error));
    // Kysely's introspection (does the migration table exist?) reads the catalog of every schema; when another
    // install or test drops its schema at that moment, PostgreSQL answers "schema … does not exist" (3F000) about
    // that other schema. Nothing of ours was touched (migrations run in a transaction under a lock): try again.
    if (attempt < 5 && isVanishedOtherSchema(error, migrationTableSchema)) continue;
    throw error;
  }
}

export function isVanishedOtherSchema(error: unknown, ours: string | undefined): boolean {
  const e = error as { code?: string; message?: string };
  if (e?.code !== '3F000') return false;
  const named = /schema "([^"]+)" does not exist/.exec(e.message ?? '')?.[1];
  return !!named && named !== ours;
}
