import type { FastifyInstance } from 'fastify';
import { createAccessGuard } from '../../lib/access-guard.js';
import { createCommunityServices } from '../community/community.module.js';
import { createContestServices } from '../contest/contest.module.js';
import { createKpisServices } from '../kpis/kpis.module.js';
import { createMeasureServices } from '../measure/measure.module.js';
import {
  createRegisterServices,
  createReportServices,
  createSteerTaskServices,
} from '../steer/steer.module.js';
import { registerBriefingRoutes } from './briefing/briefing.routes.js';
import { createBriefingService } from './briefing/briefing.service.js';
import type { DashboardModuleDeps, DashboardSources } from './dashboard.types.js';
import { createDashboardRepository } from './overview/overview.repository.js';
import { registerOverviewRoutes } from './overview/overview.routes.js';
import { createOverviewService } from './overview/overview.service.js';
import { cachedOverview } from './overview/overview-cache.js';

// The DX dashboard: the staff home of leaders and the secretariat, joining KPIs, Measure, Steer, Contest,
// Feedback and Community through each module's own services, and the committee briefing (PDF, DOCX) from the
// same figures. No tables of its own, no writes. Wiring only.

/** The other modules' services the dashboard reads (built once, as their own modules build them). */
export function createDashboardSources(deps: DashboardModuleDeps): DashboardSources {
  const kpis = createKpisServices(deps);
  const measure = createMeasureServices(deps);
  const steerTasks = createSteerTaskServices(deps);
  const reports = createReportServices(deps, steerTasks);
  const registers = createRegisterServices(deps, steerTasks.tasks);
  const contest = createContestServices(deps);
  const community = createCommunityServices(deps);
  return {
    kpis: kpis.reads,
    measurePeriods: measure.periods,
    measureViews: measure.views,
    steerDashboard: reports.dashboard,
    steerProducts: registers.products,
    contests: contest.contests,
    communityRollups: community.rollups,
  };
}

export function createDashboardServices(deps: DashboardModuleDeps, sources = createDashboardSources(deps)) {
  const repo = createDashboardRepository(deps.db);
  const guard = createAccessGuard(deps.db);
  const overview = cachedOverview(createOverviewService({ clock: deps.clock, repo, guard, sources }), {
    clock: deps.clock,
    cache: deps.cache,
    repo,
  });
  return { overview, briefing: createBriefingService({ clock: deps.clock, overview }) };
}

export function registerDashboardModule(app: FastifyInstance, deps: DashboardModuleDeps) {
  const s = createDashboardServices(deps);
  app.register(async (scope) => {
    registerOverviewRoutes(scope, s.overview);
    registerBriefingRoutes(scope, s.briefing);
  });
}
