import type { FastifyInstance } from 'fastify';
import { vietnamDate } from '../../../core/time/vietnam-date.js';
import { linkBaseUrl } from '../../config.js';
import { createAccessGuard } from '../../lib/access-guard.js';
import { createKpiFeed } from '../kpis/kpis.module.js';
import { createUnitsServices } from '../units/units.module.js';
import { registerActivitiesRoutes } from './activities/activities.routes.js';
import { createActivitiesService } from './activities/activities.service.js';
import { createCommunityRepository } from './community.repository.js';
import type { CommunityModuleDeps } from './community.types.js';
import { createCommunityKpiWriter } from './community-kpis.js';
import { createCommunityExportsService } from './imports/exports.service.js';
import { registerCommunityImportRoutes } from './imports/imports.routes.js';
import { createCommunityImportService } from './imports/imports.service.js';
import { cachedPublicReads, cachedRollups } from './rollups/rollup-cache.js';
import { registerPublicCommunityRoutes, registerRollupsRoutes } from './rollups/rollups.routes.js';
import { createPublicCommunityService, createRollupsService } from './rollups/rollups.service.js';
import { registerTeamsRoutes } from './teams/teams.routes.js';
import { createTeamsService } from './teams/teams.service.js';
import { registerTrainingRoutes } from './training/training.routes.js';
import { createTrainingService } from './training/training.service.js';
import { registerVillagesRoutes } from './villages/villages.routes.js';
import { createVillagesService } from './villages/villages.service.js';

// Community: community digital technology teams (Tổ công nghệ số cộng đồng) of the villages below each commune,
// their members and activities, targets, monthly roll-ups and laggards, the KPIs Measure reads, and the public
// "find a team near you". Wiring only: repository → services → routes.

export function createCommunityServices(deps: Omit<CommunityModuleDeps, 'config' | 'jobs'>) {
  const repo = createCommunityRepository(deps.db);
  const guard = createAccessGuard(deps.db);
  const kpis = createKpiFeed(deps);
  const writeKpis = createCommunityKpiWriter(repo, kpis, () => vietnamDate(deps.clock.now()));
  const base = { ...deps, repo, guard, kpis };
  const units = createUnitsServices(deps);
  const villages = createVillagesService({ ...base, unitsEdit: units.edit, lineage: units.lineage });
  const teams = createTeamsService({ ...base, writeKpis });
  const activities = createActivitiesService({ ...base, writeKpis });
  const rollups = cachedRollups(createRollupsService(base), { db: deps.db, clock: deps.clock });
  return {
    villages,
    teams,
    activities,
    rollups,
    publicReads: cachedPublicReads(createPublicCommunityService(base), { db: deps.db, clock: deps.clock }),
    imports: createCommunityImportService({ ...base, villages, teams, activities }),
    exports: createCommunityExportsService({ teams, rollups, repo: base.repo, clock: deps.clock }),
    training: createTrainingService(base),
    writeKpis,
  };
}
export type CommunityServices = ReturnType<typeof createCommunityServices>;

export function registerCommunityModule(app: FastifyInstance, deps: CommunityModuleDeps) {
  const s = createCommunityServices(deps);
  app.register(async (scope) => {
    registerVillagesRoutes(scope, s.villages);
    registerTeamsRoutes(scope, s.teams);
    registerActivitiesRoutes(scope, s.activities);
    registerRollupsRoutes(scope, s.rollups);
    registerPublicCommunityRoutes(scope, s.publicReads);
    registerTrainingRoutes(scope, s.training, linkBaseUrl(deps.config));
  });
  app.register(async (scope) =>
    registerCommunityImportRoutes(scope, s.imports, s.exports, deps.config.uploadMaxBytes, s.training),
  );
}
