import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type Dashboard,
  DashboardQuerySchema,
  DashboardSchema,
} from '../../../../core/contracts/dashboard.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
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
    // once): bytes are sent as they are, not serialised again.
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send((await overview.overviewBody(request.actor, request.query)) as unknown as Dashboard),
  );
}
