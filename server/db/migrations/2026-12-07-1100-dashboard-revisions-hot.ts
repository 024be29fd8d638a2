import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// The contest's attempts are written on the hot path (every autosave of an answer, thousands at once during a
// contest). Migration 2026-12-07-0600 counted their writes for the dashboard's cache, which the dashboard does not
// need (it shows participants, from contest_participants, never attempts) and which made every autosave bump
// one shared counter row: on PostgreSQL concurrent autosaves would queue on its row lock. The counter goes.
const TABLE = 'contest_attempts';

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql.raw(`DROP TRIGGER IF EXISTS ${TABLE}_revision ON ${TABLE}`).execute(db);
  else
    for (const op of ['insert', 'update', 'delete'])
      await sql.raw(`DROP TRIGGER IF EXISTS ${TABLE}_revision_${op}`).execute(db);
  await db.deleteFrom('data_revisions').where('name', '=', TABLE).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.insertInto('data_revisions').values({ name: TABLE, revision: 0 }).execute();
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE TRIGGER ${TABLE}_revision AFTER INSERT OR UPDATE OR DELETE ON ${TABLE} ` +
          'FOR EACH STATEMENT EXECUTE FUNCTION dxboard_bump_revision()',
      )
      .execute(db);
    return;
  }
  for (const op of ['INSERT', 'UPDATE', 'DELETE'])
    await sql
      .raw(
        `CREATE TRIGGER ${TABLE}_revision_${op.toLowerCase()} AFTER ${op} ON ${TABLE} ` +
          `BEGIN UPDATE data_revisions SET revision = revision + 1 WHERE name = '${TABLE}'; END`,
      )
      .execute(db);
}
