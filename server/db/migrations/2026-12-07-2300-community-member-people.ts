import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';
import { installSummary, removeSummary, type Summary } from './2026-12-07-1210-community-activity-months.js';

// Issue 14: the roll-up after a write to the members counted the distinct current members below the unit live
// (600,000 member rows for the country: 3.4 × the raw count on SQLite). A person may serve on several teams,
// in several communes, so the distinct count is not a sum of per-team counts. Three summaries, chained, kept by
// triggers with the same builders as the activity months:
//   community_person_communes  per person and commune: current memberships (end_date IS NULL) of the person in
//                              teams of the commune (the commune is the team's, read when the trigger runs);
//   community_commune_people   per commune: persons with memberships > 0 there (from the rows above);
//   community_person_spread    per person: communes where the person has memberships > 0 (same source), with
//                              a partial index on the few persons in more than one commune.
// The distinct members below a unit = Σ people of its communes − Σ over persons in more than one commune of
// (their communes below the unit − 1). The second and third summaries are fed by the triggers of the first's
// writes (both databases fire triggers on rows written by triggers; on PostgreSQL an INSERT … ON CONFLICT DO
// UPDATE fires the statement-level INSERT and UPDATE triggers, each with its own rows).
// A team that changes commune (or, with foreign keys deferred as a SQLite restore does, a team written after or
// deleted before its members) takes its current memberships with it: triggers on community_teams. Member rows
// whose team does not exist (only possible inside such a transaction) are not counted, so the key is never NULL.
// Rows that fall to 0 stay. Derived data: not backed up; rebuilt by the community repository's
// `rebuildActivitySums`.

const teamOf = (r: string) => `(SELECT commune_id FROM community_teams WHERE id = ${r}.team_id)`;
const counted = (r: string) => `CASE WHEN ${r}.memberships > 0 THEN 1 ELSE 0 END`;

const MEMBER_SUMMARIES: Summary[] = [
  {
    source: 'community_members',
    table: 'community_person_communes',
    keys: [
      ['person_id', (r) => `${r}.person_id`],
      ['commune_id', teamOf],
    ],
    sums: [['memberships', (r) => `CASE WHEN ${r}.end_date IS NULL THEN 1 ELSE 0 END`]],
    where: (r) => `EXISTS (SELECT 1 FROM community_teams WHERE id = ${r}.team_id)`,
  },
  {
    source: 'community_person_communes',
    table: 'community_commune_people',
    name: 'people',
    keys: [['commune_id', (r) => `${r}.commune_id`]],
    sums: [['people', counted]],
  },
  {
    source: 'community_person_communes',
    table: 'community_person_spread',
    name: 'spread',
    keys: [['person_id', (r) => `${r}.person_id`]],
    sums: [['communes', counted]],
  },
];

// Moved memberships (rows of person_id, commune_id and a count) added to, or taken from, the first summary. In
// key order, as the summaries' own upserts; the WHERE tells SQLite's parser the ON is the upsert's.
const upsertMoved = (rows: string) =>
  `INSERT INTO community_person_communes AS m (person_id, commune_id, memberships)
   SELECT * FROM (${rows}) a WHERE true ORDER BY 1, 2
   ON CONFLICT (person_id, commune_id) DO UPDATE SET memberships = m.memberships + excluded.memberships;`;
const subtractMoved = (rows: string) =>
  `UPDATE community_person_communes AS m SET memberships = m.memberships - d.n FROM (${rows}) d
    WHERE m.person_id = d.person_id AND m.commune_id = d.commune_id;`;
/** Current memberships per person of the teams in `teams` (alias t), counted under `commune`. */
const movedRows = (teams: string, commune: string, n = 'n') =>
  `SELECT mb.person_id, ${commune} AS commune_id, count(*) AS ${n} FROM ${teams}
     JOIN community_members mb ON mb.team_id = t.id AND mb.end_date IS NULL GROUP BY 1, 2`;

const TEAM_TRIGGER = 'community_teams_member_people';
const PG_TEAM_FUNCTION = `dxboard_${TEAM_TRIGGER}`;

async function installTeamTriggers(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    const changed = 'old_rows o JOIN new_rows t ON t.id = o.id AND t.commune_id <> o.commune_id';
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION ${PG_TEAM_FUNCTION}() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        ${subtractMoved(movedRows(changed, 'o.commune_id'))}
        ${upsertMoved(movedRows(changed, 't.commune_id', 'memberships'))}
      ELSIF TG_OP = 'DELETE' THEN
        ${subtractMoved(movedRows('old_rows t', 't.commune_id'))}
      ELSE
        ${upsertMoved(movedRows('new_rows t', 't.commune_id', 'memberships'))}
      END IF;
      RETURN NULL;
    END; $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    const fn = `FOR EACH STATEMENT EXECUTE FUNCTION ${PG_TEAM_FUNCTION}()`;
    const on = (op: string) =>
      `CREATE TRIGGER ${TEAM_TRIGGER}_${op.toLowerCase()} AFTER ${op} ON community_teams`;
    await sql.raw(`${on('INSERT')} REFERENCING NEW TABLE AS new_rows ${fn}`).execute(db);
    await sql
      .raw(`${on('UPDATE')} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows ${fn}`)
      .execute(db);
    await sql.raw(`${on('DELETE')} REFERENCING OLD TABLE AS old_rows ${fn}`).execute(db);
    return;
  }
  const one = (row: 'OLD' | 'NEW') => `(SELECT ${row}.id AS id) t`;
  const take = subtractMoved(movedRows(one('OLD'), 'OLD.commune_id'));
  const give = upsertMoved(movedRows(one('NEW'), 'NEW.commune_id', 'memberships'));
  await sql
    .raw(
      `CREATE TRIGGER ${TEAM_TRIGGER}_update AFTER UPDATE OF commune_id ON community_teams
         WHEN OLD.commune_id IS NOT NEW.commune_id BEGIN ${take} ${give} END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${TEAM_TRIGGER}_delete AFTER DELETE ON community_teams BEGIN ${take} END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${TEAM_TRIGGER}_insert AFTER INSERT ON community_teams BEGIN ${give} END`)
    .execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('community_person_communes')
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('commune_id', 'integer', (c) => c.notNull())
    .addColumn('memberships', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_person_communes_pk', ['person_id', 'commune_id'])
    .execute();
  await db.schema
    .createTable('community_commune_people')
    .addColumn('commune_id', 'integer', (c) => c.primaryKey())
    .addColumn('people', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('community_person_spread')
    .addColumn('person_id', 'integer', (c) => c.primaryKey())
    .addColumn('communes', 'integer', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX community_person_spread_shared_idx ON community_person_spread (person_id) WHERE communes > 1`.execute(
    db,
  );
  // In this order: each summary's first rows come from the one before, already filled.
  for (const s of MEMBER_SUMMARIES) await installSummary(db, s);
  await installTeamTriggers(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const op of ['insert', 'update', 'delete'])
    await sql
      .raw(
        isPostgres(db)
          ? `DROP TRIGGER IF EXISTS ${TEAM_TRIGGER}_${op} ON community_teams`
          : `DROP TRIGGER IF EXISTS ${TEAM_TRIGGER}_${op}`,
      )
      .execute(db);
  if (isPostgres(db)) await sql.raw(`DROP FUNCTION IF EXISTS ${PG_TEAM_FUNCTION}()`).execute(db);
  for (const s of [...MEMBER_SUMMARIES].reverse()) await removeSummary(db, s);
}
