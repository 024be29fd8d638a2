import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DashboardQuerySchema, DashboardSchema } from '../../../../core/contracts/dashboard.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { sendSharedBody } from '../../../lib/shared-body.js';
import type { OverviewService } from '../dashboard.types.js';

export function registerOverviewRoutes(app: FastifyInstance, overview: OverviewService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dashboard',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags: ['dashboard'],
        summary:
          "The DX dashboard of an area: headline KPIs, the published ranking and the open period's progress, tasks, contest, feedback and community figures",
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema },
      },
    },
    // The body comes serialised from the dashboard's cache (checked against DashboardSchema there, encoded
    // once): bytes are sent as they are, not serialised again, and compressed once per encoding (shared-body.ts).
    async (request, reply) =>
      sendSharedBody(
        request,
        reply.type('application/json; charset=utf-8'),
        await overview.overviewBody(request.actor, request.query),
      ),
  );
}
