import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Community at the country's scale (bench/community.bench.ts: 100,000 teams, 600,000 members, 2,000,000
// activities). Two things:
// 1. Covering indexes, so the roll-up's sums read indexes only, as the baseline's count does: activities by
//    (commune, date) with the people and households reached; skill rows by (commune, date) with the skill and
//    people; current members by team. The old (commune, date) index of activities is a prefix of the new one.
// 2. Revision counters (data_revisions, the triggers of 2026-12-06-0510) for the tables a roll-up reads, so a
//    roll-up cached under their revisions is right in every process after any write (API, import, CLI, restore).
const REVISED = ['community_activities', 'community_teams', 'community_members', 'community_targets'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('community_activities_commune_date_sums_idx')
    .on('community_activities')
    .columns(['commune_id', 'activity_date', 'people_reached', 'households_reached'])
    .execute();
  await db.schema.dropIndex('community_activities_commune_date_idx').execute();
  await db.schema
    .createIndex('community_activity_skills_sums_idx')
    .on('community_activity_skills')
    .columns(['commune_id', 'activity_date', 'skill', 'people_reached'])
    .execute();
  await db.schema.dropIndex('community_activity_skills_commune_idx').execute();
  await db.schema
    .createIndex('community_members_team_current_idx')
    .on('community_members')
    .columns(['team_id', 'end_date', 'person_id'])
    .execute();

  await db
    .insertInto('data_revisions')
    .values(REVISED.map((name) => ({ name, revision: 0 })))
    .execute();
  for (const table of REVISED) {
    if (isPostgres(db)) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE ON ${table} ` +
            'FOR EACH STATEMENT EXECUTE FUNCTION dxboard_bump_revision()',
        )
        .execute(db);
      continue;
    }
    for (const op of ['INSERT', 'UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER ${table}_revision_${op.toLowerCase()} AFTER ${op} ON ${table} ` +
            `BEGIN UPDATE data_revisions SET revision = revision + 1 WHERE name = '${table}'; END`,
        )
        .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of REVISED) {
    if (isPostgres(db)) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_revision ON ${table}`).execute(db);
    else
      for (const op of ['insert', 'update', 'delete'])
        await sql.raw(`DROP TRIGGER IF EXISTS ${table}_revision_${op}`).execute(db);
  }
  await db.deleteFrom('data_revisions').where('name', 'in', REVISED).execute();
  await db.schema.dropIndex('community_members_team_current_idx').execute();
  await db.schema
    .createIndex('community_activity_skills_commune_idx')
    .on('community_activity_skills')
    .columns(['commune_id', 'activity_date'])
    .execute();
  await db.schema.dropIndex('community_activity_skills_sums_idx').execute();
  await db.schema
    .createIndex('community_activities_commune_date_idx')
    .on('community_activities')
    .columns(['commune_id', 'activity_date'])
    .execute();
  await db.schema.dropIndex('community_activities_commune_date_sums_idx').execute();
}
