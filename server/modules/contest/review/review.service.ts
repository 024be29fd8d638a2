import { createHash } from 'node:crypto';
import {
  DEFAULT_SUSPICION_RULES,
  detectSuspicion,
  ipBlockOf,
  type SuspicionAttempt,
} from '../../../../core/contest/suspicion.js';
import type { ContestFlag } from '../../../../core/contracts/contest-review.js';
import type { Actor } from '../../../lib/actor.js';
import { validation } from '../../../lib/errors.js';
import { canManageContest } from '../contest.policy.js';
import type { ContestRow } from '../contest.repository.js';
import type { ContestServiceDeps, ReviewService } from '../contest.types.js';
import { correctOf, snapshotOf } from '../contests/snapshot.js';
import { createReviewRepository } from './review.repository.js';

// Suspicion review: a background job (hourly, off the hot path) runs core/contest/suspicion.ts over what the
// play path recorded and stores each new flag once with its evidence; organisers list them and clear or confirm
// each with a note (audited). Nothing is automatic: a flag changes no score, and a confirmed flag excludes its
// people from prizes only when the organiser ticks it. IP blocks and devices appear only as per-contest hashes.

const RESCAN_CLOSED_MS = 2 * 86_400_000;

/** A per-contest hash of an IP block: the same block reads differently in two contests. */
const blockHash = (contestId: number, ip: string | null) => {
  const block = ipBlockOf(ip);
  return block ? createHash('sha256').update(`${contestId}:${block}`).digest('hex').slice(0, 16) : null;
};

export function createReviewService(
  deps: Pick<ContestServiceDeps, 'db' | 'audit' | 'clock' | 'repo' | 'guard'>,
): ReviewService {
  const { db, audit, clock, guard } = deps;
  const repo = createReviewRepository(db);
  // The inputs each contest was last scanned with (this process): an hourly run skips a contest nothing new
  // has reached, so a closed contest of a million attempts is read once, not every hour for two days. A new
  // process scans everything once; flags are stored once whatever the number of scans.
  const scanned = new Map<number, string>();

  async function scan(row: ContestRow): Promise<number> {
    const snap = snapshotOf(row);
    const key = Object.fromEntries([...snap.questions.values()].map((q) => [String(q.id), correctOf(q)]));
    const participants = (await repo.participants(row.id)).map((p) => ({
      id: p.id,
      createdAt: p.createdAt,
      ipBlock: blockHash(row.id, p.ip),
      device: p.deviceHash ? p.deviceHash.slice(0, 16) : null,
    }));
    const attempts: SuspicionAttempt[] = (await repo.submittedAttempts(row.id)).map((a) => ({
      id: a.id,
      participantId: a.participantId,
      roundKey: a.roundKey,
      answers: JSON.parse(a.answersJson),
      key,
      durationMs: a.durationMs,
      score: a.score,
      total: a.total,
      ipBlock: blockHash(row.id, a.ip),
    }));
    const flags = detectSuspicion(participants, attempts, DEFAULT_SUSPICION_RULES);
    const at = clock.now().toISOString();
    return repo.insertFlags(
      flags.map((f) => ({
        contestId: row.id,
        kind: f.kind,
        subject: f.subject,
        roundKey: f.roundKey,
        participantIdsJson: JSON.stringify(f.participantIds),
        evidenceJson: JSON.stringify(f.evidence),
        createdAt: at,
      })),
    );
  }

  async function listFlags(actor: Actor | null, contestId: number, status?: string) {
    await guard.forEntity(
      actor,
      canManageContest,
      () => deps.repo.contest(contestId),
      (c) => c.unitId,
      {
        notFoundKey: 'contest.not_found',
      },
    );
    const rows = await repo.flags(contestId, status);
    const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.participantIdsJson) as number[]))];
    const names = new Map((await repo.participantNames(ids)).map((p) => [p.id, p]));
    const counts = { open: 0, cleared: 0, confirmed: 0 };
    for (const c of await repo.flagCounts(contestId)) counts[c.status as keyof typeof counts] = Number(c.n);
    return {
      counts,
      items: rows.map(
        (r): ContestFlag => ({
          id: r.id,
          kind: r.kind as ContestFlag['kind'],
          roundKey: r.roundKey,
          participants: (JSON.parse(r.participantIdsJson) as number[]).map((id) => ({
            id,
            fullName: names.get(id)?.fullName ?? '',
            unitName: names.get(id)?.unitName ?? null,
          })),
          evidence: JSON.parse(r.evidenceJson),
          status: r.status,
          note: r.note,
          excludeFromPrizes: r.excludeFromPrizes === 1,
          reviewedAt: r.reviewedAt,
          createdAt: r.createdAt,
        }),
      ),
    };
  }

  return {
    async scanAll() {
      const since = new Date(clock.now().getTime() - RESCAN_CLOSED_MS).toISOString();
      let found = 0;
      for (const row of await repo.contestsToScan(since)) {
        if (row.status === 'draft') continue;
        const inputs = `${row.updatedAt}:${await repo.scanInputs(row.id)}`;
        if (scanned.get(row.id) === inputs) continue;
        found += await scan(row);
        scanned.set(row.id, inputs);
      }
      return found;
    },

    list: (actor, contestId, status) => listFlags(actor, contestId, status),

    async review(ctx, flagId, input) {
      const { entity } = await guard.forEntity(
        ctx.actor,
        canManageContest,
        () => repo.flag(flagId),
        (f) => f.unitId,
        {
          notFoundKey: 'contest.flag_not_found',
        },
      );
      if (input.excludeFromPrizes && input.decision !== 'confirmed')
        throw validation([{ field: 'body.excludeFromPrizes', code: 'contest.exclude_needs_confirmed' }]);
      const at = clock.now().toISOString();
      const set = {
        status: input.decision,
        note: input.note,
        excludeFromPrizes: input.excludeFromPrizes ? 1 : 0,
        reviewedBy: ctx.actor?.userId ?? null,
        reviewedAt: at,
      };
      await db.transaction().execute(async (trx) => {
        await repo.review(flagId, set, trx);
        await audit.record(trx, ctx, {
          action: 'contest.flag.review',
          entity: 'contest_flag',
          entityId: flagId,
          unitId: entity.unitId,
          before: {
            status: entity.status,
            excludeFromPrizes: entity.excludeFromPrizes === 1,
            note: entity.note,
          },
          after: {
            contestId: entity.contestId,
            kind: entity.kind,
            status: input.decision,
            excludeFromPrizes: input.excludeFromPrizes,
            note: input.note,
          },
        });
      });
      const list = await listFlags(ctx.actor, entity.contestId);
      return list.items.find((f) => f.id === flagId) as ContestFlag;
    },

    excludedFromPrizes: (contestId) => repo.excludedFromPrizes(contestId),
  };
}
