import { createAccessGuard } from '../../lib/access-guard.js';
import { createPowGate } from '../feedback/feedback.module.js';
import { createKpiFeed } from '../kpis/kpis.module.js';
import { createNotifier } from '../notifications/notifications.module.js';
import { createBankService } from './bank/bank.service.js';
import { createContestRepository } from './contest.repository.js';
import type { ContestModuleDeps } from './contest.types.js';
import { createContestsService } from './contests/contests.service.js';
import { createPlayService } from './play/play.service.js';
import { createPrivacyService } from './privacy/privacy.service.js';
import { createReviewService } from './review/review.service.js';

// The contest module's services built once from the container (used by the module's wiring and its demo seed).
export function createContestServices(deps: ContestModuleDeps) {
  const base = {
    ...deps,
    repo: createContestRepository(deps.db),
    guard: createAccessGuard(deps.db),
    notifier: createNotifier(deps),
    kpis: createKpiFeed(deps),
    pow: createPowGate(deps),
  };
  return {
    bank: createBankService(base),
    contests: createContestsService(base),
    play: createPlayService(base),
    privacy: createPrivacyService(base),
    review: createReviewService(base),
  };
}
