import type { Insertable } from 'kysely';
import type { Executor, Reader } from '../../../db/executor.js';
import type { ContestFlagsTable } from '../../../db/schema-contest-review.js';

// Queries of the suspicion review: what the play path recorded (read off the hot path, by the job), the flags
// (stored once per contest, kind and subject), and their review. No rules here.

export type ReviewRepository = ReturnType<typeof createReviewRepository>;

export function createReviewRepository(db: Executor) {
  return {
    contestsToScan(closedSince: string, exec: Reader = db) {
      return exec
        .selectFrom('contests')
        .selectAll()
        .where((e) => e.or([e('status', '=', 'open'), e('closedAt', '>=', closedSince)]))
        .execute();
    },
    /**
     * What the suspicion rules read, summarised: participants (count, newest) and submitted attempts (count, latest
     * submission). The rules depend on those rows only, so an unchanged summary means an unchanged result.
     */
    async scanInputs(contestId: number, exec: Reader = db): Promise<string> {
      const [p, a] = await Promise.all([
        exec
          .selectFrom('contestParticipants')
          .select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('id').as('last')])
          .where('contestId', '=', contestId)
          .executeTakeFirst(),
        exec
          .selectFrom('contestAttempts')
          .select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('submittedAt').as('last')])
          .where('contestId', '=', contestId)
          .where('status', '=', 'submitted')
          .executeTakeFirst(),
      ]);
      return `${Number(p?.n ?? 0)}:${p?.last ?? ''}:${Number(a?.n ?? 0)}:${a?.last ?? ''}`;
    },
    participants(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestParticipants')
        .select(['id', 'createdAt', 'ip', 'deviceHash'])
        .where('contestId', '=', contestId)
        .execute();
    },
    submittedAttempts(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestAttempts')
        .select(['id', 'participantId', 'roundKey', 'answersJson', 'durationMs', 'score', 'total', 'ip'])
        .where('contestId', '=', contestId)
        .where('status', '=', 'submitted')
        .execute();
    },
    /** Inserts the flags not stored yet; the number inserted. */
    async insertFlags(rows: Insertable<ContestFlagsTable>[], exec: Executor = db): Promise<number> {
      let n = 0;
      for (const row of rows) {
        const r = await exec
          .insertInto('contestFlags')
          .values(row)
          .onConflict((oc) => oc.columns(['contestId', 'kind', 'subject']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (r) n++;
      }
      return n;
    },
    flags(contestId: number, status: string | undefined, exec: Reader = db) {
      let q = exec.selectFrom('contestFlags').selectAll().where('contestId', '=', contestId);
      if (status) q = q.where('status', '=', status as 'open');
      return q.orderBy('id').limit(1000).execute();
    },
    flagCounts(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestFlags')
        .select(['status', (e) => e.fn.countAll().as('n')])
        .where('contestId', '=', contestId)
        .groupBy('status')
        .execute();
    },
    flag(id: number, exec: Reader = db) {
      return exec
        .selectFrom('contestFlags as f')
        .innerJoin('contests as c', 'c.id', 'f.contestId')
        .selectAll('f')
        .select('c.unitId')
        .where('f.id', '=', id)
        .executeTakeFirst();
    },
    async review(
      id: number,
      set: {
        status: 'cleared' | 'confirmed';
        note: string;
        excludeFromPrizes: number;
        reviewedBy: number | null;
        reviewedAt: string;
      },
      exec: Executor = db,
    ) {
      await exec.updateTable('contestFlags').set(set).where('id', '=', id).execute();
    },
    participantNames(ids: number[], exec: Reader = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return exec
        .selectFrom('contestParticipants as p')
        .leftJoin('units as u', 'u.id', 'p.unitId')
        .select(['p.id', 'p.fullName', 'u.name as unitName'])
        .where('p.id', 'in', ids)
        .execute();
    },
    /** The participants an organiser excluded from prizes by confirming a flag. */
    excludedFromPrizes(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestFlags')
        .select('participantIdsJson')
        .where('contestId', '=', contestId)
        .where('status', '=', 'confirmed')
        .where('excludeFromPrizes', '=', 1)
        .execute()
        .then((rows) => new Set(rows.flatMap((r) => JSON.parse(r.participantIdsJson) as number[])));
    },
  };
}
