import { DrawError, drawQuestions } from '../../../../core/contest/draw.js';
import { maskName } from '../../../../core/contest/registration.js';
import { hasEnded, vietnamLocalToUtc } from '../../../../core/contest/rounds.js';
import { rulesSummary } from '../../../../core/contest/summary.js';
import type { ContestConfig, ContestResults, ContestView } from '../../../../core/contracts/contest.js';
import { ContestConfigSchema } from '../../../../core/contracts/contest.js';
import type { Executor } from '../../../db/executor.js';
import { moduleRevisions } from '../../../db/revisions.js';
import { scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, validation } from '../../../lib/errors.js';
import { canManageContest, canReadContest } from '../contest.policy.js';
import type { ContestRow } from '../contest.repository.js';
import type { ContestServiceDeps, ContestsService } from '../contest.types.js';
import { createParticipationCache, participationReport } from './participation.js';
import { finishExpired, participationRows, rankClosedRounds, writeCollective } from './results.js';
import { resultsWorkbook } from './results-xlsx.js';
import { type FrozenQuestion, snapshotOf } from './snapshot.js';
import '../contest.messages.js';
import { ssoVerificationErrors } from '../play/sso-verification.js';

// Contests for organisers: create and edit a draft (the configuration is validated by the engine's schema and
// summarised as a Vietnamese thể lệ), open it (the configuration and a copy of the questions freeze; a 409
// after that), close rounds (final ranking, prizes, published), close the contest (collective prizes, the
// participation KPI), results, participation per unit and the winners workbook.

export const PARTICIPATION_KPI = 'CONTEST_PARTICIPATION_RATE';

