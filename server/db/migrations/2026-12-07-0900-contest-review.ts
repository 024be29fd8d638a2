import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Contest suspicion review (issue 13): the flags the background job finds (core/contest/suspicion.ts), each with
// its evidence, stored once per (contest, kind, subject) and reviewed by an organiser (cleared / confirmed with a
// note; a confirmed flag excludes its people from prizes only when the organiser says so), and the participant's
// device hash (user agent and languages, hashed) recorded at registration. Raw addresses stay where they were.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('contest_flags'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('round_key', 'text')
    .addColumn('participant_ids_json', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('note', 'text')
    .addColumn('exclude_from_prizes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contest_flags_subject', ['contest_id', 'kind', 'subject'])
    .execute();
  await db.schema
    .createIndex('contest_flags_status_idx')
    .on('contest_flags')
    .columns(['contest_id', 'status'])
    .execute();
  await db.schema.alterTable('contest_participants').addColumn('device_hash', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contest_participants').dropColumn('device_hash').execute();
  await db.schema.dropTable('contest_flags').execute();
}
