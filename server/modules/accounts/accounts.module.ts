import type { FastifyInstance } from 'fastify';
import type { AccountsModuleDeps, Authenticator, AuthenticatorDeps } from './accounts.types.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { createAuthService } from './auth/auth.service.js';
import { createAuthenticator as authenticatorOf } from './auth/authenticator.js';
import { registerPasswordResetRoutes } from './password-reset/password-reset.routes.js';
import { createPasswordResetService } from './password-reset/password-reset.service.js';
import { createPasswordResetsRepository } from './password-reset/password-resets.repository.js';
import { createSessionsRepository } from './sessions/sessions.repository.js';
import { createSessionsService } from './sessions/sessions.service.js';
import { createTokensRepository } from './tokens/tokens.repository.js';
import { registerTokensRoutes } from './tokens/tokens.routes.js';
import { createTokensService } from './tokens/tokens.service.js';
import { createUnitScopeRepository } from './users/unit-scope.repository.js';
import { createUsersRepository } from './users/users.repository.js';
import { registerUsersRoutes } from './users/users.routes.js';
import { createUsersService } from './users/users.service.js';

// Accounts: sign-in and sessions, users and their roles, API tokens for machine clients.

// The public face for the other modules' demo seeds.
export { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, listDemoLogins, seedDemoUsers } from './demo/demo-users.js';

/** The auth plugin's caller resolution (bearer token or session cookie), wired from the container. */
export function createAuthenticator(deps: AuthenticatorDeps): Authenticator {
  const sessions = createSessionsService({ ...deps, sessions: createSessionsRepository(deps.db) });
  return authenticatorOf({
    clock: deps.clock,
    sessions,
    tokens: createTokensRepository(deps.db),
    users: createUsersRepository(deps.db),
    scope: createUnitScopeRepository(deps.db),
  });
}

// Wiring only: repositories → services → routes.
export function registerAccountsModule(app: FastifyInstance, deps: AccountsModuleDeps) {
  const users = createUsersRepository(deps.db);
  const scope = createUnitScopeRepository(deps.db);
  const tokens = createTokensRepository(deps.db);
  const sessions = createSessionsService({ ...deps, sessions: createSessionsRepository(deps.db) });
  const resets = createPasswordResetService({
    ...deps,
    resets: createPasswordResetsRepository(deps.db),
    users,
    sessions,
  });

  registerAuthRoutes(app, createAuthService({ ...deps, users, sessions }));
  registerPasswordResetRoutes(app, resets);
  registerUsersRoutes(app, createUsersService({ ...deps, users, scope, sessions, resets }));
  registerTokensRoutes(app, createTokensService({ ...deps, tokens, scope }));
}
