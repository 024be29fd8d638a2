import type { Dashboard, DashboardQuery } from '../../../core/contracts/dashboard.js';
import type { Deps } from '../../deps.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { Download } from '../../lib/download.js';
import type { RollupsService } from '../community/community.types.js';
import type { ContestsService } from '../contest/contest.types.js';
import type { KpiReadsService } from '../kpis/kpis.types.js';
import type { PeriodsService, ResultsViews } from '../measure/measure.types.js';
import type { SteerDashboardService, SteerProductsService } from '../steer/steer.types.js';
import type { DashboardRepository } from './overview/overview.repository.js';

// The DX dashboard module's public face (types only). The dashboard owns no tables: every figure comes from
// another module's own service (called with the caller as actor, so each module's scope rules apply), plus a
// few reads of units and KPI value provenance in its repository.

/** What the module takes from the container (contest's services need the rate limiter). */
export type DashboardModuleDeps = Pick<
  Deps,
  'db' | 'audit' | 'clock' | 'config' | 'jobs' | 'files' | 'mailer' | 'rateLimiter' | 'cache'
>;

/** The other modules' services the dashboard reads, each narrowed to what it calls. */
export type DashboardSources = {
  kpis: Pick<KpiReadsService, 'summary'>;
  measurePeriods: Pick<PeriodsService, 'list'>;
  measureViews: Pick<ResultsViews, 'fullRanking' | 'completion'>;
  steerDashboard: Pick<SteerDashboardService, 'dashboard'>;
  steerProducts: Pick<SteerProductsService, 'withoutProduct'>;
  contests: Pick<ContestsService, 'list' | 'participation'>;
  communityRollups: Pick<RollupsService, 'rollup'>;
};

export type OverviewServiceDeps = Pick<Deps, 'clock'> & {
  repo: DashboardRepository;
  guard: AccessGuard;
  sources: DashboardSources;
};

export type OverviewService = {
  /** The dashboard of an area (dashboard.read on it; 401 → 403 → 404), each section as its module reports it. */
  overview(actor: Actor | null, query: DashboardQuery): Promise<Dashboard>;
  /** The same, as JSON checked against the response schema (the cached form the route sends as it is). */
  overviewJson(actor: Actor | null, query: DashboardQuery): Promise<string>;
  /** The same JSON as UTF-8 bytes, encoded once per cached answer (what the route sends). */
  overviewBody(actor: Actor | null, query: DashboardQuery): Promise<Buffer>;
};

/** The cache in front of the overview: revisions of the source modules with the access check's ancestors, the clock. */
export type OverviewCacheDeps = Pick<Deps, 'clock' | 'cache'> & {
  repo: Pick<DashboardRepository, 'revisionsWithAncestors'>;
};

export type BriefingServiceDeps = Pick<Deps, 'clock'> & { overview: OverviewService };

export type BriefingService = {
  /** The one-page committee briefing from the same figures, as PDF or DOCX. */
  briefing(actor: Actor | null, query: DashboardQuery, format: 'pdf' | 'docx'): Promise<Download>;
};
