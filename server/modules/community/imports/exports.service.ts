import type { CommunityExportsService, RollupsService, TeamsService } from '../community.types.js';
import { registryWorkbook, reportWorkbook } from './community-files.js';

// The registry (teams and members, as the reader may see them) and the monthly report, as xlsx.
export function createCommunityExportsService(deps: {
  teams: TeamsService;
  rollups: RollupsService;
}): CommunityExportsService {
  return {
    async registry(actor, unitId) {
      const { items } = await deps.teams.list(actor, { unitId });
      const details = [];
      for (const t of items) details.push(await deps.teams.get(actor, t.id));
      return registryWorkbook(details);
    },
    async report(actor, unitId, year) {
      return reportWorkbook(await deps.rollups.rollup(actor, { unitId, year }));
    },
  };
}
