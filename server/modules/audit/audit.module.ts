import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from './audit.repository.js';
import { registerAuditRoutes } from './audit.routes.js';
import { createAuditReadService } from './audit.service.js';
import type { AuditModuleDeps } from './audit.types.js';

// Wiring only: repositories → services → routes. Writing audit rows is lib/audit.ts (every module writes).
export function registerAuditModule(app: FastifyInstance, deps: AuditModuleDeps) {
  const repo = createAuditRepository(deps.db);
  registerAuditRoutes(app, createAuditReadService({ repo }));
}
