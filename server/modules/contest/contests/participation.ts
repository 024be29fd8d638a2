import { laggards, participationByBlock, rateOf } from '../../../../core/contest/participation.js';
import type { Participation } from '../../../../core/contracts/contest.js';
import { UNIT_KIND_LABELS } from '../../../../core/measure/labels.js';
import type { Executor } from '../../../db/executor.js';
import type { ContestRepository, ContestRow } from '../contest.repository.js';
import { participationRows } from './results.js';

// The live participation dashboard's figures (and the daily bulletin's): participants and attempts by group,
// by unit against its headcount, by block of units (khối), and the laggards — units under half their block's
// rate. One read of the per-unit counts; no cache, the screen refreshes it.

export const blockName = (block: string) =>
  `Khối ${(UNIT_KIND_LABELS[block as keyof typeof UNIT_KIND_LABELS]?.vi ?? block).toLowerCase()}`;

export async function participationReport(
  repo: ContestRepository,
  contest: ContestRow,
  asOf: string,
  exec: Executor,
): Promise<Participation> {
  const units = await participationRows(repo, contest, exec);
  const byGroup = (await repo.participationByGroup(contest.id, exec)).map((g) => ({
    groupKey: g.groupKey,
    participants: Number(g.participants),
    attempts: Number(g.attempts),
  }));
  const row = (u: (typeof units)[number]) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    blockName: blockName(u.block),
    participants: u.participants,
    attempts: u.attempts,
    headcount: u.headcount,
    rate: rateOf(u.participants, u.headcount),
  });
  return {
    byGroup,
    byUnit: units
      .map(row)
      .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.unitName.localeCompare(b.unitName, 'vi')),
    byBlock: participationByBlock(units).map((b) => ({ ...b, blockName: blockName(b.block) })),
    laggards: laggards(units).map(row),
    asOf,
  };
}

/** How long a report may be served while only attempts moved (no registration, result or status change). */
export const PARTICIPATION_LIVE_MS = 5_000;

/**
 * The dashboard's report per contest, computed once for every organiser polling it (50 screens during a start
 * burst ask about once a second each; each report joins every participant with their attempts). An entry is
 * reused while the contest's revision (server/db/revisions.ts: contests, participants, results — bumped in the
 * transaction of every write) is unchanged and it is younger than PARTICIPATION_LIVE_MS: a registration shows
 * at once, attempts within five seconds (attempts are not counted in the revision: every autosave would bump
 * it), and `asOf` says when the figures were computed. The age is measured on a monotonic timer, not the
 * injected clock, because it bounds how stale a cache entry is, not a rule of the contest.
 * Concurrent misses share one computation.
 */
export function createParticipationCache(
  revisionOf: () => Promise<string>,
  compute: (contest: ContestRow) => Promise<Participation>,
  monotonicMs: () => number = () => performance.now(),
) {
  const entries = new Map<number, { revision: string; at: number; value: Promise<Participation> }>();
  return async (contest: ContestRow): Promise<Participation> => {
    // The contest's own row is part of the key: its status and closed rounds change what is counted.
    const revision = `${await revisionOf()}|${contest.updatedAt}|${contest.closedRoundsJson}`;
    const hit = entries.get(contest.id);
    if (hit && hit.revision === revision && monotonicMs() - hit.at < PARTICIPATION_LIVE_MS) return hit.value;
    const value = compute(contest);
    entries.set(contest.id, { revision, at: monotonicMs(), value });
    // A failed computation is not kept: the next request computes again.
    value.catch(() => {
      if (entries.get(contest.id)?.value === value) entries.delete(contest.id);
    });
    return value;
  };
}
