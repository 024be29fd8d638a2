import type { Kysely } from 'kysely';

// After publication a manager may reopen one unit's submission (it becomes editable and appraisable again while
// the period stays published; the next publish writes a new snapshot) or exclude a unit from the ranking with a
// stated reason (shown as "không tham gia xếp hạng"). Both are audited; these columns hold the current state.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('measure_submissions').addColumn('reopened_at', 'text').execute();
  await db.schema.alterTable('measure_submissions').addColumn('reopened_by', 'integer').execute();
  await db.schema.alterTable('measure_period_units').addColumn('excluded_reason', 'text').execute();
  await db.schema.alterTable('measure_period_units').addColumn('excluded_at', 'text').execute();
  await db.schema.alterTable('measure_period_units').addColumn('excluded_by', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('measure_period_units').dropColumn('excluded_by').execute();
  await db.schema.alterTable('measure_period_units').dropColumn('excluded_at').execute();
  await db.schema.alterTable('measure_period_units').dropColumn('excluded_reason').execute();
  await db.schema.alterTable('measure_submissions').dropColumn('reopened_by').execute();
  await db.schema.alterTable('measure_submissions').dropColumn('reopened_at').execute();
}
