import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Community (issue 14): community digital technology teams (Tổ công nghệ số cộng đồng) of the villages and
// residential groups below a commune (villages are units of kind 'village'), their members (a person may serve
// on several teams), activities with the skills taught, targets per commune and year; training courses with
// sessions, registrations, attendance and certificates. Dates 'YYYY-MM-DD'; lists are JSON text; flags 0/1
// (docs/decisions/0001). `commune_id` is denormalised onto teams and activities for the roll-ups.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('community_teams'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('decision_signer', 'text')
    .addColumn('decision_file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    // One team per village or residential group (or one commune-level team on the commune itself).
    .addUniqueConstraint('community_teams_unit_unique', ['unit_id'])
    .execute();
  await db.schema
    .createIndex('community_teams_commune_idx')
    .on('community_teams')
    .column('commune_id')
    .execute();

  await withId(db, db.schema.createTable('community_people'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    // Digits only ('0912345678'); one person per phone number.
    .addColumn('phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('community_people_phone_unique', ['phone'])
    .execute();

  await withId(db, db.schema.createTable('community_members'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('community_teams.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('community_people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('community_members_unique', ['team_id', 'person_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('community_members_person_idx')
    .on('community_members')
    .column('person_id')
    .execute();

  await withId(db, db.schema.createTable('community_activities'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('community_teams.id'))
    .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('activity_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('people_reached', 'integer', (c) => c.notNull())
    .addColumn('households_reached', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('photo_file_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    // The phone's key for an entry queued offline: sending it again returns the stored activity.
    .addColumn('client_key', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('community_activities_client_unique', ['team_id', 'client_key'])
    .addUniqueConstraint('community_activities_same_unique', ['team_id', 'activity_date', 'kind', 'place'])
    .execute();
  await db.schema
    .createIndex('community_activities_commune_date_idx')
    .on('community_activities')
    .columns(['commune_id', 'activity_date'])
    .execute();

  // One row per skill taught, for the per-skill roll-ups in SQL.
  await withId(db, db.schema.createTable('community_activity_skills'))
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('community_activities.id'))
    .addColumn('commune_id', 'integer', (c) => c.notNull())
    .addColumn('activity_date', 'text', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('people_reached', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('community_activity_skills_commune_idx')
    .on('community_activity_skills')
    .columns(['commune_id', 'activity_date'])
    .execute();
  await db.schema
    .createIndex('community_activity_skills_activity_idx')
    .on('community_activity_skills')
    .column('activity_id')
    .execute();

  // metric: 'teams' | 'sessions' | 'people'; skill '' for all skills.
  await withId(db, db.schema.createTable('community_targets'))
    .addColumn('commune_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('community_targets_unique', ['commune_id', 'year', 'metric', 'skill'])
    .execute();

  await withId(db, db.schema.createTable('training_courses'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('training_sessions'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('training_courses.id'))
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('checkin_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('training_registrations'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('training_courses.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('email', 'text')
    .addColumn('certificate_code', 'text', (c) => c.unique())
    .addColumn('certificate_issued_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_registrations_unique', ['course_id', 'unit_id', 'full_name'])
    .execute();

  await withId(db, db.schema.createTable('training_attendance'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('training_registrations.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_attendance_unique', ['session_id', 'registration_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'training_attendance',
    'training_registrations',
    'training_sessions',
    'training_courses',
    'community_targets',
    'community_activity_skills',
    'community_activities',
    'community_members',
    'community_people',
    'community_teams',
  ])
    await db.schema.dropTable(t).execute();
}
