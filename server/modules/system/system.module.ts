import type { FastifyInstance } from 'fastify';
import { registerSystemRoutes } from './system.routes.js';
import type { SystemModuleDeps } from './system.types.js';

// Wiring only: the health check reads the database handle and the version from the container.
export function registerSystemModule(app: FastifyInstance, deps: SystemModuleDeps) {
  registerSystemRoutes(app, deps);
}
