import type { Executor, Reader } from '../../../db/executor.js';

// Kysely queries of the contest's outputs (item statistics, certificates). No rules here.

export function createOutputsRepository(db: Executor) {
  return {
    /** A page of a round's submitted attempts (the draw and the answers), by id after `afterId`. */
    roundAttemptsPage(
      contestId: number,
      from: string,
      to: string,
      afterId: number,
      limit: number,
      exec: Reader = db,
    ) {
      return exec
        .selectFrom('contestAttempts')
        .select(['id', 'drawJson', 'answersJson'])
        .where('contestId', '=', contestId)
        .where('status', '=', 'submitted')
        .where('startedAt', '>=', from)
        .where('startedAt', '<', to)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
    },
    roundClosedAt(contestId: number, roundKey: string, exec: Reader = db) {
      return exec
        .selectFrom('contestRoundTruths')
        .select('closedAt')
        .where('contestId', '=', contestId)
        .where('roundKey', '=', roundKey)
        .executeTakeFirst();
    },
    /** A person's standing in a closed round (with the unit's name), or undefined. */
    standing(contestId: number, roundKey: string, participantId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestResults as r')
        .innerJoin('contestParticipants as p', 'p.id', 'r.participantId')
        .leftJoin('units as u', 'u.id', 'p.unitId')
        .select(['r.roundKey', 'r.groupKey', 'r.rank', 'r.prize', 'p.fullName', 'u.name as unitName'])
        .where('r.contestId', '=', contestId)
        .where('r.roundKey', '=', roundKey)
        .where('r.participantId', '=', participantId)
        .executeTakeFirst();
    },
    /** A closed round's prize winners with what a certificate prints, by group and rank. */
    prizeWinners(contestId: number, roundKey: string, exec: Reader = db) {
      return exec
        .selectFrom('contestResults as r')
        .innerJoin('contestParticipants as p', 'p.id', 'r.participantId')
        .leftJoin('units as u', 'u.id', 'p.unitId')
        .select([
          'r.participantId',
          'r.roundKey',
          'r.groupKey',
          'r.rank',
          'r.prize',
          'p.fullName',
          'p.isDemo',
          'u.name as unitName',
        ])
        .where('r.contestId', '=', contestId)
        .where('r.roundKey', '=', roundKey)
        .where('r.prize', 'is not', null)
        .orderBy('r.groupKey')
        .orderBy('r.rank')
        .execute();
    },
    standingsOf(participantId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestResults')
        .select(['roundKey', 'groupKey', 'rank', 'prize'])
        .where('participantId', '=', participantId)
        .orderBy('roundKey')
        .execute();
    },
    certificateOf(contestId: number, roundKey: string, participantId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestCertificates')
        .selectAll()
        .where('contestId', '=', contestId)
        .where('roundKey', '=', roundKey)
        .where('participantId', '=', participantId)
        .executeTakeFirst();
    },
    certificateByCode(code: string, exec: Reader = db) {
      return exec.selectFrom('contestCertificates').selectAll().where('code', '=', code).executeTakeFirst();
    },
    async insertCertificate(
      row: {
        contestId: number;
        roundKey: string;
        participantId: number;
        code: string;
        issuedAt: string;
        isDemo: number;
      },
      exec: Executor = db,
    ) {
      await exec.insertInto('contestCertificates').values(row).execute();
    },
  };
}
export type OutputsRepository = ReturnType<typeof createOutputsRepository>;
