import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 14: the country's monthly roll-up scanned 2,000,000 activities and 3,000,000 skill rows on every
// computation (6.8× a plain count of them). It now reads two summaries, each keyed by the rows' own commune_id
// (so unit_closure and lineage apply exactly as before):
//   community_activity_months  per month ('YYYY-MM') and commune: sessions, people, households reached;
//   community_skill_years      per year, skill and commune: sessions and people (the roll-up shows skills by
//                              year only, so a country is ~27,000 rows instead of ~270,000 by month).
// Triggers keep them in the transaction of every write to community_activities and community_activity_skills,
// whatever the path (API, import, demo seed, CLI, restore), so they cannot fall behind; rows that fall to 0
// stay (and are skipped when read). PostgreSQL: statement-level triggers over the transition tables, so a bulk
// insert of 40,000 rows is one grouped upsert, not 40,000. SQLite: row triggers (in-process, cheap). Derived
// data: not backed up (restored activities fill them again); rebuilt from the sources by the community
// repository's `rebuildActivitySums`.

export type Summary = {
  source: string;
  table: string;
  /** Key columns (in primary-key order) and their expression over a source row `r`. */
  keys: [string, (r: string) => string][];
  /** Summed columns and the expression of one source row. */
  sums: [string, (r: string) => string][];
  /**
   * Part of the trigger names (`${source}_sums_${name}_insert`…) when a source feeds more than one summary;
   * without it the triggers are `${source}_sums_insert`…, as the first summaries of each source were named.
   */
  name?: string;
  /** The source rows counted (all without it), e.g. those whose key can be computed (a row it refers to exists). */
  where?: (r: string) => string;
};

const ACTIVITY_SUMMARIES: Summary[] = [
  {
    source: 'community_activities',
    table: 'community_activity_months',
    keys: [
      ['month', (r) => `substr(${r}.activity_date, 1, 7)`],
      ['commune_id', (r) => `${r}.commune_id`],
    ],
    sums: [
      ['sessions', () => '1'],
      ['people', (r) => `${r}.people_reached`],
      ['households', (r) => `${r}.households_reached`],
    ],
  },
  {
    source: 'community_activity_skills',
    table: 'community_skill_years',
    keys: [
      ['year', (r) => `CAST(substr(${r}.activity_date, 1, 4) AS integer)`],
      ['skill', (r) => `${r}.skill`],
      ['commune_id', (r) => `${r}.commune_id`],
    ],
    sums: [
      ['sessions', () => '1'],
      ['people', (r) => `${r}.people_reached`],
    ],
  },
];

const cols = (s: Summary) => [...s.keys, ...s.sums].map(([c]) => c).join(', ');
const keyCols = (s: Summary) => s.keys.map(([c]) => c).join(', ');
const positions = (s: Summary) => s.keys.map((_, i) => i + 1).join(', ');

/** The summary's rows grouped from a set of source rows (a table, or a trigger's transition table). */
function groupedFrom(s: Summary, from: string): string {
  const keys = s.keys.map(([c, e]) => `${e('r')} AS ${c}`);
  const sums = s.sums.map(([c, e]) => `sum(${e('r')}) AS ${c}`);
  const where = s.where ? ` WHERE ${s.where('r')}` : '';
  return `SELECT ${[...keys, ...sums].join(', ')} FROM ${from} r${where} GROUP BY ${positions(s)}`;
}

const addAll = (s: Summary, alias: string) =>
  s.sums.map(([c]) => `${c} = ${alias}.${c} + excluded.${c}`).join(', ');

function sqliteAdd(s: Summary) {
  const values = [...s.keys, ...s.sums].map(([, e]) => e('NEW')).join(', ');
  // With a condition, a one-row SELECT … WHERE (its WHERE also tells SQLite's parser the ON is the upsert's).
  const rows = s.where ? `SELECT ${values} WHERE ${s.where('NEW')}` : `VALUES (${values})`;
  return (
    `INSERT INTO ${s.table} AS m (${cols(s)}) ${rows} ` +
    `ON CONFLICT (${keyCols(s)}) DO UPDATE SET ${addAll(s, 'm')};`
  );
}

