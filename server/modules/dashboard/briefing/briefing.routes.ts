import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BriefingQuerySchema } from '../../../../core/contracts/dashboard.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { BriefingService } from '../dashboard.types.js';

export function registerBriefingRoutes(app: FastifyInstance, briefing: BriefingService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ['pdf', 'docx'] as const) {
    r.get(
      `/api/dashboard/briefing.${format}`,
      {
        onRequest: rejectAnonymous,
        schema: {
          tags: ['dashboard'],
          summary: `The one-page committee briefing of the dashboard's figures, with charts (${format.toUpperCase()})`,
          querystring: BriefingQuerySchema,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await briefing.briefing(request.actor, request.query, format)),
    );
  }
}
