import type { PublicHome } from '../../../core/contracts/portal.js';
import type { Deps } from '../../deps.js';
import type { CommunityServices } from '../community/community.module.js';
import type { PublicContestList } from '../contest/contest.types.js';
import type { CitizenService } from '../feedback/feedback.types.js';
import type { KpiPublicReader } from '../kpis/kpis.types.js';
import type { MeasurePublicReader } from '../measure/measure.types.js';
import type { PortalRepository } from './portal.repository.js';

// The portal module's faces: the public home joins the other modules' own public reads, never their tables.

export type PortalModuleDeps = Pick<
  Deps,
  'db' | 'audit' | 'clock' | 'config' | 'jobs' | 'files' | 'rateLimiter' | 'cache'
>;

/** What the home reads from the other modules (each through its module's public face). */
export type PortalSources = {
  kpis: KpiPublicReader;
  measure: Pick<MeasurePublicReader, 'publishedPeriods' | 'rankingTop'>;
  contests: PublicContestList;
  feedback: Pick<CitizenService, 'stats'>;
  community: Pick<CommunityServices['publicReads'], 'summary'>;
};

export type HomeServiceDeps = Pick<Deps, 'clock' | 'rateLimiter' | 'cache'> & {
  repo: PortalRepository;
  sources: PortalSources;
};

export type HomeService = {
  /** The home for a caller at `ip` (rate-limited per address); computed once per source revision and day. */
  home(ip: string): Promise<PublicHome>;
  /** The same as JSON checked against the response schema (the cached form the route sends as it is). */
  homeJson(ip: string): Promise<string>;
  /** The same JSON as UTF-8 bytes, encoded once per cached answer (what the route sends). */
  homeBody(ip: string): Promise<Buffer>;
};
