import type { FastifyInstance } from 'fastify';
import { linkBaseUrl } from '../../config.js';
import { createAccessGuard } from '../../lib/access-guard.js';
import { registerCertificatesRoutes } from './certificates/certificates.routes.js';
import { createCertificatesService } from './certificates/certificates.service.js';
import { createContestRepository } from './contest.repository.js';
import type { ContestModuleDeps, ContestsService } from './contest.types.js';
import { createOutputsRepository } from './outputs/outputs.repository.js';
import { registerOutputsRoutes } from './outputs/outputs.routes.js';
import { createOutputsService } from './outputs/outputs.service.js';

// The contest's outputs (item statistics, the decision's DOCX, the bulletin) and certificates: their
// repositories, services and routes, wired once from the module. Wiring only.

export function createContestOutputs(deps: ContestModuleDeps, contests: Pick<ContestsService, 'results'>) {
  const base = {
    ...deps,
    repo: createContestRepository(deps.db),
    outputs: createOutputsRepository(deps.db),
    guard: createAccessGuard(deps.db),
  };
  return {
    outputs: createOutputsService({ ...base, contests }),
    certificates: createCertificatesService(base),
  };
}

export function registerContestOutputsRoutes(
  app: FastifyInstance,
  deps: ContestModuleDeps,
  contests: Pick<ContestsService, 'results'>,
) {
  const s = createContestOutputs(deps, contests);
  registerOutputsRoutes(app, s.outputs);
  registerCertificatesRoutes(app, s.certificates, linkBaseUrl(deps.config));
}
