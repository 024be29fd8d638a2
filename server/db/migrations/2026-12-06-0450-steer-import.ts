import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Pending imports of a plan's task appendix (xlsx): the parsed preview and its progress, kept until a person
// confirms it (then the plan's groups and tasks are written, in one transaction, by the tasks service). The
// workbook's bytes wait in steer_import_files while a background job reads a large file, and are deleted then.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('steer_imports'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('steer_plans.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_errors_json', 'text', (c) => c.notNull())
    .addColumn('parsed_json', 'text')
    .addColumn('result_json', 'text')
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('steer_imports_plan').on('steer_imports').column('plan_id').execute();
  await db.schema
    .createTable('steer_import_files')
    .addColumn('import_id', 'integer', (c) => c.primaryKey().references('steer_imports.id'))
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only; restore a backup to go back.');
}
