import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 10 (history across the reorganisation): results re-expressed through lineage are cached, and the cache
// must never outlive a change of what they were computed from. Every write to units, lineage or headcounts —
// through the API, an import, the CLI or a restore, in any process — bumps that table's revision in the same
// transaction (a trigger), so a cache keyed on the revisions is right in every process without messages.
const TABLES = ['units', 'unit_lineage', 'unit_headcounts'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_revisions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('data_revisions')
    .values(TABLES.map((name) => ({ name, revision: 0 })))
    .execute();
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION dxboard_bump_revision() RETURNS trigger AS $$
      BEGIN UPDATE data_revisions SET revision = revision + 1 WHERE name = TG_TABLE_NAME; RETURN NULL; END;
      $$ LANGUAGE plpgsql`.execute(db);
    for (const table of TABLES) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE ON ${table} ` +
            'FOR EACH STATEMENT EXECUTE FUNCTION dxboard_bump_revision()',
        )
        .execute(db);
    }
    return;
  }
  for (const table of TABLES) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_revision_${op.toLowerCase()} AFTER ${op} ON ${table} ` +
            `BEGIN UPDATE data_revisions SET revision = revision + 1 WHERE name = '${table}'; END`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of TABLES)
      await sql.raw(`DROP TRIGGER IF EXISTS ${table}_revision ON ${table}`).execute(db);
    await sql`DROP FUNCTION IF EXISTS dxboard_bump_revision()`.execute(db);
  } else {
    for (const table of TABLES)
      for (const op of ['insert', 'update', 'delete'])
        await sql.raw(`DROP TRIGGER IF EXISTS ${table}_revision_${op}`).execute(db);
  }
  await db.schema.dropTable('data_revisions').execute();
}
