import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Feedback (issue 12): citizen reports (phản ánh kiến nghị) in categories (lĩnh vực) with an answer deadline,
// routed to a handling unit, answered with evidence and rated by the citizen; their public timeline; the
// one-time codes that verify a citizen's contact, the proof-of-work challenges of the public form, and the
// email subscriptions to a report's updates. Instants are ISO UTC text, dates 'YYYY-MM-DD', flags 0/1.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('feedback_categories'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('deadline_amount', 'integer', (c) => c.notNull())
    // 'working_days' | 'days'
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    .addColumn('photo_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('default_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('feedback_reports'))
    // The public code (PA-2026-7KQ4M2XD): random, never the sequential id.
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('feedback_categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('area_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('address', 'text')
    // 'phone' | 'email'; the contact is never shown outside the handling unit, and masked in logs and audit.
    .addColumn('contact_kind', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    // The unit responsible now: the handling unit once assigned, the triage unit (province) before.
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('deadline', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('first_answered_at', 'text')
    .addColumn('first_answer_on_time', 'integer')
    .addColumn('answered_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('refuse_kind', 'text')
    .addColumn('refuse_reason', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('satisfaction_reason', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    // 'pending' | 'approved' | 'rejected'
    .addColumn('extension_status', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('feedback_reports_unit_status_idx')
    .on('feedback_reports')
    .columns(['unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('feedback_reports_category_status_idx')
    .on('feedback_reports')
    .columns(['category_id', 'status'])
    .execute();
  await db.schema
    .createIndex('feedback_reports_created_idx')
    .on('feedback_reports')
    .column('created_at')
    .execute();

  await withId(db, db.schema.createTable('feedback_events'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('feedback_reports.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // 1: shown on the public timeline; internal notes and extension requests are 0.
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('text', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_events_report_idx')
    .on('feedback_events')
    .column('report_id')
    .execute();

  // Photos of the report (role 'photo') and evidence of an answer (role 'evidence', with its event).
  await withId(db, db.schema.createTable('feedback_report_files'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('feedback_reports.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id').unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('event_id', 'integer', (c) => c.references('feedback_events.id'))
    .execute();
  await db.schema
    .createIndex('feedback_report_files_report_idx')
    .on('feedback_report_files')
    .column('report_id')
    .execute();

  // Photos uploaded from the public form before the report is sent: attachable once, for a day.
  await withId(db, db.schema.createTable('feedback_uploads'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id').unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // One-time codes (only their SHA-256 is kept), bound to a contact (its SHA-256) and a purpose.
  await withId(db, db.schema.createTable('feedback_otps'))
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    .addColumn('contact_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Proof-of-work challenges of the public form; each is accepted once, before it expires.
  await withId(db, db.schema.createTable('feedback_challenges'))
    .addColumn('challenge', 'text', (c) => c.notNull().unique())
    .addColumn('difficulty', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await withId(db, db.schema.createTable('feedback_subscriptions'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('feedback_reports.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('feedback_subscriptions_unique', ['report_id', 'email'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'feedback_subscriptions',
    'feedback_challenges',
    'feedback_otps',
    'feedback_uploads',
    'feedback_report_files',
    'feedback_events',
    'feedback_reports',
    'feedback_categories',
  ])
    await db.schema.dropTable(t).execute();
}
