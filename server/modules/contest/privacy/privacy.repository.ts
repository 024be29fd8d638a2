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
    /**
     * Registration keys (id order, after `afterId`) not under the current index key (`<key id>.` prefix), with the
     * participant's stored values they were computed from. Single sign-on keys are left out: the subject is not
     * stored with the participant, so those keep their key (docs/operations.md: keep a retired key in the ring
     * while its contests run).
     */
    staleRegistrationKeys(afterId: number, currentKeyId: string, limit: number, exec: Reader = db) {
      return exec
        .selectFrom('contestRegistrationKeys as k')
        .innerJoin('contestParticipants as p', 'p.id', 'k.participantId')
        .select([
          'k.id',
          'k.contestId',
          'k.field',
          'p.fullName',
          'p.phone',
          'p.cccd',
          'p.email',
          'p.birthDate',
          'p.gender',
          'p.unitId',
          'p.address',
        ])
        .where('k.id', '>', afterId)
        .where('k.field', '!=', 'sso')
        .where('k.valueHash', 'not like', `${currentKeyId}.%`)
        .orderBy('k.id')
        .limit(limit)
        .execute();
    },
    async setRegistrationKey(id: number, valueHash: string, exec: Executor = db) {
      await exec.updateTable('contestRegistrationKeys').set({ valueHash }).where('id', '=', id).execute();
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
    /** Closed contests (with their configuration: each may set its own retention) that still hold CCCD or phone. */
    closedContestsHoldingPersonalData(exec: Reader = db) {
      return exec
        .selectFrom('contests as c')
        .select(['c.id', 'c.unitId', 'c.title', 'c.closedAt', 'c.configJson'])
        .where('c.status', '=', 'closed')
        .where('c.closedAt', 'is not', null)
        .where((e) =>
          e.exists(
            e
              .selectFrom('contestParticipants as p')
              .select('p.id')
              .whereRef('p.contestId', '=', 'c.id')
              .where((w) => w.or([w('p.phone', 'is not', null), w('p.cccd', 'is not', null)])),
          ),
        )
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
