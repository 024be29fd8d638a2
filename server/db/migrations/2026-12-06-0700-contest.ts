import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Contest (issue 13): the question bank of an organising unit (categories, single/multiple choice, difficulty),
// contests (configuration as JSON, frozen with a question snapshot when opened), participants (one row per
// registration; uniqueness of the configured fields by a unique key table), attempts (the seeded draw, answers
// and the server's clock), and the results and collective table written when a round closes.
// Instants are UTC ISO strings; JSON is text; flags are 0/1 (docs/decisions/0001).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('contest_categories'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contest_categories_unit_name', ['unit_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('contest_questions'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('contest_categories.id'))
    .addColumn('difficulty', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // [{text, correct}] in the stored order; the draw shows them in a seeded order.
    .addColumn('options_json', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('contest_questions_unit_idx')
    .on('contest_questions')
    .columns(['unit_id', 'category_id'])
    .execute();

  await withId(db, db.schema.createTable('contests'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    // draft → open → closed; the configuration and question snapshot never change once open.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('config_json', 'text', (c) => c.notNull())
    .addColumn('questions_json', 'text')
    // Round keys whose results are final (computed and published).
    .addColumn('closed_rounds_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('contests_unit_idx').on('contests').column('unit_id').execute();

  await withId(db, db.schema.createTable('contest_participants'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('cccd', 'text')
    .addColumn('email', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('gender', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('address', 'text')
    // SHA-256 of the participant's bearer token (the browser keeps the token).
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('otp_hash', 'text')
    .addColumn('otp_expires_at', 'text')
    .addColumn('otp_tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('contest_participants_contest_idx')
    .on('contest_participants')
    .columns(['contest_id', 'unit_id'])
    .execute();

  // One row per unique registration field value: the database refuses a second registration, even concurrently.
  await withId(db, db.schema.createTable('contest_registration_keys'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value_hash', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('contest_participants.id'))
    .addUniqueConstraint('contest_registration_keys_unique', ['contest_id', 'field', 'value_hash'])
    .execute();

  await withId(db, db.schema.createTable('contest_attempts'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('contest_participants.id'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    // 1, 2, … within (participant, round): the unique key enforces attempts per round under concurrency.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    // [{questionId, optionOrder}] as drawn.
    .addColumn('draw_json', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('prediction', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('score', 'integer')
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ip', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('contest_attempts_seq_unique', ['participant_id', 'round_key', 'seq'])
    .execute();
  await db.schema
    .createIndex('contest_attempts_contest_idx')
    .on('contest_attempts')
    .columns(['contest_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('contest_results'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('contest_participants.id'))
    .addColumn('attempt_id', 'integer', (c) => c.notNull().references('contest_attempts.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('prediction_distance', 'integer')
    .addColumn('prize', 'text')
    .addUniqueConstraint('contest_results_unique', ['contest_id', 'round_key', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('contest_results_board_idx')
    .on('contest_results')
    .columns(['contest_id', 'round_key', 'group_key', 'rank'])
    .execute();

  await withId(db, db.schema.createTable('contest_round_truths'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('truth', 'integer')
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contest_round_truths_unique', ['contest_id', 'round_key'])
    .execute();

  await withId(db, db.schema.createTable('contest_collective'))
    .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('headcount', 'integer')
    .addColumn('prize_points', 'double precision', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('rank', 'integer')
    .addColumn('prize', 'text')
    .addUniqueConstraint('contest_collective_unique', ['contest_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'contest_collective',
    'contest_round_truths',
    'contest_results',
    'contest_attempts',
    'contest_registration_keys',
    'contest_participants',
    'contests',
    'contest_questions',
    'contest_categories',
  ])
    await db.schema.dropTable(t).execute();
}
