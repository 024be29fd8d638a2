import type { Kysely } from 'kysely';
import { forbidUpdateAndDelete, withId } from '../migration-helpers.js';

// Steer's periodic reports: each issue of a report (monthly, quarterly, six-monthly, yearly) for a scope unit
// stores the whole report computed at the period's cut-off (figures, names of units, plans and tasks as they
// were), so the XLSX and DOCX regenerated later show the same numbers whatever happens to the tasks after.
// Append-only at the database level: issuing again adds a row, the latest issue of a period is the current one.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('steer_reports'))
    .addColumn('scope_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // 'month' | 'quarter' | 'half' | 'year', and the code: '2026-05', '2026-Q2', '2026-H1', '2026'
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('period_code', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    // The cut-off the statuses were derived on (the period's last day, or the issue date for a current period).
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('number_symbol', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    // The report document (core/contracts/steer-reports.ts ReportSnapshot) as JSON.
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addColumn('on_time_rate', 'real')
    .addColumn('completion_rate', 'real')
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('issued_by_label', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('steer_reports_scope_idx')
    .on('steer_reports')
    .columns(['scope_unit_id', 'period_code', 'id'])
    .execute();
  await forbidUpdateAndDelete(db, 'steer_reports');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only; restore a backup to go back.');
}
