import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 11 (Steer's status of every task as of a date): each task's status as a function of the date, stored as
// spans (core/steer/status-spans.ts), so "every task's status on D" is one indexed count instead of reading
// every task's history and judging it (bench/steer.bench.ts). What a status depends on lives in four tables;
// a trigger on each marks the task stale in the same transaction as the write — through the API, an import,
// the CLI, a restore or a hand edit, in any process — and readers recompute the stale tasks' spans before
// counting (server/modules/steer/tasks/status-spans.ts). Every existing task starts stale: the first reader
// builds the spans (the backfill), and `npx dxboard rebuild-steer-status` marks them all stale again.
// Spans are stored as day numbers (days since 1970-01-01, core/steer/calendar.ts): integer comparisons, where
// text dates compare under the database's collation (PostgreSQL: most of the count's time). to_day of the last
// span is the day after 9999-12-31's number, not NULL, so the covering test is two range conditions an index
// answers: to_day > D AND from_day <= D.
const CHILDREN = ['steer_task_history', 'steer_task_extensions', 'steer_progress_updates'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('steer_task_status_spans')
    .addColumn('task_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text')
    .addColumn('from_day', 'integer', (c) => c.notNull())
    .addColumn('to_day', 'integer', (c) => c.notNull())
    .execute();
  // Index-only counts: the spans still running on D are those ending after it.
  await db.schema
    .createIndex('steer_task_status_spans_asof_idx')
    .on('steer_task_status_spans')
    .columns(['to_day', 'from_day', 'status', 'bucket', 'task_id'])
    .execute();
  await db.schema
    .createIndex('steer_task_status_spans_task_idx')
    .on('steer_task_status_spans')
    .columns(['task_id', 'from_day'])
    .execute();
  // The list's page in plan order (coalesce(plan_id, 0), position, id) read from an index instead of sorting
  // every task.
  await sql`CREATE INDEX steer_tasks_list_order_idx ON steer_tasks ((coalesce(plan_id, 0)), position, id, confidential)`.execute(
    db,
  );
  // The confidential tasks, which the list checks one by one: few, found without reading the others.
  await sql`CREATE INDEX steer_tasks_confidential_idx ON steer_tasks (id) WHERE confidential = 1`.execute(db);
  await db.schema
    .createTable('steer_task_status_stale')
    .addColumn('task_id', 'integer', (c) => c.primaryKey())
    .execute();

  if (isPostgres(db)) {
    for (const [name, column] of [
      ['dxboard_steer_task_stale', 'id'],
      ['dxboard_steer_child_stale', 'task_id'],
    ])
      await sql
        .raw(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN
            INSERT INTO steer_task_status_stale (task_id) VALUES (OLD.${column}) ON CONFLICT DO NOTHING;
          END IF;
          IF TG_OP <> 'DELETE' THEN
            INSERT INTO steer_task_status_stale (task_id) VALUES (NEW.${column}) ON CONFLICT DO NOTHING;
          END IF;
          RETURN NULL;
        END;
        $$ LANGUAGE plpgsql`)
        .execute(db);
    await sql
      .raw(
        'CREATE TRIGGER steer_tasks_status_stale AFTER INSERT OR UPDATE OR DELETE ON steer_tasks ' +
          'FOR EACH ROW EXECUTE FUNCTION dxboard_steer_task_stale()',
      )
      .execute(db);
    for (const table of CHILDREN)
      await sql
        .raw(
          `CREATE TRIGGER ${table}_status_stale AFTER INSERT OR UPDATE OR DELETE ON ${table} ` +
            'FOR EACH ROW EXECUTE FUNCTION dxboard_steer_child_stale()',
        )
        .execute(db);
  } else {
    for (const [table, column] of [['steer_tasks', 'id'], ...CHILDREN.map((t) => [t, 'task_id'])]) {
      const mark = (row: 'NEW' | 'OLD') =>
        `INSERT OR IGNORE INTO steer_task_status_stale (task_id) VALUES (${row}.${column});`;
      await sql
        .raw(`CREATE TRIGGER ${table}_status_stale_insert AFTER INSERT ON ${table} BEGIN ${mark('NEW')} END`)
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_status_stale_update AFTER UPDATE ON ${table} BEGIN ${mark('OLD')} ${mark('NEW')} END`,
        )
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER ${table}_status_stale_delete AFTER DELETE ON ${table} BEGIN ${mark('OLD')} END`)
        .execute(db);
    }
  }
  await sql`INSERT INTO steer_task_status_stale (task_id) SELECT id FROM steer_tasks`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['steer_tasks', ...CHILDREN]) {
    if (isPostgres(db)) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_status_stale ON ${table}`).execute(db);
    else
      for (const op of ['insert', 'update', 'delete'])
        await sql.raw(`DROP TRIGGER IF EXISTS ${table}_status_stale_${op}`).execute(db);
  }
  if (isPostgres(db)) {
    await sql`DROP FUNCTION IF EXISTS dxboard_steer_task_stale()`.execute(db);
    await sql`DROP FUNCTION IF EXISTS dxboard_steer_child_stale()`.execute(db);
  }
  await db.schema.dropTable('steer_task_status_stale').execute();
  await sql`DROP INDEX steer_tasks_list_order_idx`.execute(db);
  await sql`DROP INDEX steer_tasks_confidential_idx`.execute(db);
  await db.schema.dropTable('steer_task_status_spans').execute();
}
