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
