import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Contest certificates (issue 13): one row per person and round once their certificate is first issued, with
// the random code its QR code carries; the public verify page looks the code up, so a forged code is unknown.
// Whether it still stands (a rank, a prize) is read from contest_results at verification time.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('contest_certificates'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('contest_participants.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('contest_certificates_unique', ['contest_id', 'round_key', 'participant_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contest_certificates').execute();
}