export function createContestsService(deps: ContestServiceDeps): ContestsService {
  const { db, repo, guard, audit, clock, notifier, kpis } = deps;
  const now = () => clock.now().toISOString();
  const participationOf = createParticipationCache(
    () => moduleRevisions(db, ['contest']),
    (contest) => participationReport(repo, contest, now(), db),
  );

  async function categoryNames(unitId: number, exec: Executor = db) {
    return new Map((await repo.categories(unitId, exec)).map((c) => [c.id, c.name]));
  }

  async function view(row: ContestRow, exec: Executor = db): Promise<ContestView> {
    const config = ContestConfigSchema.parse(JSON.parse(row.configJson));
    return {
      id: row.id,
      unitId: row.unitId,
      unitName: (await repo.unitName(row.unitId, exec)) ?? '',
      title: row.title,
      slug: row.slug,
      status: row.status,
      config,
      summary: rulesSummary(row.title, config, await categoryNames(row.unitId, exec)),
      openedAt: row.openedAt,
      closedAt: row.closedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      counts: await repo.counts(row.id, exec),
    };
  }

  const load = (id: number) => () => repo.contest(id);
  const manage = (ctx: AuditContext, id: number) =>
    guard.forEntity(ctx.actor, canManageContest, load(id), (c) => c.unitId, {
      notFoundKey: 'contest.not_found',
    });

  /** Every category and fixed question the configuration names must be in the unit's bank. */
  async function checkReferences(unitId: number, config: ContestConfig, exec: Executor) {
    const cats = await categoryNames(unitId, exec);
    const errors: { field: string; code: string }[] = [];
    for (const [i, g] of config.groups.entries()) {
      for (const [j, c] of g.categoryIds.entries()) {
        if (!cats.has(c))
          errors.push({
            field: `body.config.groups.${i}.categoryIds.${j}`,
            code: 'contest.unknown_category',
          });
      }
    }
    if (config.selection.mode === 'random') {
      config.selection.quotas.forEach((q, i) => {
        if (q.categoryId !== null && !cats.has(q.categoryId))
          errors.push({
            field: `body.config.selection.quotas.${i}.categoryId`,
            code: 'contest.unknown_category',
          });
      });
    } else {
      const bank = new Set((await repo.questions(unitId, {}, exec)).map((q) => q.id));
      config.selection.questionIds.forEach((id, i) => {
        if (!bank.has(id))
          errors.push({ field: `body.config.selection.questionIds.${i}`, code: 'contest.unknown_question' });
      });
    }
    errors.push(...ssoVerificationErrors(deps.config, config.verification));
    if (errors.length) throw validation(errors);
  }

  async function checkSlug(slug: string, exceptId: number | null, exec: Executor) {
    if (await repo.slugTaken(slug, exceptId, exec))
      throw validation([{ field: 'body.slug', code: 'contest.slug_taken' }]);
  }

  async function closeRoundIn(
    trx: Executor,
    ctx: AuditContext,
    row: ContestRow,
    roundKey: string,
    at: string,
  ) {
    const snapshot = snapshotOf(row);
    await repo.lockContest(row.id, trx);
    await finishExpired(repo, snapshot, row.id, at, snapshot.config.graceSeconds * 1000, trx);
    const closed = [...new Set([...snapshot.closedRounds, roundKey])];
    await rankClosedRounds(repo, row, snapshot, closed, at, trx);
    await repo.updateContest(row.id, { closedRoundsJson: JSON.stringify(closed) }, trx);
    // The units' participation, read once for the collective table and the KPI (a join over every attempt).
    const units = await participationRows(repo, row, trx);
    await writeCollective(repo, row, snapshot, trx, units);
    await writeParticipationKpi(trx, ctx, row, units);
    const round = snapshot.config.rounds.find((r) => r.key === roundKey);
    // Each participant of the round who gave an email hears their result once (idempotency key per round).
    const results = await repo.resultsToNotify(row.id, roundKey, trx);
    for (const r of results) {
      await notifier.notify(trx, {
        kind: 'contest.result',
        recipients: { emails: [r.email as string] },
        title: {
          vi: `Kết quả ${round?.name ?? ''} — ${row.title}`,
          en: `Results of ${round?.name ?? ''} — ${row.title}`,
        },
        body: {
          vi: `Bạn đạt ${r.score}/${r.total} điểm, xếp hạng ${r.rank} trong bảng của bạn${r.prize ? `, đạt giải (${r.prize})` : ''}.`,
          en: `You scored ${r.score}/${r.total}, ranked ${r.rank} in your group${r.prize ? `, prize: ${r.prize}` : ''}.`,
        },
        link: null,
        idempotencyKey: `contest:${row.id}:${roundKey}:result:${r.participantId}`,
        urgent: true,
        transient: true,
        isDemo: row.isDemo === 1,
      });
    }
    // The audit's "ranked": everyone with a result in the round, notified or not.
    return repo.resultCount(row.id, roundKey, trx);
  }

  async function writeParticipationKpi(
    trx: Executor,
    ctx: AuditContext,
    row: ContestRow,
    read?: Awaited<ReturnType<typeof participationRows>>,
  ) {
    const config = ContestConfigSchema.parse(JSON.parse(row.configJson));
    const year = vietnamLocalToUtc(config.rounds[0].startsAt).slice(0, 4);
    const units = read ?? (await participationRows(repo, row, trx));
    const rows = units
      .filter((u) => u.headcount !== null && u.headcount > 0)
      .map((u) => ({
        kpiCode: PARTICIPATION_KPI,
        unitId: u.unitId,
        period: year,
        numerator: Math.min(u.participants, u.headcount as number),
        denominator: u.headcount as number,
        note: `Cuộc thi "${row.title}": ${u.participants} người tham gia`,
      }));
    if (rows.length) await kpis.write(trx, ctx, rows, { isDemo: row.isDemo === 1 });
  }

  async function results(
    row: ContestRow,
    limit: number,
    masked: boolean,
    exec: Executor = db,
  ): Promise<ContestResults> {
    const snapshot = snapshotOf(row);
    const truths = new Map((await repo.roundTruths(row.id, exec)).map((t) => [t.roundKey, t.truth]));
    const rounds = [];
    for (const round of snapshot.config.rounds.filter((r) => snapshot.closedRounds.includes(r.key))) {
      const groups = [];
      for (const g of snapshot.config.groups) {
        const rows = await repo.results(row.id, round.key, g.key, limit, exec);
        groups.push({
          groupKey: g.key,
          groupName: g.name,
          rows: rows.map((r) => ({
            rank: r.rank,
            participantId: r.participantId,
            name: masked ? maskName(r.fullName) : r.fullName,
            unitName: r.unitName,
            groupKey: r.groupKey,
            score: r.score ?? 0,
            total: r.total,
            predictionValue: r.prediction,
            predictionDistance: r.predictionDistance,
            durationMs: r.durationMs ?? 0,
            submittedAt: r.submittedAt ?? '',
            prize:
              (r.prize as ContestResults['rounds'][number]['groups'][number]['rows'][number]['prize']) ??
              null,
          })),
        });
      }
      rounds.push({
        roundKey: round.key,
        roundName: round.name,
        final: true,
        predictionTrueValue: truths.get(round.key) ?? null,
        groups,
      });
    }
    const collective = (await repo.collective(row.id, exec)).map((c) => ({
      rank: c.rank ?? 0,
      unitId: c.unitId,
      unitName: c.unitName,
      participants: c.participants,
      headcount: c.headcount,
      rate: c.headcount ? Math.min(1, c.participants / c.headcount) : null,
      prizePoints: Number(c.prizePoints),
      score: c.score === null ? 0 : Number(c.score),
      prize: c.prize,
    }));
    return { contestId: row.id, status: row.status, rounds, collective };
  }

  return {
    async list(actor, query) {
      let scope: number[];
      if (query.unitId) {
        await guard.forUnit(actor, canReadContest, query.unitId);
        scope = [query.unitId];
      } else {
        if (!actor) throw new AppError('UNAUTHENTICATED');
        scope = [...scopeRootsFor(actor, 'contest.read'), ...scopeRootsFor(actor, 'contest.manage')];
        if (scope.length === 0) throw new AppError('FORBIDDEN');
      }
      const rows = await repo.contestsIn(scope);
      const items = [];
      for (const r of rows)
        items.push({
          id: r.id,
          unitId: r.unitId,
          unitName: r.unitName,
          title: r.title,
          slug: r.slug,
          status: r.status,
          openedAt: r.openedAt,
          closedAt: r.closedAt,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          counts: await repo.counts(r.id),
        });
      return { items };
    },

    async get(actor, id) {
      const { entity } = await guard.forEntity(actor, canReadContest, load(id), (c) => c.unitId, {
        notFoundKey: 'contest.not_found',
      });
      return view(entity);
    },

    async create(ctx, input, opts = {}) {
      await guard.forUnit(ctx.actor, canManageContest, input.unitId);
      const config = ContestConfigSchema.parse(input.config);
      const at = now();
      return db.transaction().execute(async (trx) => {
        await checkSlug(input.slug, null, trx);
        await checkReferences(input.unitId, config, trx);
        const { id } = await repo.insertContest(
          {
            unitId: input.unitId,
            title: input.title,
            slug: input.slug,
            status: 'draft',
            configJson: JSON.stringify(config),
            createdBy: ctx.actor?.userId ?? null,
            createdAt: at,
            updatedAt: at,
            isDemo: opts.isDemo ? 1 : 0,
          },
          trx,
        );
        const v = await view((await repo.contest(id, trx)) as ContestRow, trx);
        await audit.record(trx, ctx, {
          action: 'contest.create',
          entity: 'contest',
          entityId: id,
          after: { unitId: v.unitId, title: v.title, slug: v.slug, config },
        });
        return v;
      });
    },

    async update(ctx, id, patch) {
      const { entity } = await manage(ctx, id);
      if (entity.status !== 'draft') throw new AppError('CONFLICT', { detailKey: 'contest.frozen' });
      const config = ContestConfigSchema.parse(patch.config);
      return db.transaction().execute(async (trx) => {
        await checkSlug(patch.slug, id, trx);
        await checkReferences(entity.unitId, config, trx);
        const at = now();
        // Conditional on the draft status, so an edit racing the opening cannot change a frozen contest.
        const ok = await repo.transition(
          id,
          'draft',
          { title: patch.title, slug: patch.slug, configJson: JSON.stringify(config), updatedAt: at },
          trx,
        );
        if (!ok) throw new AppError('CONFLICT', { detailKey: 'contest.frozen' });
        await audit.record(trx, ctx, {
          action: 'contest.update',
          entity: 'contest',
          entityId: id,
          unitId: entity.unitId,
          before: { title: entity.title, slug: entity.slug, config: JSON.parse(entity.configJson) },
          after: { title: patch.title, slug: patch.slug, config },
        });
        return view((await repo.contest(id, trx)) as ContestRow, trx);
      });
    },

    async open(ctx, id) {
      const { entity } = await manage(ctx, id);
      if (entity.status !== 'draft') throw new AppError('CONFLICT', { detailKey: 'contest.not_draft' });
      const config = ContestConfigSchema.parse(JSON.parse(entity.configJson));
      return db.transaction().execute(async (trx) => {
        await checkReferences(entity.unitId, config, trx);
        const rows = await repo.questions(entity.unitId, {}, trx);
        const wanted = config.selection.mode === 'fixed' ? new Set(config.selection.questionIds) : null;
        const frozen: FrozenQuestion[] = rows
          .filter((q) => !wanted || wanted.has(q.id))
          .map((q) => ({
            id: q.id,
            categoryId: q.categoryId,
            difficulty: q.difficulty,
            kind: q.kind,
            text: q.text,
            options: JSON.parse(q.optionsJson),
          }));
        const bank = frozen.map((q) => ({
          id: q.id,
          categoryId: q.categoryId,
          difficulty: q.difficulty,
          optionCount: q.options.length,
        }));
        // Every group must be able to draw a full attempt before anyone can start one.
        for (const g of config.groups) {
          try {
            drawQuestions(bank, config.selection, {
              seed: 'check',
              shuffleQuestions: false,
              shuffleOptions: false,
              categories: g.categoryIds,
            });
          } catch (e) {
            if (e instanceof DrawError)
              throw new AppError('CONFLICT', { detailKey: e.code, params: { quota: e.quota + 1 } });
            throw e;
          }
        }
        const at = now();
        const ok = await repo.transition(
          id,
          'draft',
          { status: 'open', openedAt: at, updatedAt: at, questionsJson: JSON.stringify(frozen) },
          trx,
        );
        if (!ok) throw new AppError('CONFLICT', { detailKey: 'contest.not_draft' });
        await audit.record(trx, ctx, {
          action: 'contest.open',
          entity: 'contest',
          entityId: id,
          unitId: entity.unitId,
          before: { status: 'draft' },
          after: { status: 'open', questions: frozen.length },
        });
        return view((await repo.contest(id, trx)) as ContestRow, trx);
      });
    },

    async closeRound(ctx, id, roundKey) {
      const { entity } = await manage(ctx, id);
      if (entity.status === 'draft') throw new AppError('CONFLICT', { detailKey: 'contest.not_open' });
      const config = ContestConfigSchema.parse(JSON.parse(entity.configJson));
      const round = config.rounds.find((r) => r.key === roundKey);
      if (!round) throw new AppError('NOT_FOUND', { detailKey: 'contest.unknown_round' });
      const at = now();
      if (!hasEnded(round, at)) throw new AppError('CONFLICT', { detailKey: 'contest.round_not_ended' });
      return db.transaction().execute(async (trx) => {
        const ranked = await closeRoundIn(trx, ctx, entity, roundKey, at);
        await audit.record(trx, ctx, {
          action: 'contest.close_round',
          entity: 'contest',
          entityId: id,
          unitId: entity.unitId,
          after: { roundKey, ranked },
        });
        return results((await repo.contest(id, trx)) as ContestRow, 200, false, trx);
      });
    },

    async close(ctx, id) {
      const { entity } = await manage(ctx, id);
      if (entity.status !== 'open') throw new AppError('CONFLICT', { detailKey: 'contest.not_open' });
      const at = now();
      return db.transaction().execute(async (trx) => {
        const ok = await repo.transition(id, 'open', { status: 'closed', closedAt: at, updatedAt: at }, trx);
        if (!ok) throw new AppError('CONFLICT', { detailKey: 'contest.not_open' });
        let row = (await repo.contest(id, trx)) as ContestRow;
        const config = snapshotOf(row).config;
        for (const round of config.rounds.filter(
          (r) => hasEnded(r, at) && !snapshotOf(row).closedRounds.includes(r.key),
        )) {
          await closeRoundIn(trx, ctx, row, round.key, at);
          row = (await repo.contest(id, trx)) as ContestRow;
        }
        await writeCollective(repo, row, snapshotOf(row), trx);
        await writeParticipationKpi(trx, ctx, row);
        await audit.record(trx, ctx, {
          action: 'contest.close',
          entity: 'contest',
          entityId: id,
          unitId: entity.unitId,
          before: { status: 'open' },
          after: { status: 'closed' },
        });
        return view(row, trx);
      });
    },

    async results(actor, id, limit) {
      const { entity } = await guard.forEntity(actor, canReadContest, load(id), (c) => c.unitId, {
        notFoundKey: 'contest.not_found',
      });
      return results(entity, limit, false);
    },

    async participation(actor, id) {
      const { entity } = await guard.forEntity(actor, canReadContest, load(id), (c) => c.unitId, {
        notFoundKey: 'contest.not_found',
      });
      return participationOf(entity);
    },

    async exportResults(actor, id) {
      const { entity } = await guard.forEntity(actor, canManageContest, load(id), (c) => c.unitId, {
        notFoundKey: 'contest.not_found',
      });
      const data = await results(entity, 100_000, false);
      const body = await resultsWorkbook(entity.title, data, snapshotOf(entity).config);
      return { fileName: `ket-qua-${entity.slug}.xlsx`, body };
    },

    async remindEndedRounds() {
      const at = now();
      let sent = 0;
      for (const row of await repo.contestsIn('all')) {
        if (row.status !== 'open') continue;
        const snapshot = snapshotOf(row);
        for (const round of snapshot.config.rounds) {
          if (round.boardOnly || !hasEnded(round, at) || snapshot.closedRounds.includes(round.key)) continue;
          await db.transaction().execute(async (trx) => {
            const r = await notifier.notify(trx, {
              kind: 'contest.round_ended',
              recipients: { roles: [{ role: 'secretariat', unitId: row.unitId, reach: 'covering' }] },
              title: {
                vi: `${round.name} của "${row.title}" đã kết thúc`,
                en: `${round.name} of "${row.title}" has ended`,
              },
              body: {
                vi: 'Hãy chốt kết quả đợt thi: tính câu hỏi dự đoán, xếp hạng, xét giải và công bố.',
                en: 'Close the round: the prediction’s true value, ranking, prizes and publication.',
              },
              link: `/app/contest/${row.id}`,
              idempotencyKey: `contest:${row.id}:${round.key}:ended`,
              urgent: true,
              isDemo: row.isDemo === 1,
            });
            if (r.created) sent++;
          });
        }
      }
      return sent;
    },
  };
}
