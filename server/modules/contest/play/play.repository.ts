import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { ContestAttemptsTable } from '../../../db/schema-contest.js';
import type { AttemptRow } from '../contest.repository.js';

// The play hot path's statements over many attempts at once: the autosaves and submissions of one group commit
// go as one UPDATE each (server/lib/group-commit.ts, `each`), and the attempts of the requests handled in one
// turn of the event loop are read with one SELECT. The same SQL runs on SQLite (3.33+: UPDATE … FROM, 3.35+:
// RETURNING) and PostgreSQL; VALUES columns are column1, column2, … on both, cast so PostgreSQL knows their types.

export type SubmitWrite = {
  id: number;
  score: number;
  submittedAt: string;
  durationMs: number;
  late: number;
  /** null: keep the saved answers (a late attempt is finished with what was stored). */
  answersJson: string | null;
  /** undefined: keep the saved prediction. */
  prediction: number | null | undefined;
};

export type SaveWrite = { id: number; answersJson: string; prediction: number | null | undefined };

/** Attempts `ids` with their owner's token hash (the caller keeps only those of the token it was given). */
export function attemptsWithOwner(ids: number[], exec: Executor) {
  return exec
    .selectFrom('contestAttempts as a')
    .innerJoin('contestParticipants as p', 'p.id', 'a.participantId')
    .selectAll('a')
    .select('p.tokenHash as ownerTokenHash')
    .where('a.id', 'in', ids)
    .execute() as Promise<(AttemptRow & { ownerTokenHash: string })[]>;
}

/**
 * Submits attempts still open, each with its own values: the ids that moved 'open' → 'submitted' (the others
 * were submitted already). Distinct ids only (the caller decides what a repeated one means).
 */
export async function submitMany(writes: SubmitWrite[], exec: Executor): Promise<Set<number>> {
  const rows = writes.map(
    (w) =>
      sql`(cast(${w.id} as integer), cast(${w.score} as integer), cast(${w.submittedAt} as text),
        cast(${w.durationMs} as integer), cast(${w.late} as integer), cast(${w.answersJson} as text),
        cast(${w.prediction === undefined ? 0 : 1} as integer), cast(${w.prediction ?? null} as integer))`,
  );
  const r = await sql<{ id: number }>`
    update contest_attempts as a
    set status = 'submitted', score = v.column2, submitted_at = v.column3, duration_ms = v.column4,
      late = v.column5, answers_json = coalesce(v.column6, a.answers_json),
      prediction = case when v.column7 = 1 then v.column8 else a.prediction end
    from (values ${sql.join(rows)}) as v
    where a.id = v.column1 and a.status = 'open'
    returning id`.execute(exec);
  return new Set(r.rows.map((x) => Number(x.id)));
}

/** Saves answers (and the prediction when given) of attempts still open: the ids saved. Distinct ids only. */
export async function saveMany(writes: SaveWrite[], exec: Executor): Promise<Set<number>> {
  const rows = writes.map(
    (w) =>
      sql`(cast(${w.id} as integer), cast(${w.answersJson} as text),
        cast(${w.prediction === undefined ? 0 : 1} as integer), cast(${w.prediction ?? null} as integer))`,
  );
  const r = await sql<{ id: number }>`
    update contest_attempts as a
    set answers_json = v.column2, prediction = case when v.column3 = 1 then v.column4 else a.prediction end
    from (values ${sql.join(rows)}) as v
    where a.id = v.column1 and a.status = 'open'
    returning id`.execute(exec);
  return new Set(r.rows.map((x) => Number(x.id)));
}

/**
 * A start's first read: the contest's head (status, closed rounds; its configuration is cached per process)
 * and the token's participant in it, if any, in one statement.
 */
export function startContext(slug: string, tokenHash: string, exec: Executor) {
  return exec
    .selectFrom('contests as c')
    .leftJoin('contestParticipants as p', (j) =>
      j.onRef('p.contestId', '=', 'c.id').on('p.tokenHash', '=', tokenHash),
    )
    .select([
      'c.id',
      'c.status',
      'c.unitId',
      'c.closedRoundsJson',
      'p.id as participantId',
      'p.groupKey',
      'p.verified',
    ])
    .where('c.slug', '=', slug)
    .executeTakeFirst();
}

/** New attempts in one INSERT: their ids, in the order given (matched on the (participant, round, seq) key). */
export async function insertAttempts(values: Insertable<ContestAttemptsTable>[], exec: Executor) {
  const rows = await exec
    .insertInto('contestAttempts')
    .values(values)
    .returning(['id', 'participantId', 'roundKey', 'seq'])
    .execute();
  const idOf = new Map(rows.map((r) => [`${r.participantId}:${r.roundKey}:${r.seq}`, r.id]));
  return values.map((v) => {
    const id = idOf.get(`${v.participantId}:${v.roundKey}:${v.seq}`);
    if (id === undefined) throw new Error('insertAttempts: a row came back without its key');
    return id;
  });
}
