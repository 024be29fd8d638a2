import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 11: "every task counted by its status on D" read the spans covering D, one per task (a sequential scan
// of 40,840 spans on PostgreSQL, 13–15 ms through the app against 3.7 ms for a plain count of the tasks). It now
// reads running sums instead: each span [from_day, to_day) adds +1 on from_day and -1 on to_day to its (status,
// bucket), so the tasks in a status on D are the sum of that status's changes on days ≤ D — a few thousand rows
// (days on which some status changes × statuses) however many tasks there are. Only the count of every task
// reads them (a filtered list still counts its own tasks' spans).
// Triggers on steer_task_status_spans keep them in the transaction of every write to the spans, whatever the path
// (the readers' recomputation, a rebuild, a restore's inserts), as community_activity_months does: PostgreSQL
// statement-level triggers over the transition tables (a chunk of spans is one grouped upsert, in key order so
// concurrent writers lock rows in one order), SQLite row triggers. Rows that fall to 0 stay (skipped when read).
// bucket is '' for none (a key column: NULLs never conflict). Derived data: not backed up; the tasks
// repository's rebuildStatusDayCounts recomputes it from the spans (`npx dxboard rebuild-steer-status`).

const TABLE = 'steer_task_status_day_counts';
const KEYS = 'day, status, bucket';

/** The signed day changes of a set of span rows `r` (a table or a transition table), grouped by key. */
function changesOf(from: string, sign: 1 | -1): string {
  return (
    `SELECT day, status, bucket, ${sign === 1 ? '' : '-'}sum(n) AS n FROM (` +
    `SELECT r.from_day AS day, r.status, coalesce(r.bucket, '') AS bucket, 1 AS n FROM ${from} r ` +
    `UNION ALL SELECT r.to_day, r.status, coalesce(r.bucket, ''), -1 FROM ${from} r` +
    `) c GROUP BY ${KEYS}`
  );
}

const upsert = (select: string) =>
  `INSERT INTO ${TABLE} AS m (${KEYS}, n) SELECT * FROM (${select}) a ORDER BY ${KEYS} ` +
  'ON CONFLICT (day, status, bucket) DO UPDATE SET n = m.n + excluded.n';

const PG_FUNCTION = `CREATE OR REPLACE FUNCTION dxboard_steer_status_day_counts() RETURNS trigger AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN ${upsert(changesOf('old_rows', -1))}; END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN ${upsert(changesOf('new_rows', 1))}; END IF;
    RETURN NULL;
  END; $$ LANGUAGE plpgsql`;

/** SQLite: a span row's two changes, added (NEW) or taken back (OLD). */
function sqliteChange(row: 'NEW' | 'OLD', column: 'from_day' | 'to_day', n: 1 | -1): string {
  return (
    `INSERT INTO ${TABLE} AS m (${KEYS}, n) VALUES ` +
    `(${row}.${column}, ${row}.status, coalesce(${row}.bucket, ''), ${n}) ` +
    'ON CONFLICT (day, status, bucket) DO UPDATE SET n = m.n + excluded.n;'
  );
}
const sqliteAdd = `${sqliteChange('NEW', 'from_day', 1)} ${sqliteChange('NEW', 'to_day', -1)}`;
const sqliteRemove = `${sqliteChange('OLD', 'from_day', -1)} ${sqliteChange('OLD', 'to_day', 1)}`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable(TABLE)
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${TABLE}_pk`, ['day', 'status', 'bucket'])
    .execute();
  const on = (op: string) =>
    `CREATE TRIGGER steer_task_status_spans_counts_${op.toLowerCase()} AFTER ${op} ON steer_task_status_spans`;
  if (isPostgres(db)) {
    await sql.raw(PG_FUNCTION).execute(db);
    const fn = 'FOR EACH STATEMENT EXECUTE FUNCTION dxboard_steer_status_day_counts()';
    await sql.raw(`${on('INSERT')} REFERENCING NEW TABLE AS new_rows ${fn}`).execute(db);
    await sql
      .raw(`${on('UPDATE')} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows ${fn}`)
      .execute(db);
    await sql.raw(`${on('DELETE')} REFERENCING OLD TABLE AS old_rows ${fn}`).execute(db);
  } else {
    await sql.raw(`${on('INSERT')} BEGIN ${sqliteAdd} END`).execute(db);
    await sql.raw(`${on('UPDATE')} BEGIN ${sqliteRemove} ${sqliteAdd} END`).execute(db);
    await sql.raw(`${on('DELETE')} BEGIN ${sqliteRemove} END`).execute(db);
  }
  // The spans already stored.
  await sql.raw(`INSERT INTO ${TABLE} (${KEYS}, n) ${changesOf('steer_task_status_spans', 1)}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const op of ['insert', 'update', 'delete'])
    await sql
      .raw(
        isPostgres(db)
          ? `DROP TRIGGER IF EXISTS steer_task_status_spans_counts_${op} ON steer_task_status_spans`
          : `DROP TRIGGER IF EXISTS steer_task_status_spans_counts_${op}`,
      )
      .execute(db);
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS dxboard_steer_status_day_counts()`.execute(db);
  await db.schema.dropTable(TABLE).execute();
}
