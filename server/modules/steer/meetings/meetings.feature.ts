import { createAccessGuard } from '../../../lib/access-guard.js';
import { createKpisServices } from '../../kpis/kpis.module.js';
import { createMeasureServices } from '../../measure/measure.module.js';
import type { SteerModuleDeps, SteerTasksService } from '../steer.types.js';
import { createBriefingRepository } from './briefing.repository.js';
import { createBriefingService } from './briefing.service.js';
import { createMeetingsRepository } from './meetings.repository.js';
import { createMeetingsService } from './meetings.service.js';
import type { BriefingKpiReader, BriefingMeasureReader } from './meetings.types.js';

// Wiring of the meetings feature (repositories → services), called from steer.module.ts: the tasks core comes in,
// published DX-index results and KPI figures are read through the measure and kpis modules' faces.

export function createMeetingsServices(
  deps: SteerModuleDeps,
  tasks: Pick<SteerTasksService, 'createTask' | 'getTask' | 'listTasks'>,
) {
  const repo = createMeetingsRepository(deps.db);
  const guard = createAccessGuard(deps.db);
  const measureServices = createMeasureServices(deps);
  const kpiReads = createKpisServices(deps).reads;
  const measure: BriefingMeasureReader = {
    async publishedBetween(_actor, from, to) {
      return (await measureServices.publicReads.publishedPeriods())
        .filter((p) => (from === null || p.publishedAt > from) && p.publishedAt <= to)
        .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    },
    async ranking(actor, periodId) {
      const full = await measureServices.views.fullRanking(actor, periodId, 'published');
      return {
        periodName: full.periodName,
        units: full.units.map((u) => ({
          unitId: u.unitId,
          unitName: u.unitName,
          total: u.value,
          rank: u.rank,
          valueDelta: u.change?.valueDelta ?? null,
          rankDelta: u.change?.rankDelta ?? null,
        })),
      };
    },
  };
  const kpis: BriefingKpiReader = {
    summary: (actor, unitId, period) => kpiReads.summary(actor, { unitId, period }),
  };
  return {
    meetings: createMeetingsService({ ...deps, repo, guard, files: deps.files, tasks }),
    briefing: createBriefingService({
      clock: deps.clock,
      meetings: repo,
      briefing: createBriefingRepository(deps.db),
      guard,
      tasks,
      measure,
      kpis,
    }),
  };
}
export type MeetingsServices = ReturnType<typeof createMeetingsServices>;
