import { createItemStatsAccumulator } from '../../../../core/contest/item-stats.js';
import { vietnamLocalToUtc } from '../../../../core/contest/rounds.js';
import type { ItemStats } from '../../../../core/contracts/contest-outputs.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import { createLru } from '../../../lib/lru.js';
import { canManageContest } from '../contest.policy.js';
import type { ContestRow } from '../contest.repository.js';
import type { OutputsServiceDeps } from '../contest-outputs.types.js';
import { correctOf, snapshotOf } from '../contests/snapshot.js';
import './outputs.messages.js';

// Item statistics of a closed round, for the question writers (facility, discrimination, answer spread, flags;
// core/contest/item-stats.ts). Computed when first asked after the round's close and kept per process under
// the close's instant: a round's attempts no longer change once it is closed, and closing it again (which
// re-ranks) gives a new instant and so a fresh computation. Attempts are read in pages of 2,000, folded into
// running sums, so a round of a million attempts needs memory for its questions only.

const PAGE = 2000;
const cache = createLru<ItemStats>(50);

export function createItemStats(deps: Pick<OutputsServiceDeps, 'repo' | 'outputs' | 'guard' | 'clock'>) {
  const { repo, outputs, guard, clock } = deps;

  async function compute(row: ContestRow, roundKey: string): Promise<ItemStats> {
    const snapshot = snapshotOf(row);
    const round = snapshot.config.rounds.find((r) => r.key === roundKey);
    if (!round) throw new AppError('NOT_FOUND', { detailKey: 'contest.unknown_round' });
    const closed = await outputs.roundClosedAt(row.id, roundKey);
    // Before the close the figures would move with every submission: nothing yet, said plainly.
    if (!closed || !snapshot.closedRounds.includes(roundKey))
      return {
        contestId: row.id,
        roundKey,
        roundName: round.name,
        closed: false,
        attempts: 0,
        computedAt: clock.now().toISOString(),
        items: [],
      };
    const key = `${row.id}:${roundKey}:${closed.closedAt}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const questions = [...snapshot.questions.values()];
    const acc = createItemStatsAccumulator(
      questions.map((q) => ({ questionId: q.id, optionCount: q.options.length, correct: correctOf(q) })),
    );
    const from = vietnamLocalToUtc(round.startsAt);
    const to = vietnamLocalToUtc(round.endsAt);
    let after = 0;
    let attempts = 0;
    for (;;) {
      const page = await outputs.roundAttemptsPage(row.id, from, to, after, PAGE);
      for (const a of page) {
        const drawn: { questionId: number }[] = JSON.parse(a.drawJson);
        acc.add({ questionIds: drawn.map((d) => d.questionId), answers: JSON.parse(a.answersJson) });
      }
      attempts += page.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    const byId = snapshot.questions;
    const items = acc
      .result()
      .filter((s) => s.responses > 0)
      .map((s) => {
        const q = byId.get(s.questionId) as NonNullable<ReturnType<typeof byId.get>>;
        return {
          questionId: s.questionId,
          text: q.text,
          kind: q.kind,
          difficulty: q.difficulty,
          responses: s.responses,
          correctCount: s.correctCount,
          facility: s.facility,
          discrimination: s.discrimination,
          blank: s.blank,
          options: q.options.map((o, i) => ({ text: o.text, correct: o.correct, count: s.optionCounts[i] })),
          flags: s.flags,
          unusedDistractors: s.unusedDistractors,
          strongDistractors: s.strongDistractors,
        };
      })
      // The worst first: flagged items, then by discrimination (undefined last).
      .sort(
        (a, b) =>
          b.flags.length - a.flags.length ||
          (a.discrimination ?? 2) - (b.discrimination ?? 2) ||
          a.questionId - b.questionId,
      );
    const result: ItemStats = {
      contestId: row.id,
      roundKey,
      roundName: round.name,
      closed: true,
      attempts,
      computedAt: clock.now().toISOString(),
      items,
    };
    cache.set(key, result);
    return result;
  }

  return {
    async itemStats(actor: Actor | null, id: number, roundKey: string) {
      const { entity } = await guard.forEntity(
        actor,
        canManageContest,
        () => repo.contest(id),
        (c) => c.unitId,
        {
          notFoundKey: 'contest.not_found',
        },
      );
      return { contest: entity, stats: await compute(entity, roundKey) };
    },
  };
}
