import type { Actor } from '../../../lib/actor.js';
import { canManageContest, canReadContest } from '../contest.policy.js';
import type { ContestsService } from '../contest.types.js';
import type { OutputsService, OutputsServiceDeps } from '../contest-outputs.types.js';
import { participationReport } from '../contests/participation.js';
import { snapshotOf } from '../contests/snapshot.js';
import { bulletinDocx, bulletinWorkbook } from './bulletin-files.js';
import { decisionDocx } from './decision-docx.js';
import { createItemStats } from './item-stats.service.js';
import { itemStatsWorkbook } from './item-stats-xlsx.js';

// The organiser's outputs of a contest: item statistics of a closed round (JSON and xlsx), the Quyết định công
// nhận kết quả as DOCX (beside the winners workbook), and the daily participation bulletin as xlsx and DOCX.
// Reads only; files carry personal names, so the decision needs contest.manage; the bulletin has unit figures
// only and any reader of the contest may take it.

export function createOutputsService(
  deps: OutputsServiceDeps & { contests: Pick<ContestsService, 'results'> },
): OutputsService {
  const { db, repo, guard, clock, contests } = deps;
  const items = createItemStats(deps);
  const entity = async (actor: Actor | null, id: number, rule: typeof canReadContest) =>
    (
      await guard.forEntity(
        actor,
        rule,
        () => repo.contest(id),
        (c) => c.unitId,
        {
          notFoundKey: 'contest.not_found',
        },
      )
    ).entity;

  return {
    async itemStats(actor, id, roundKey) {
      return (await items.itemStats(actor, id, roundKey)).stats;
    },

    async itemStatsWorkbook(actor, id, roundKey) {
      const { contest, stats } = await items.itemStats(actor, id, roundKey);
      return {
        fileName: `thong-ke-cau-hoi-${contest.slug}-${roundKey}.xlsx`,
        body: await itemStatsWorkbook(contest.title, stats),
      };
    },

    async decisionDocx(actor, id) {
      const contest = await entity(actor, id, canManageContest);
      const results = await contests.results(actor, id, 100_000);
      const organiser = (await repo.unitName(contest.unitId)) ?? '';
      const body = await decisionDocx({
        title: contest.title,
        organiser: `Ban Tổ chức — ${organiser}`,
        results,
        issuedAt: clock.now(),
      });
      return { fileName: `quyet-dinh-ket-qua-${contest.slug}.docx`, body: new Uint8Array(body) };
    },

    async bulletin(actor, id, format) {
      const contest = await entity(actor, id, canReadContest);
      const asOf = clock.now();
      const input = {
        title: contest.title,
        organiser: `Ban Tổ chức — ${(await repo.unitName(contest.unitId)) ?? ''}`,
        config: snapshotOf(contest).config,
        participation: await participationReport(repo, contest, asOf.toISOString(), db),
        asOf,
      };
      const day = asOf.toISOString().slice(0, 10);
      return format === 'xlsx'
        ? { fileName: `ban-tin-${contest.slug}-${day}.xlsx`, body: await bulletinWorkbook(input) }
        : {
            fileName: `ban-tin-${contest.slug}-${day}.docx`,
            body: new Uint8Array(await bulletinDocx(input)),
          };
    },
  };
}
