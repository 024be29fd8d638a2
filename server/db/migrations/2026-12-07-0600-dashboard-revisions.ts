import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 14 (the dashboard's cache): the DX dashboard and the public home are cached under the revisions of
// the tables they are computed from, so a cached figure is never stale after a write in any process. The
// triggers of 2026-12-06-0510 (units, lineage, headcounts) and 2026-12-07-0300 (community) already count
// theirs; these add the tables the dashboard and the home read through KPIs, Measure, Steer, Contest and
// Feedback. On PostgreSQL the trigger is per statement (a bulk import bumps once); on SQLite per row.
const TABLES = [
  'kpi_definitions',
  'kpi_targets',
  'kpi_values',
  'measure_frameworks',
  'measure_periods',
  'measure_period_units',
  'measure_submissions',
  'measure_snapshots',
  'measure_snapshot_values',
  'steer_tasks',
  'steer_task_history',
  'steer_task_extensions',
  'steer_task_coordinators',
  'steer_task_groups',
  'steer_progress_updates',
  'steer_plans',
  'steer_products',
  'steer_product_tasks',
  'contests',
  'contest_participants',
  'contest_attempts',
  'contest_results',
  'contest_collective',
  'feedback_categories',
  'feedback_reports',
  'feedback_events',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('data_revisions')
    .values(TABLES.map((name) => ({ name, revision: 0 })))
    .execute();
  for (const table of TABLES) {
    if (isPostgres(db)) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE ON ${table} ` +
            'FOR EACH STATEMENT EXECUTE FUNCTION dxboard_bump_revision()',
        )
        .execute(db);
      continue;
    }
    for (const op of ['INSERT', 'UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER ${table}_revision_${op.toLowerCase()} AFTER ${op} ON ${table} ` +
            `BEGIN UPDATE data_revisions SET revision = revision + 1 WHERE name = '${table}'; END`,
        )
        .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    if (isPostgres(db)) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_revision ON ${table}`).execute(db);
    else
      for (const op of ['insert', 'update', 'delete'])
        await sql.raw(`DROP TRIGGER IF EXISTS ${table}_revision_${op}`).execute(db);
  }
  await db.deleteFrom('data_revisions').where('name', 'in', TABLES).execute();
}
