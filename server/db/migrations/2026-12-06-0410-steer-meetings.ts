import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Steer: committee meetings (the committee's unit, kind, time, chair), attendees by unit, agenda items,
// documents (files), the conclusion notice (thông báo kết luận, one per meeting) and its numbered conclusions,
// each of which may become one tracked task (task_id, set once, in the transaction that creates the task).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('steer_meetings'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The start as a UTC instant and its calendar date in Vietnam (what "since the last meeting" compares).
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('chair_name', 'text', (c) => c.notNull())
    .addColumn('chair_title', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('steer_meetings_unit_date_idx')
    .on('steer_meetings')
    .columns(['unit_id', 'meeting_date'])
    .execute();

  await withId(db, db.schema.createTable('steer_meeting_attendees'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('steer_meetings.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('representative', 'text')
    .addUniqueConstraint('steer_meeting_attendees_unique', ['meeting_id', 'unit_id'])
    .execute();

  await withId(db, db.schema.createTable('steer_meeting_agenda_items'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('steer_meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter_unit_id', 'integer', (c) => c.references('units.id'))
    .addUniqueConstraint('steer_meeting_agenda_unique', ['meeting_id', 'position'])
    .execute();

  await withId(db, db.schema.createTable('steer_meeting_documents'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('steer_meetings.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('steer_meeting_documents_meeting_idx')
    .on('steer_meeting_documents')
    .column('meeting_id')
    .execute();

  await withId(db, db.schema.createTable('steer_meeting_notices'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().unique().references('steer_meetings.id'))
    // "45/TB-BCĐ": number and symbol as issued.
    .addColumn('number_symbol', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('signer', 'text')
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('steer_meeting_conclusions'))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('steer_meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // Set once, by the conversion into a task; a second conversion finds it set and is refused.
    .addColumn('task_id', 'integer', (c) => c.references('steer_tasks.id'))
    .addColumn('converted_at', 'text')
    .addColumn('converted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('steer_meeting_conclusions_unique', ['meeting_id', 'position'])
    .execute();
  await db.schema
    .createIndex('steer_meeting_conclusions_task_idx')
    .on('steer_meeting_conclusions')
    .column('task_id')
    .execute();
}
