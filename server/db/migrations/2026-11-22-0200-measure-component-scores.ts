import type { Kysely } from 'kysely';

// Stored contributions replace stored per-unit totals (measure_scores). A unit's result is a sum of what each
// component contributes, so keeping the contributions lets the database re-aggregate a whole period
// (SUM … GROUP BY submission) without evaluating any rule, and lets readers fetch only the submissions that
// changed since they last looked (scores_revision). Derived data: the raw values stay the source of truth.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measure_component_scores')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('measure_submissions.id'))
    .addColumn('component_code', 'text', (c) => c.notNull())
    .addColumn('period_id', 'integer', (c) => c.notNull().references('measure_periods.id'))
    // Positions in the framework as compiled when scored (main index; pillar, -1 for none). Valid for the
    // framework state in measure_periods.scores_stamp; a change of framework rebuilds the whole period.
    .addColumn('main_idx', 'integer', (c) => c.notNull())
    .addColumn('pillar_idx', 'integer', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('applicable_max', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_component_scores_pk', ['submission_id', 'component_code'])
    .execute();
  // Covers the period aggregation: the scan never leaves the index.
  await db.schema
    .createIndex('measure_component_scores_period_idx')
    .on('measure_component_scores')
    .columns(['period_id', 'submission_id', 'main_idx', 'pillar_idx', 'points', 'applicable_max'])
    .execute();
  await db.schema
    .alterTable('measure_periods')
    .addColumn('scores_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('measure_periods').addColumn('scores_stamp', 'text').execute();
  await db.schema
    .alterTable('measure_submissions')
    .addColumn('scores_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('measure_submissions_scores_revision_idx')
    .on('measure_submissions')
    .columns(['period_id', 'scores_revision'])
    .execute();
  await db.schema.dropTable('measure_scores').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('measure_component_scores').execute();
  await db.schema.dropIndex('measure_submissions_scores_revision_idx').execute();
  await db.schema.alterTable('measure_submissions').dropColumn('scores_revision').execute();
  await db.schema.alterTable('measure_periods').dropColumn('scores_stamp').execute();
  await db.schema.alterTable('measure_periods').dropColumn('scores_revision').execute();
}
