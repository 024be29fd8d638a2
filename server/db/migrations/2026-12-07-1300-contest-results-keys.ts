import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Issue 13 (a round close at national scale on PostgreSQL): contest_results rows are derived, rewritten by the
// round close inside its transaction from the attempts and participants it has just read. Their three foreign
// keys cost PostgreSQL one row trigger and one index probe per inserted row (a 500,000-row close spent most of
// its write there). On PostgreSQL they are replaced by guards on the parent side: deleting a contest, a
// participant or an attempt that a result still points at is refused, as the foreign keys refused it
// (docs/decisions/0006-contest-results-without-foreign-keys.md). SQLite keeps its foreign keys: checked in
// process by an index probe, they cost it little, and rebuilding the table to drop them would buy nothing.
const GUARDS = [
  { table: 'contests', column: 'contest_id', contest: 'id' },
  { table: 'contest_participants', column: 'participant_id', contest: 'contest_id' },
  { table: 'contest_attempts', column: 'attempt_id', contest: 'contest_id' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // Found by column rather than by name: the names are PostgreSQL's defaults (contest_results_<col>_fkey).
  const keys = await sql<{ name: string }>`
    select c.conname as name from pg_constraint c
    where c.conrelid = 'contest_results'::regclass and c.contype = 'f'`.execute(db);
  for (const { name } of keys.rows)
    await sql.raw(`ALTER TABLE contest_results DROP CONSTRAINT ${name}`).execute(db);
  // The guards look results up within the contest (contest_results_unique leads with contest_id): no index is
  // added, since every index is one more write per result at close.
  for (const { table, column, contest } of GUARDS) {
    // The share lock on the contest's row waits for a round close of that contest in flight (the close locks the
    // row first, contests.service.ts), so its results are committed and seen before the check; and a close that
    // starts after this delete waits for it, then reads the attempts without the deleted row.
    await sql
      .raw(`CREATE OR REPLACE FUNCTION dxboard_${table}_results_guard() RETURNS trigger AS $$
        BEGIN
          PERFORM 1 FROM contests WHERE id = OLD.${contest} FOR SHARE;
          IF EXISTS (SELECT 1 FROM contest_results WHERE contest_id = OLD.${contest} AND ${column} = OLD.id) THEN
            RAISE EXCEPTION 'delete on table "${table}" refused: row % is referenced from table "contest_results"', OLD.id
              USING ERRCODE = 'foreign_key_violation';
          END IF;
          RETURN OLD;
        END $$ LANGUAGE plpgsql`)
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_results_guard BEFORE DELETE ON ${table} ` +
          `FOR EACH ROW EXECUTE FUNCTION dxboard_${table}_results_guard()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const { table, column } of GUARDS) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_results_guard ON ${table}`).execute(db);
    await sql.raw(`DROP FUNCTION IF EXISTS dxboard_${table}_results_guard()`).execute(db);
    await sql
      .raw(`ALTER TABLE contest_results ADD FOREIGN KEY (${column}) REFERENCES ${table} (id)`)
      .execute(db);
  }
}
