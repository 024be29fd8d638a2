import type { FastifyInstance } from 'fastify';
import { createCommunityServices } from '../community/community.module.js';
import { createContestPublicList } from '../contest/contest.module.js';
import { createFeedbackServices } from '../feedback/feedback.module.js';
import { createKpiPublicReader } from '../kpis/kpis.module.js';
import { createMeasurePublicReader } from '../measure/measure.module.js';
import { createPortalRepository } from './portal.repository.js';
import { registerPortalRoutes } from './portal.routes.js';
import { createHomeService } from './portal.service.js';
import type { PortalModuleDeps, PortalSources } from './portal.types.js';

// Portal: the public home for citizens and the press, built from the other modules' public reads.
// Wiring only: repository → service → routes.

export function createPortalSources(deps: PortalModuleDeps): PortalSources {
  return {
    kpis: createKpiPublicReader(deps),
    measure: createMeasurePublicReader(deps),
    contests: createContestPublicList(deps),
    feedback: createFeedbackServices(deps).citizen,
    community: createCommunityServices(deps).publicReads,
  };
}

export function createPortalServices(deps: PortalModuleDeps) {
  return {
    home: createHomeService({
      ...deps,
      repo: createPortalRepository(deps.db),
      sources: createPortalSources(deps),
    }),
  };
}

export function registerPortalModule(app: FastifyInstance, deps: PortalModuleDeps) {
  registerPortalRoutes(app, createPortalServices(deps).home);
}
