import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema } from '../../../core/contracts/accounts.js';
import { rejectAnonymous } from '../../lib/request-auth.js';
import type { AuditReadService } from './audit.types.js';

export function registerAuditRoutes(app: FastifyInstance, audit: AuditReadService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags: ['audit'],
        summary: 'Browse and filter the audit log (newest first)',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    (request) => audit.list(request.actor, request.query),
  );
}