function sqliteRemove(s: Summary) {
  return (
    `UPDATE ${s.table} SET ${s.sums.map(([c, e]) => `${c} = ${c} - ${e('OLD')}`).join(', ')} ` +
    `WHERE ${s.keys.map(([c, e]) => `${c} = ${e('OLD')}`).join(' AND ')}${s.where ? ` AND ${s.where('OLD')}` : ''};`
  );
}

// PostgreSQL: one function per summary; TG_OP says which transition tables exist. The upsert goes in key order
// so concurrent writers lock summary rows in the same order.
const pgFunctionName = (s: Summary) => `dxboard_${s.table}`;
function pgFunction(s: Summary) {
  return `CREATE OR REPLACE FUNCTION ${pgFunctionName(s)}() RETURNS trigger AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE ${s.table} m SET ${s.sums.map(([c]) => `${c} = m.${c} - d.${c}`).join(', ')}
          FROM (${groupedFrom(s, 'old_rows')}) d
         WHERE ${s.keys.map(([c]) => `m.${c} = d.${c}`).join(' AND ')};
      END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO ${s.table} AS m (${cols(s)})
        SELECT * FROM (${groupedFrom(s, 'new_rows')}) a ORDER BY ${positions(s)}
        ON CONFLICT (${keyCols(s)}) DO UPDATE SET ${addAll(s, 'm')};
      END IF;
      RETURN NULL;
    END; $$ LANGUAGE plpgsql`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('community_activity_months')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('commune_id', 'integer', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addColumn('people', 'bigint', (c) => c.notNull())
    .addColumn('households', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_activity_months_pk', ['month', 'commune_id'])
    .execute();
  await db.schema
    .createTable('community_skill_years')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('commune_id', 'integer', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addColumn('people', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_skill_years_pk', ['year', 'skill', 'commune_id'])
    .execute();

  for (const s of ACTIVITY_SUMMARIES) await installSummary(db, s);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const s of ACTIVITY_SUMMARIES) await removeSummary(db, s);
}

const triggerName = (s: Summary, op: string) =>
  `${s.source}_sums_${s.name ? `${s.name}_` : ''}${op.toLowerCase()}`;

/** The summary's triggers on its source (both databases), then its rows from what is already recorded. */
export async function installSummary(db: Kysely<any>, s: Summary): Promise<void> {
  const on = (op: string) => `CREATE TRIGGER ${triggerName(s, op)} AFTER ${op} ON ${s.source}`;
  if (isPostgres(db)) {
    await sql.raw(pgFunction(s)).execute(db);
    const fn = `FOR EACH STATEMENT EXECUTE FUNCTION ${pgFunctionName(s)}()`;
    await sql.raw(`${on('INSERT')} REFERENCING NEW TABLE AS new_rows ${fn}`).execute(db);
    await sql
      .raw(`${on('UPDATE')} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows ${fn}`)
      .execute(db);
    await sql.raw(`${on('DELETE')} REFERENCING OLD TABLE AS old_rows ${fn}`).execute(db);
  } else {
    await sql.raw(`${on('INSERT')} BEGIN ${sqliteAdd(s)} END`).execute(db);
    await sql.raw(`${on('UPDATE')} BEGIN ${sqliteRemove(s)} ${sqliteAdd(s)} END`).execute(db);
    await sql.raw(`${on('DELETE')} BEGIN ${sqliteRemove(s)} END`).execute(db);
  }
  await sql.raw(`INSERT INTO ${s.table} (${cols(s)}) ${groupedFrom(s, s.source)}`).execute(db);
}

/** The summary's triggers, function and table, gone. */
export async function removeSummary(db: Kysely<any>, s: Summary): Promise<void> {
  for (const op of ['insert', 'update', 'delete'])
    await sql
      .raw(
        isPostgres(db)
          ? `DROP TRIGGER IF EXISTS ${triggerName(s, op)} ON ${s.source}`
          : `DROP TRIGGER IF EXISTS ${triggerName(s, op)}`,
      )
      .execute(db);
  if (isPostgres(db)) await sql.raw(`DROP FUNCTION IF EXISTS ${pgFunctionName(s)}()`).execute(db);
  await db.schema.dropTable(s.table).execute();
}
