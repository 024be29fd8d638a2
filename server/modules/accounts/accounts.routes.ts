import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { registerAuthRoutes } from './auth.routes.js';
import { registerTokensRoutes } from './tokens.routes.js';
import { registerUsersRoutes } from './users.routes.js';

// Accounts: sign-in and sessions, users and their roles, API tokens for machine clients.
export function registerAccountsModule(app: FastifyInstance, deps: Deps) {
  registerAuthRoutes(app, deps);
  registerUsersRoutes(app, deps);
  registerTokensRoutes(app, deps);
}
