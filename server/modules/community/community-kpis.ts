import type { Executor } from '../../db/executor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { KpiFeed } from '../kpis/kpis.types.js';
import type { CommunityRepository } from './community.repository.js';
import type { CommunityKpiWriter } from './community.types.js';

// Community's figures in the kpis module, so Measure fills itself: the commune's activity count for the year
// (COMMUNITY_ACTIVITIES, the template alias community.activities of component X.NL.4) and its active team count
// for the current quarter (COMMUNITY_TEAMS, a stock). Written in the caller's transaction, after each change.

export const ACTIVITIES_KPI = 'COMMUNITY_ACTIVITIES';
export const TEAMS_KPI = 'COMMUNITY_TEAMS';

export function createCommunityKpiWriter(
  repo: Pick<CommunityRepository, 'activityCount' | 'activeTeamCount'>,
  kpis: KpiFeed,
  today: () => string,
): CommunityKpiWriter {
  return async (exec: Executor, ctx: AuditContext, communeId: number, year: number, opts = {}) => {
    const day = today();
    const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
    await kpis.write(
      exec,
      ctx,
      [
        {
          kpiCode: ACTIVITIES_KPI,
          unitId: communeId,
          period: String(year),
          value: await repo.activityCount(communeId, year, exec),
          note: 'Sổ Tổ công nghệ số cộng đồng',
        },
        {
          kpiCode: TEAMS_KPI,
          unitId: communeId,
          period: `${day.slice(0, 4)}-Q${quarter}`,
          value: await repo.activeTeamCount(communeId, exec),
          note: 'Sổ Tổ công nghệ số cộng đồng',
        },
      ],
      opts,
    );
  };
}
