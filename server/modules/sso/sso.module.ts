import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { createOidcClient, type FetchLike } from './oidc/oidc-client.js';
import { createSsoRepository } from './sso.repository.js';
import { registerSsoRoutes } from './sso.routes.js';
import { createCitizenIdentityReader as buildReader, createSsoService } from './sso.service.js';
import type { CitizenIdentityReader, SsoModuleDeps } from './sso.types.js';

// Citizen single sign-on (OpenID Connect) when OIDC_* is configured: routes under /api/public/sso and, for
// Feedback and Contest, the reader of the citizen behind a request's cookie. Wiring only.

export { CITIZEN_COOKIE } from './citizen-cookie.js';

/** For other modules: who the citizen of a session token is (null without single sign-on or a session). */
export function createCitizenIdentityReader(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
): CitizenIdentityReader {
  return buildReader({ clock: deps.clock, oidc: deps.config.oidc, repo: createSsoRepository(deps.db) });
}

export function registerSsoModule(
  app: FastifyInstance,
  deps: SsoModuleDeps,
  options: { fetchImpl?: FetchLike } = {},
) {
  const oidc = deps.config.oidc;
  const fetchImpl = options.fetchImpl ?? ((url, init) => fetch(url, init));
  const client = oidc ? createOidcClient(oidc, fetchImpl, () => deps.clock.now().getTime()) : undefined;
  registerSsoRoutes(app, createSsoService({ ...deps, oidc, client, repo: createSsoRepository(deps.db) }));
}
