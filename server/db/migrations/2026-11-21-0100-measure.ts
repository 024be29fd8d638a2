import type { Kysely } from 'kysely';
import { forbidUpdateAndDelete, withId } from '../migration-helpers.js';

// Measure: frameworks (versioned), assessment periods, submissions with raw values and evidence,
// value history and immutable published snapshots.
// Sized for 3,321 units × 47 components × 5 periods: values are keyed (submission, component) and
// submissions (period, unit), so a period's values are one index range scan.
// Points are double precision: PostgreSQL's real is 4 bytes and would round appraisers' points.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('measure_frameworks'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('derived_from_id', 'integer', (c) => c.references('measure_frameworks.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('measure_frameworks_code_version_unique', ['code', 'version'])
    .execute();

  await withId(db, db.schema.createTable('measure_periods'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('framework_id', 'integer', (c) => c.notNull().references('measure_frameworks.id'))
    .addColumn('root_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('assignment_json', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_periods_framework_idx')
    .on('measure_periods')
    .column('framework_id')
    .execute();
  await db.schema
    .createIndex('measure_periods_root_year_idx')
    .on('measure_periods')
    .columns(['root_unit_id', 'year'])
    .execute();

  await db.schema
    .createTable('measure_period_units')
    .addColumn('period_id', 'integer', (c) => c.notNull().references('measure_periods.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // Unit groups of this period (e.g. departments with a digital-economy remit), for applicability rules.
    .addColumn('groups_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('measure_period_units_pk', ['period_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('measure_period_units_unit_idx')
    .on('measure_period_units')
    .column('unit_id')
    .execute();

  await withId(db, db.schema.createTable('measure_submissions'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('measure_periods.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_comment', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('measure_submissions_period_unit_unique', ['period_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('measure_submissions_unit_idx')
    .on('measure_submissions')
    .columns(['unit_id', 'period_id'])
    .execute();
  await db.schema
    .createIndex('measure_submissions_period_status_idx')
    .on('measure_submissions')
    .columns(['period_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('measure_values'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('measure_submissions.id'))
    .addColumn('component_code', 'text', (c) => c.notNull())
    .addColumn('raw_json', 'text')
    .addColumn('is_na', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('self_points', 'double precision')
    .addColumn('appraised_raw_json', 'text')
    .addColumn('appraised_is_na', 'integer')
    .addColumn('appraised_points', 'double precision')
    .addColumn('appraisal_comment', 'text')
    .addColumn('needs_fix', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('measure_values_submission_component_unique', ['submission_id', 'component_code'])
    .execute();
  await db.schema
    .createIndex('measure_values_component_idx')
    .on('measure_values')
    .columns(['component_code', 'submission_id'])
    .execute();

  await withId(db, db.schema.createTable('measure_evidence'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('measure_submissions.id'))
    .addColumn('component_code', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('doc_number', 'text')
    .addColumn('doc_date', 'text')
    .addColumn('doc_title', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_evidence_submission_idx')
    .on('measure_evidence')
    .columns(['submission_id', 'component_code'])
    .execute();

  await withId(db, db.schema.createTable('measure_value_history'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('measure_submissions.id'))
    .addColumn('component_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('raw_json', 'text')
    .addColumn('is_na', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('points', 'double precision')
    .addColumn('comment', 'text')
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_value_history_submission_idx')
    .on('measure_value_history')
    .columns(['submission_id', 'component_code', 'id'])
    .execute();
  await forbidUpdateAndDelete(db, 'measure_value_history');

  await withId(db, db.schema.createTable('measure_snapshots'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('measure_periods.id'))
    .addColumn('framework_id', 'integer', (c) => c.notNull().references('measure_frameworks.id'))
    .addColumn('framework_version', 'integer', (c) => c.notNull())
    .addColumn('results_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('measure_snapshots_period_idx')
    .on('measure_snapshots')
    .columns(['period_id', 'id'])
    .execute();
  // Published rankings are citable: the database itself refuses to change or delete them.
  await forbidUpdateAndDelete(db, 'measure_snapshots');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only; restore a backup to go back.');
}
