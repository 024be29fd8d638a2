import type { Clock } from '../../../lib/clock.js';
import type { CommunityRepository } from '../community.repository.js';
import type { CommunityExportsService, RollupsService, TeamsService } from '../community.types.js';
import { registryDocx, reportDocx } from './community-docx.js';
import { registryWorkbook, reportWorkbook } from './community-files.js';

// The registry (teams and members, as the reader may see them) and the monthly report, as xlsx or as a
// Vietnamese administrative document (DOCX). Access is the teams' and roll-ups' own (community.read).
export function createCommunityExportsService(deps: {
  teams: TeamsService;
  rollups: RollupsService;
  repo: Pick<CommunityRepository, 'unit'>;
  clock: Clock;
}): CommunityExportsService {
  return {
    async registry(actor, unitId, format = 'xlsx') {
      const { items } = await deps.teams.list(actor, { unitId });
      const details = [];
      for (const t of items) details.push(await deps.teams.get(actor, t.id));
      if (format === 'xlsx') return registryWorkbook(details);
      const unit = await deps.repo.unit(unitId);
      return registryDocx(unit?.name ?? '', details, deps.clock.now());
    },
    async report(actor, unitId, year, format = 'xlsx') {
      const rollup = await deps.rollups.rollup(actor, { unitId, year });
      return format === 'xlsx' ? reportWorkbook(rollup) : reportDocx(rollup, deps.clock.now());
    },
  };
}
