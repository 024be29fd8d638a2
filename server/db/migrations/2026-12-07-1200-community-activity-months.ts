import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 14: the country's monthly roll-up scanned 2,000,000 activities and 3,000,000 skill rows on every
// computation (6.8× a plain count of them). It now reads community_activity_months: per commune (the
// activity's own commune_id, so unit_closure and lineage apply exactly as before), month ('YYYY-MM') and skill
// ('' = the activity itself, else one skill taught), the sessions, people and households. Triggers keep it in
// the transaction of every write to community_activities and community_activity_skills, whatever the path
// (API, import, demo seed, CLI, restore), so it cannot fall behind; rows that fall to 0 stay (and are skipped
// when read). PostgreSQL: statement-level triggers over the transition tables, so a bulk insert of 40,000
// rows is one grouped upsert, not 40,000. SQLite: row triggers (in-process, cheap). Derived data: not backed
// up (restored activities fill it again); rebuilt from the activities by the community repository's
// `rebuildActivityMonths`.

const SUMMARY = 'community_activity_months';

// SQLite: what one row (NEW or OLD) adds to its summary row: the key's skill and the households counted.
type SqliteSource = { skill: (row: string) => string; households: (row: string) => string };
const SQLITE_SOURCES: [string, SqliteSource][] = [
  ['community_activities', { skill: () => "''", households: (r) => `${r}.households_reached` }],
  ['community_activity_skills', { skill: (r) => `${r}.skill`, households: () => '0' }],
];

const sqliteAdd = (s: SqliteSource) =>
  `INSERT INTO ${SUMMARY} (commune_id, month, skill, sessions, people, households) ` +
  `VALUES (NEW.commune_id, substr(NEW.activity_date, 1, 7), ${s.skill('NEW')}, 1, NEW.people_reached, ` +
  `${s.households('NEW')}) ON CONFLICT (commune_id, month, skill) DO UPDATE SET ` +
  'sessions = sessions + excluded.sessions, people = people + excluded.people, ' +
  'households = households + excluded.households;';

const sqliteRemove = (s: SqliteSource) =>
  `UPDATE ${SUMMARY} SET sessions = sessions - 1, people = people - OLD.people_reached, ` +
  `households = households - ${s.households('OLD')} WHERE commune_id = OLD.commune_id ` +
  `AND month = substr(OLD.activity_date, 1, 7) AND skill = ${s.skill('OLD')};`;

// PostgreSQL: one function per source table; TG_OP says which transition tables exist.
const PG_FUNCTIONS = {
  community_activities: {
    fn: 'dxboard_activity_months',
    select: `commune_id, substr(activity_date, 1, 7) AS month, CAST('' AS text) AS skill, count(*) AS sessions,
             sum(people_reached) AS people, sum(households_reached) AS households`,
  },
  community_activity_skills: {
    fn: 'dxboard_activity_skill_months',
    select: `commune_id, substr(activity_date, 1, 7) AS month, skill, count(*) AS sessions,
             sum(people_reached) AS people, 0 AS households`,
  },
} as const;

function pgFunction(select: string, name: string) {
  return `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE ${SUMMARY} m SET sessions = m.sessions - d.sessions, people = m.people - d.people,
               households = m.households - d.households
          FROM (SELECT ${select} FROM old_rows GROUP BY 1, 2, 3) d
         WHERE m.commune_id = d.commune_id AND m.month = d.month AND m.skill = d.skill;
      END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO ${SUMMARY} AS m (commune_id, month, skill, sessions, people, households)
        SELECT * FROM (SELECT ${select} FROM new_rows GROUP BY 1, 2, 3) a ORDER BY 1, 2, 3
        ON CONFLICT (commune_id, month, skill) DO UPDATE SET sessions = m.sessions + excluded.sessions,
           people = m.people + excluded.people, households = m.households + excluded.households;
      END IF;
      RETURN NULL;
    END; $$ LANGUAGE plpgsql`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable(SUMMARY)
    .addColumn('commune_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addColumn('people', 'bigint', (c) => c.notNull())
    .addColumn('households', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_activity_months_pk', ['commune_id', 'month', 'skill'])
    .execute();

  if (isPostgres(db)) {
    for (const [table, { fn, select }] of Object.entries(PG_FUNCTIONS)) {
      await sql.raw(pgFunction(select, fn)).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_months_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows ` +
            `FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_months_update AFTER UPDATE ON ${table} ` +
            `REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_months_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows ` +
            `FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        )
        .execute(db);
    }
  } else {
    for (const [table, src] of SQLITE_SOURCES) {
      await sql
        .raw(`CREATE TRIGGER ${table}_months_insert AFTER INSERT ON ${table} BEGIN ${sqliteAdd(src)} END`)
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_months_update AFTER UPDATE ON ${table} BEGIN ${sqliteRemove(src)} ` +
            `${sqliteAdd(src)} END`,
        )
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER ${table}_months_delete AFTER DELETE ON ${table} BEGIN ${sqliteRemove(src)} END`)
        .execute(db);
    }
  }

  // The activities already recorded.
  await sql
    .raw(
      `INSERT INTO ${SUMMARY} (commune_id, month, skill, sessions, people, households)
       SELECT ${PG_FUNCTIONS.community_activities.select} FROM community_activities GROUP BY 1, 2, 3
       UNION ALL
       SELECT ${PG_FUNCTIONS.community_activity_skills.select} FROM community_activity_skills GROUP BY 1, 2, 3`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(PG_FUNCTIONS))
    for (const op of ['insert', 'update', 'delete'])
      await sql
        .raw(
          isPostgres(db)
            ? `DROP TRIGGER IF EXISTS ${table}_months_${op} ON ${table}`
            : `DROP TRIGGER IF EXISTS ${table}_months_${op}`,
        )
        .execute(db);
  if (isPostgres(db))
    for (const { fn } of Object.values(PG_FUNCTIONS))
      await sql.raw(`DROP FUNCTION IF EXISTS ${fn}()`).execute(db);
  await db.schema.dropTable(SUMMARY).execute();
}
