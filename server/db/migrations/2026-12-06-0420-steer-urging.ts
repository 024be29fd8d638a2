import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Steer's urging: the reminders sent about each task (one row per idempotency key, the same key the
// notification carries, so a slot is logged and sent once across processes and restarts), the urging letters
// (văn bản đôn đốc) sent to units with the snapshot they were written from, the reminder settings, and the
// daily runs of the reminder job (one finished row per Vietnam date).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('steer_reminders'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('steer_tasks.id'))
    // The task's lead unit (as stored) when the reminder was sent: the unit's urging log.
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // 'before' | 'due_today' | 'overdue' | 'cycle_cutoff'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    // Days left (before, due_today, cycle_cutoff) or days late (overdue) on the day it was sent.
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'integer', (c) => c.references('notifications.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('steer_reminders_task_idx')
    .on('steer_reminders')
    .columns(['task_id', 'id'])
    .execute();
  await db.schema
    .createIndex('steer_reminders_unit_idx')
    .on('steer_reminders')
    .columns(['unit_id', 'sent_on'])
    .execute();

  await withId(db, db.schema.createTable('steer_urging_letters'))
    // The addressee.
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // The unit whose standing agency issues it (the province, a commune's own committee).
    .addColumn('issuer_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('number', 'text')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text', (c) => c.notNull())
    .addColumn('overdue_count', 'integer', (c) => c.notNull())
    .addColumn('due_soon_count', 'integer', (c) => c.notNull())
    // JSON: the letter's whole input (issuer, addressee's name then, tasks with deadlines and days), so the
    // DOCX downloaded later is the one that was sent, whatever changed since.
    .addColumn('letter_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'integer', (c) => c.references('notifications.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('steer_urging_letters_unit_idx')
    .on('steer_urging_letters')
    .columns(['unit_id', 'id'])
    .execute();

  await db.schema
    .createTable('steer_urging_letter_tasks')
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('steer_urging_letters.id'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('steer_tasks.id'))
    .addPrimaryKeyConstraint('steer_urging_letter_tasks_pk', ['letter_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('steer_urging_letter_tasks_task_idx')
    .on('steer_urging_letter_tasks')
    .column('task_id')
    .execute();

  // One row (id 1) once the secretariat changes the defaults of core/steer/reminders.ts.
  await db.schema
    .createTable('steer_urging_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // Comma-separated whole numbers, e.g. '7,1'.
    .addColumn('before_days', 'text', (c) => c.notNull())
    .addColumn('overdue_every_days', 'integer', (c) => c.notNull())
    .addColumn('cycle_before_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('steer_urging_runs')
    .addColumn('run_on', 'text', (c) => c.primaryKey())
    .addColumn('tasks', 'integer', (c) => c.notNull())
    .addColumn('reminders', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'steer_urging_runs',
    'steer_urging_settings',
    'steer_urging_letter_tasks',
    'steer_urging_letters',
    'steer_reminders',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
