import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Stored scores of Measure submissions: derived from measure_values (the source of truth), written in the same
// transaction as every change of a submission's values and rebuildable for a whole period by recomputePeriod.
// The live ranking reads one row per unit instead of scoring every unit's raw values.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('measure_scores'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().unique().references('measure_submissions.id'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('measure_periods.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // The framework's id and updated_at at scoring time: a score of another framework state is stale.
    .addColumn('framework_id', 'integer', (c) => c.notNull())
    .addColumn('framework_stamp', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('applicable_max', 'double precision', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('band_code', 'text')
    // Rounded points and value of each main index and pillar: [[code, points, value|null], …].
    .addColumn('main_json', 'text', (c) => c.notNull())
    .addColumn('pillars_json', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measure_scores_period_idx').on('measure_scores').column('period_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('measure_scores').execute();
}
