import type { FastifyInstance } from 'fastify';
import { registerBankRoutes } from './bank/bank.routes.js';
import { createContestRepository } from './contest.repository.js';
import type { ContestModuleDeps, PublicContestList } from './contest.types.js';
import { PERSONAL_DATA_JOB, ROUND_REMINDER_JOB, SUSPICION_SCAN_JOB } from './contest-jobs.js';
import { registerContestOutputsRoutes } from './contest-outputs.wiring.js';
import { createContestServices } from './contest-services.js';
import { registerContestsRoutes } from './contests/contests.routes.js';
import { registerPlayRoutes } from './play/play.routes.js';
import { createPublicContestList } from './play/public-list.service.js';
import { registerPrivacyRoutes } from './privacy/privacy.routes.js';
import { registerReviewRoutes } from './review/review.routes.js';

// Contest: online knowledge contests for officials and citizens — the question bank, contests and their
// frozen configuration, public registration and timed attempts, round close with ranking and prizes,
// participation per unit (a KPI for Measure). Wiring only.

export function registerContestModule(app: FastifyInstance, deps: ContestModuleDeps) {
  const services = createContestServices(deps);
  deps.jobs.registerHandler(ROUND_REMINDER_JOB, async () => {
    await services.contests.remindEndedRounds();
  });
  deps.jobs.registerHandler(PERSONAL_DATA_JOB, async () => {
    await services.privacy.sealAll();
    await services.privacy.eraseExpired();
  });
  deps.jobs.registerHandler(SUSPICION_SCAN_JOB, async () => {
    await services.review.scanAll();
  });
  app.register(async (scope) => {
    registerBankRoutes(scope, services.bank);
    registerContestsRoutes(scope, services.contests);
    registerPlayRoutes(scope, services.play);
    registerContestOutputsRoutes(scope, deps, services.contests);
    registerPrivacyRoutes(scope, services.privacy);
    registerReviewRoutes(scope, services.review);
  });
}

/** For the public portal: the open contests with their participant counts. */
export function createContestPublicList(deps: Pick<ContestModuleDeps, 'db'>): PublicContestList {
  return createPublicContestList({ repo: createContestRepository(deps.db) });
}

export { startContestJobsOnStartup } from './contest-jobs.js';
export { createContestServices } from './contest-services.js';
export { seedContestDemoOnStartup } from './demo/contest-demo-seed.js';
