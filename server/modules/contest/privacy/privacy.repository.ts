import type { Executor, Reader } from '../../../db/executor.js';

// Queries of the contest's personal-data care: the sealed columns (CCCD, phone) read in batches for sealing and
// for the organiser's export, and their erasure once a closed contest's retention has passed. No rules here.

export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;

export function createPrivacyRepository(db: Executor) {
  return {
    /** Participants (id order, after `afterId`) holding a CCCD or a phone. */
    withPersonalData(afterId: number, limit: number, exec: Reader = db) {
      return exec
        .selectFrom('contestParticipants')
        .select(['id', 'phone', 'cccd'])
        .where('id', '>', afterId)
        .where((e) => e.or([e('phone', 'is not', null), e('cccd', 'is not', null)]))
        .orderBy('id')
        .limit(limit)
        .execute();
    },
    async setSealed(id: number, set: { phone?: string | null; cccd?: string | null }, exec: Executor = db) {
      await exec.updateTable('contestParticipants').set(set).where('id', '=', id).execute();
    },
    participantsForExport(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestParticipants as p')
        .leftJoin('units as u', 'u.id', 'p.unitId')
        .select([
          'p.id',
          'p.fullName',
          'p.groupKey',
          'u.name as unitName',
          'p.cccd',
          'p.phone',
          'p.email',
          'p.birthDate',
          'p.verified',
          'p.createdAt',
        ])
        .where('p.contestId', '=', contestId)
        .orderBy('p.id')
        .execute();
    },
    closedContestsBefore(closedBefore: string, exec: Reader = db) {
      return exec
        .selectFrom('contests')
        .select(['id', 'unitId', 'title', 'closedAt'])
        .where('status', '=', 'closed')
        .where('closedAt', 'is not', null)
        .where('closedAt', '<=', closedBefore)
        .execute();
    },
    /** Clears CCCD and phone (and their uniqueness hashes) of a contest's participants; the number cleared. */
    async erasePersonalData(contestId: number, exec: Executor = db): Promise<number> {
      const r = await exec
        .updateTable('contestParticipants')
        .set({ phone: null, cccd: null })
        .where('contestId', '=', contestId)
        .where((e) => e.or([e('phone', 'is not', null), e('cccd', 'is not', null)]))
        .executeTakeFirst();
      await exec
        .deleteFrom('contestRegistrationKeys')
        .where('contestId', '=', contestId)
        .where('field', 'in', ['phone', 'cccd'])
        .execute();
      return Number(r.numUpdatedRows);
    },
  };
}
