import type { Insertable, Kysely, Selectable } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Executor, Reader } from '../../db/executor.js';
import { arrayRows, nativeDialectOf, placeholder } from '../../db/native-rows.js';
import type { DB } from '../../db/schema.js';
import type {
  ContestAttemptsTable,
  ContestParticipantsTable,
  ContestsTable,
} from '../../db/schema-contest.js';

// Kysely queries of the contest module (bank, contests, participants, attempts, results). No rules here.

export type ContestRow = Selectable<ContestsTable>;
export type ParticipantRow = Selectable<ContestParticipantsTable>;
export type AttemptRow = Selectable<ContestAttemptsTable>;

const RESULT_COLUMNS = [
  { name: 'contest_id', pgType: 'int4' },
  { name: 'round_key', pgType: 'text' },
  { name: 'group_key', pgType: 'text' },
  { name: 'participant_id', pgType: 'int4' },
  { name: 'attempt_id', pgType: 'int4' },
  { name: 'rank', pgType: 'int4' },
  { name: 'prediction_distance', pgType: 'int4' },
  { name: 'prize', pgType: 'text' },
] as const;

export function createContestRepository(db: Executor) {
  // The round close reads a million attempts and writes half a million results: those two go through the
  // drivers' array rows and bulk insert (server/db/native-rows.ts, bulk-insert.ts), not per-row objects.
  const kysely = db as Kysely<DB>;
  const ph = (n: number) => placeholder(nativeDialectOf(kysely), n);
  return {
    // ── question bank ──
    async categoryId(unitId: number, name: string, now: string, exec: Executor = db): Promise<number> {
      const found = await exec
        .selectFrom('contestCategories')
        .select('id')
        .where('unitId', '=', unitId)
        .where('name', '=', name)
        .executeTakeFirst();
      if (found) return found.id;
      const row = await exec
        .insertInto('contestCategories')
        .values({ unitId, name, createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    categories(unitId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestCategories as c')
        .leftJoin('contestQuestions as q', (j) =>
          j.onRef('q.categoryId', '=', 'c.id').on('q.archived', '=', 0),
        )
        .select((e) => ['c.id', 'c.name', e.fn.count<number>('q.id').as('questions')])
        .where('c.unitId', '=', unitId)
        .groupBy(['c.id', 'c.name'])
        .orderBy('c.name')
        .execute();
    },
    insertQuestion(
      values: Insertable<import('../../db/schema-contest.js').ContestQuestionsTable>,
      exec: Executor = db,
    ) {
      return exec.insertInto('contestQuestions').values(values).returning('id').executeTakeFirstOrThrow();
    },
    questions(
      unitId: number,
      opts: { categoryId?: number; includeArchived?: boolean } = {},
      exec: Reader = db,
    ) {
      let q = exec
        .selectFrom('contestQuestions as q')
        .innerJoin('contestCategories as c', 'c.id', 'q.categoryId')
        .selectAll('q')
        .select('c.name as category')
        .where('q.unitId', '=', unitId);
      if (opts.categoryId) q = q.where('q.categoryId', '=', opts.categoryId);
      if (!opts.includeArchived) q = q.where('q.archived', '=', 0);
      return q.orderBy('q.id').execute();
    },
    question(id: number, exec: Reader = db) {
      return exec
        .selectFrom('contestQuestions as q')
        .innerJoin('contestCategories as c', 'c.id', 'q.categoryId')
        .selectAll('q')
        .select('c.name as category')
        .where('q.id', '=', id)
        .executeTakeFirst();
    },
    async archiveQuestion(id: number, now: string, exec: Executor = db) {
      await exec
        .updateTable('contestQuestions')
        .set({ archived: 1, updatedAt: now })
        .where('id', '=', id)
        .execute();
    },

    // ── contests ──
    contest(id: number, exec: Reader = db) {
      return exec.selectFrom('contests').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /**
     * Locks the contest's row until the transaction ends (PostgreSQL; SQLite has one writer at a time): a round
     * close takes it before reading the attempts, and the delete guards of contest_results wait on it
     * (migration 2026-12-07-1300).
     */
    async lockContest(id: number, exec: Executor) {
      if (nativeDialectOf(kysely) !== 'postgres') return;
      await exec.selectFrom('contests').select('id').where('id', '=', id).forUpdate().execute();
    },
    contestBySlug(slug: string, exec: Reader = db) {
      return exec.selectFrom('contests').selectAll().where('slug', '=', slug).executeTakeFirst();
    },
    slugTaken(slug: string, exceptId: number | null, exec: Reader = db) {
      let q = exec.selectFrom('contests').select('id').where('slug', '=', slug);
      if (exceptId) q = q.where('id', '!=', exceptId);
      return q.executeTakeFirst().then(Boolean);
    },
    insertContest(values: Insertable<ContestsTable>, exec: Executor = db) {
      return exec.insertInto('contests').values(values).returning('id').executeTakeFirstOrThrow();
    },
    async updateContest(id: number, set: Partial<Insertable<ContestsTable>>, exec: Executor = db) {
      await exec.updateTable('contests').set(set).where('id', '=', id).execute();
    },
    /** Moves the status only from the expected one: returns false when another request got there first. */
    async transition(
      id: number,
      from: ContestRow['status'],
      set: Partial<Insertable<ContestsTable>>,
      exec: Executor = db,
    ) {
      const r = await exec
        .updateTable('contests')
        .set(set)
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    contestsIn(scopeRoots: number[] | 'all', exec: Reader = db) {
      let q = exec
        .selectFrom('contests as c')
        .innerJoin('units as u', 'u.id', 'c.unitId')
        .selectAll('c')
        .select('u.name as unitName');
      if (scopeRoots !== 'all') {
        if (scopeRoots.length === 0) return Promise.resolve([]);
        q = q.where('c.unitId', 'in', (s) =>
          s.selectFrom('unitClosure').select('descendantId').where('ancestorId', 'in', scopeRoots),
        );
      }
      return q.orderBy('c.id', 'desc').execute();
    },
    unitName(unitId: number, exec: Reader = db) {
      return exec
        .selectFrom('units')
        .select(['name'])
        .where('id', '=', unitId)
        .executeTakeFirst()
        .then((r) => r?.name ?? null);
    },
    /** Open contests, newest first, with their participant counts (the public portal's list). */
    openContests(exec: Reader = db) {
      return exec
        .selectFrom('contests as c')
        .select((e) => [
          'c.id',
          'c.slug',
          'c.title',
          'c.openedAt',
          e
            .selectFrom('contestParticipants as p')
            .select((x) => x.fn.countAll().as('n'))
            .whereRef('p.contestId', '=', 'c.id')
            .as('participants'),
        ])
        .where('c.status', '=', 'open')
        .orderBy('c.openedAt', 'desc')
        .orderBy('c.id', 'desc')
        .execute();
    },
    async counts(contestId: number, exec: Reader = db) {
      const p = await exec
        .selectFrom('contestParticipants')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('contestId', '=', contestId)
        .executeTakeFirstOrThrow();
      const a = await exec
        .selectFrom('contestAttempts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('contestId', '=', contestId)
        .executeTakeFirstOrThrow();
      return { participants: Number(p.n), attempts: Number(a.n) };
    },
    /** Units in the subtree of `root` whose name folds to contain `folded` (the registration's unit picker). */
    searchUnits(root: number, folded: string, exec: Reader = db) {
      return exec
        .selectFrom('units as u')
        .innerJoin('unitClosure as c', 'c.descendantId', 'u.id')
        .select(['u.id', 'u.name'])
        .where('c.ancestorId', '=', root)
        .where('c.viaLineage', '=', 0)
        .where('u.validTo', 'is', null)
        .where('u.searchName', 'like', `%${folded.replace(/[%_\\]/g, '')}%`)
        .orderBy('u.name')
        .limit(20)
        .execute();
    },
    isInSubtree(root: number, unitId: number, exec: Reader = db) {
      return exec
        .selectFrom('unitClosure')
        .select('descendantId')
        .where('ancestorId', '=', root)
        .where('descendantId', '=', unitId)
        .executeTakeFirst()
        .then(Boolean);
    },

    // ── participants ──
    insertParticipant(values: Insertable<ContestParticipantsTable>, exec: Executor = db) {
      return exec.insertInto('contestParticipants').values(values).returning('id').executeTakeFirstOrThrow();
    },
    insertRegistrationKeys(
      rows: { contestId: number; field: string; valueHash: string; participantId: number }[],
      exec: Executor = db,
    ) {
      return rows.length
        ? exec.insertInto('contestRegistrationKeys').values(rows).execute()
        : Promise.resolve();
    },
    /** The fields among `keys` whose value is already registered in the contest, under any of its indexes. */
    async takenRegistrationKeys(
      contestId: number,
      keys: { field: string; hashes: string[] }[],
      exec: Reader = db,
    ): Promise<string[]> {
      if (keys.length === 0) return [];
      const rows = await exec
        .selectFrom('contestRegistrationKeys')
        .select('field')
        .distinct()
        .where('contestId', '=', contestId)
        .where((e) =>
          e.or(keys.map((k) => e.and([e('field', '=', k.field), e('valueHash', 'in', k.hashes)]))),
        )
        .execute();
      return rows.map((r) => r.field);
    },
    participantByToken(contestId: number, tokenHash: string, exec: Reader = db) {
      return exec
        .selectFrom('contestParticipants')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('contestId', '=', contestId)
        .executeTakeFirst();
    },
    /** A contest's head without its configuration and frozen questions (those are cached per process). */
    contestHeadBySlug(slug: string, exec: Reader = db) {
      return exec
        .selectFrom('contests')
        .select(['id', 'slug', 'status', 'unitId', 'updatedAt', 'closedRoundsJson'])
        .where('slug', '=', slug)
        .executeTakeFirst();
    },
    /** Attempt `id` if the token's holder made it: the one read of an autosave or a submission. */
    attemptOfToken(id: number, tokenHash: string, exec: Reader = db) {
      return exec
        .selectFrom('contestAttempts as a')
        .innerJoin('contestParticipants as p', 'p.id', 'a.participantId')
        .selectAll('a')
        .where('a.id', '=', id)
        .where('p.tokenHash', '=', tokenHash)
        .executeTakeFirst();
    },
    participantByTokenAnyContest(tokenHash: string, exec: Reader = db) {
      return exec
        .selectFrom('contestParticipants')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
    },
    async updateParticipant(
      id: number,
      set: Partial<Insertable<ContestParticipantsTable>>,
      exec: Executor = db,
    ) {
      await exec.updateTable('contestParticipants').set(set).where('id', '=', id).execute();
    },
    participantsOf(contestId: number, ids: number[], exec: Reader = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return exec
        .selectFrom('contestParticipants as p')
        .leftJoin('units as u', 'u.id', 'p.unitId')
        .select([
          'p.id',
          'p.fullName',
          'p.email',
          'p.phone',
          'p.cccd',
          'p.unitId',
          'p.groupKey',
          'u.name as unitName',
        ])
        .where('p.contestId', '=', contestId)
        .where('p.id', 'in', ids)
        .execute();
    },

    // ── attempts ──
    attemptCount(participantId: number, roundKey: string, exec: Reader = db) {
      return exec
        .selectFrom('contestAttempts')
        .select((e) => e.fn.max('seq').as('seq'))
        .where('participantId', '=', participantId)
        .where('roundKey', '=', roundKey)
        .executeTakeFirst()
        .then((r) => Number(r?.seq ?? 0));
    },
    /** A person's attempts in a round (a handful): the open one and the next sequence number in one read. */
    attemptsInRound(participantId: number, roundKey: string, exec: Reader = db) {
      return exec
        .selectFrom('contestAttempts')
        .selectAll()
        .where('participantId', '=', participantId)
        .where('roundKey', '=', roundKey)
        .execute();
    },
    openAttempt(participantId: number, roundKey: string, exec: Reader = db) {
      return exec
        .selectFrom('contestAttempts')
        .selectAll()
        .where('participantId', '=', participantId)
        .where('roundKey', '=', roundKey)
        .where('status', '=', 'open')
        .executeTakeFirst();
    },
    insertAttempt(values: Insertable<ContestAttemptsTable>, exec: Executor = db) {
      return exec.insertInto('contestAttempts').values(values).returning('id').executeTakeFirstOrThrow();
    },
    attempt(id: number, exec: Reader = db) {
      return exec.selectFrom('contestAttempts').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Saves answers only while the attempt is open (a conditional update: nothing after the submission). */
    async saveAnswers(
      id: number,
      answersJson: string,
      prediction: number | null | undefined,
      exec: Executor = db,
    ) {
      const set: Partial<Insertable<ContestAttemptsTable>> = { answersJson };
      if (prediction !== undefined) set.prediction = prediction;
      const r = await exec
        .updateTable('contestAttempts')
        .set(set)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** The one submission: only the request that moves 'open' → 'submitted' wins. */
    async submit(id: number, set: Partial<Insertable<ContestAttemptsTable>>, exec: Executor = db) {
      const r = await exec
        .updateTable('contestAttempts')
        .set({ ...set, status: 'submitted' })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    attemptsOfParticipant(participantId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestAttempts')
        .selectAll()
        .where('participantId', '=', participantId)
        .orderBy('id')
        .execute();
    },
    /** Open attempts whose deadline (plus grace) has passed: finished at close with their saved answers. */
    expiredOpenAttempts(contestId: number, before: string, exec: Reader = db) {
      return exec
        .selectFrom('contestAttempts')
        .selectAll()
        .where('contestId', '=', contestId)
        .where('status', '=', 'open')
        .where('deadlineAt', '<', before)
        .execute();
    },
    /** Submitted attempts started in [from, to), with the fields ranking needs. */
    async submittedBetween(contestId: number, from: string, to: string, exec: Executor = db) {
      const rows = await arrayRows(
        kysely,
        `select a.id, a.participant_id, p.group_key, p.unit_id, a.score, a.total, a.prediction, a.duration_ms,
           a.started_at, a.submitted_at
         from contest_attempts a inner join contest_participants p on p.id = a.participant_id
         where a.contest_id = ${ph(1)} and a.status = 'submitted' and a.started_at >= ${ph(2)}
           and a.started_at < ${ph(3)}`,
        [contestId, from, to],
        exec,
      );
      return rows.map((r) => ({
        id: r[0] as number,
        participantId: r[1] as number,
        groupKey: r[2] as string,
        unitId: r[3] as number | null,
        score: r[4] as number | null,
        total: r[5] as number,
        prediction: r[6] as number | null,
        durationMs: r[7] as number | null,
        startedAt: r[8] as string,
        submittedAt: r[9] as string | null,
      }));
    },

    // ── results ──
    async replaceRoundResults(
      contestId: number,
      roundKey: string,
      truth: number | null,
      rows: {
        groupKey: string;
        participantId: number;
        attemptId: number;
        rank: number;
        predictionDistance: number | null;
        prize: string | null;
      }[],
      now: string,
      exec: Executor = db,
    ) {
      await exec
        .deleteFrom('contestResults')
        .where('contestId', '=', contestId)
        .where('roundKey', '=', roundKey)
        .execute();
      await exec
        .deleteFrom('contestRoundTruths')
        .where('contestId', '=', contestId)
        .where('roundKey', '=', roundKey)
        .execute();
      await exec
        .insertInto('contestRoundTruths')
        .values({ contestId, roundKey, truth, closedAt: now })
        .execute();
      await bulkInsert(kysely, exec, 'contest_results', RESULT_COLUMNS, [
        rows.map(() => contestId),
        rows.map(() => roundKey),
        rows.map((r) => r.groupKey),
        rows.map((r) => r.participantId),
        rows.map((r) => r.attemptId),
        rows.map((r) => r.rank),
        rows.map((r) => r.predictionDistance),
        rows.map((r) => r.prize),
      ]);
    },
    resultCount(contestId: number, roundKey: string, exec: Reader = db) {
      return exec
        .selectFrom('contestResults')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('contestId', '=', contestId)
        .where('roundKey', '=', roundKey)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },
    /** The people of a closed round who gave an email, with what their result message says. */
    async resultsToNotify(contestId: number, roundKey: string, exec: Reader = db) {
      // Most people register without an email: when no one in the contest gave one, the join of the round's
      // results with their attempts and participants (half a million rows at scale) is skipped.
      const anyEmail = await exec
        .selectFrom('contestParticipants')
        .select('id')
        .where('contestId', '=', contestId)
        .where('email', 'is not', null)
        .limit(1)
        .executeTakeFirst();
      if (!anyEmail) return [];
      return exec
        .selectFrom('contestResults as r')
        .innerJoin('contestAttempts as a', 'a.id', 'r.attemptId')
        .innerJoin('contestParticipants as p', 'p.id', 'r.participantId')
        .select(['r.participantId', 'r.rank', 'r.prize', 'p.email', 'a.score', 'a.total'])
        .where('r.contestId', '=', contestId)
        .where('r.roundKey', '=', roundKey)
        .where('p.email', 'is not', null)
        .execute();
    },
    roundTruths(contestId: number, exec: Reader = db) {
      return exec.selectFrom('contestRoundTruths').selectAll().where('contestId', '=', contestId).execute();
    },
    results(contestId: number, roundKey: string, groupKey: string | null, limit: number, exec: Reader = db) {
      let q = exec
        .selectFrom('contestResults as r')
        .innerJoin('contestAttempts as a', 'a.id', 'r.attemptId')
        .innerJoin('contestParticipants as p', 'p.id', 'r.participantId')
        .leftJoin('units as u', 'u.id', 'p.unitId')
        .select([
          'r.rank',
          'r.participantId',
          'r.groupKey',
          'r.prize',
          'r.predictionDistance',
          'p.fullName',
          'p.email',
          'p.phone',
          'p.cccd',
          'u.name as unitName',
          'a.score',
          'a.total',
          'a.prediction',
          'a.durationMs',
          'a.submittedAt',
        ])
        .where('r.contestId', '=', contestId)
        .where('r.roundKey', '=', roundKey);
      if (groupKey) q = q.where('r.groupKey', '=', groupKey);
      return q.orderBy('r.groupKey').orderBy('r.rank').limit(limit).execute();
    },
    resultsOfParticipant(participantId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestResults')
        .select(['roundKey', 'rank', 'prize'])
        .where('participantId', '=', participantId)
        .execute();
    },
    awardsOf(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestResults as r')
        .innerJoin('contestParticipants as p', 'p.id', 'r.participantId')
        .select(['r.prize', 'p.unitId'])
        .where('r.contestId', '=', contestId)
        .where('r.prize', 'is not', null)
        .execute();
    },
    async replaceCollective(
      contestId: number,
      rows: {
        unitId: number;
        participants: number;
        headcount: number | null;
        prizePoints: number;
        score: number | null;
        rank: number | null;
        prize: string | null;
      }[],
      exec: Executor = db,
    ) {
      await exec.deleteFrom('contestCollective').where('contestId', '=', contestId).execute();
      for (let i = 0; i < rows.length; i += 500)
        await exec
          .insertInto('contestCollective')
          .values(rows.slice(i, i + 500).map((r) => ({ ...r, contestId })))
          .execute();
    },
    collective(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestCollective as c')
        .innerJoin('units as u', 'u.id', 'c.unitId')
        .selectAll('c')
        .select('u.name as unitName')
        .where('c.contestId', '=', contestId)
        .orderBy((e) => e.case().when('c.rank', 'is', null).then(1).else(0).end())
        .orderBy('c.rank')
        .orderBy('c.unitId')
        .execute();
    },

    // ── participation ──
    // Attempts are counted per participant first and then summed: a join of every participant with every
    // attempt and count(distinct participant) sorts the whole join (a million attempts at a round's close).
    participationByUnit(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestParticipants as p')
        .leftJoin(
          (eb) =>
            eb
              .selectFrom('contestAttempts')
              .select((e) => ['participantId', e.fn.countAll<number>().as('n')])
              .where('contestId', '=', contestId)
              .groupBy('participantId')
              .as('x'),
          (j) => j.onRef('x.participantId', '=', 'p.id'),
        )
        .select((e) => [
          'p.unitId',
          e.fn.countAll<number>().as('participants'),
          e.fn.coalesce(e.fn.sum<number>('x.n'), e.lit(0)).as('attempts'),
        ])
        .where('p.contestId', '=', contestId)
        .where('p.unitId', 'is not', null)
        .groupBy('p.unitId')
        .execute();
    },
    participationByGroup(contestId: number, exec: Reader = db) {
      return exec
        .selectFrom('contestParticipants as p')
        .leftJoin(
          (eb) =>
            eb
              .selectFrom('contestAttempts')
              .select((e) => ['participantId', e.fn.countAll<number>().as('n')])
              .where('contestId', '=', contestId)
              .groupBy('participantId')
              .as('x'),
          (j) => j.onRef('x.participantId', '=', 'p.id'),
        )
        .select((e) => [
          'p.groupKey',
          e.fn.countAll<number>().as('participants'),
          e.fn.coalesce(e.fn.sum<number>('x.n'), e.lit(0)).as('attempts'),
        ])
        .where('p.contestId', '=', contestId)
        .groupBy('p.groupKey')
        .execute();
    },
    /** Units below `root` (departments and communes: the levels people register with) and their latest headcount. */
    async unitsWithHeadcount(root: number, exec: Reader = db) {
      const units = await exec
        .selectFrom('units as u')
        .innerJoin('unitClosure as c', 'c.descendantId', 'u.id')
        .select(['u.id', 'u.name', 'u.kind', 'u.type', 'u.level'])
        .where('c.ancestorId', '=', root)
        .where('c.viaLineage', '=', 0)
        .where('c.depth', '>', 0)
        .where('u.validTo', 'is', null)
        .execute();
      const ids = units.map((u) => u.id);
      const heads = ids.length
        ? await exec
            .selectFrom('unitHeadcounts')
            .select(['unitId', 'metric', 'asOf', 'value'])
            .where('unitId', 'in', ids)
            .orderBy('asOf', 'desc')
            .execute()
        : [];
      return units.map((u) => ({ ...u, heads: heads.filter((h) => h.unitId === u.id) }));
    },
  };
}
export type ContestRepository = ReturnType<typeof createContestRepository>;
