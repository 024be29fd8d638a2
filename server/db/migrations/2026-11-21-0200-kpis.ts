import type { Kysely } from 'kysely';
import { forbidUpdateAndDelete, withId } from '../migration-helpers.js';

// Operational KPIs: definitions, values (one row per kpi × unit × period, last write wins), the
// append-only history of every write, targets and pending xlsx imports.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('kpi_definitions'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('unit_of_measure', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('periodicity', 'text', (c) => c.notNull())
    .addColumn('time_aggregation', 'text', (c) => c.notNull())
    .addColumn('applies_to_kinds', 'text', (c) => c.notNull())
    .addColumn('higher_is_better', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('dhis2_data_element', 'text', (c) => c.unique())
    .addColumn('is_builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('kpi_values'))
    .addColumn('kpi_id', 'integer', (c) => c.notNull().references('kpi_definitions.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period_code', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entered_by_user_id', 'integer')
    .addColumn('entered_by_token_id', 'integer')
    .addColumn('entered_by_label', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('kpi_values_key_unique', ['kpi_id', 'unit_id', 'period_code'])
    .execute();
  await db.schema
    .createIndex('kpi_values_unit_idx')
    .on('kpi_values')
    .columns(['unit_id', 'kpi_id', 'period_start'])
    .execute();

  await withId(db, db.schema.createTable('kpi_value_history'))
    .addColumn('value_id', 'integer', (c) => c.notNull().references('kpi_values.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_token_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kpi_value_history_value_idx')
    .on('kpi_value_history')
    .column('value_id')
    .execute();
  await db.schema
    .createIndex('kpi_value_history_batch_idx')
    .on('kpi_value_history')
    .column('batch_id')
    .execute();
  await forbidUpdateAndDelete(db, 'kpi_value_history');

  await withId(db, db.schema.createTable('kpi_targets'))
    .addColumn('kpi_id', 'integer', (c) => c.notNull().references('kpi_definitions.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('applies_to_subtree', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('kpi_targets_key_unique', ['kpi_id', 'unit_id', 'year', 'applies_to_subtree'])
    .execute();

  await withId(db, db.schema.createTable('kpi_imports'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer')
    .addColumn('created_by_token_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_errors_json', 'text', (c) => c.notNull())
    .addColumn('errors_json', 'text', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text')
    .addColumn('committed_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only; restore a backup to go back.');
}
