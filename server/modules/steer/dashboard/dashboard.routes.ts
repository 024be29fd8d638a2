import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type Dashboard,
  DashboardQuerySchema,
  DashboardSchema,
} from '../../../../core/contracts/steer-reports.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { SteerDashboardService } from '../reports/reports.types.js';

export function registerDashboardRoutes(app: FastifyInstance, dashboard: SteerDashboardService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/steer/dashboard',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags: ['steer'],
        summary:
          'The leader dashboard: four-way status split per plan and per unit, changes since the last period, key tasks overdue',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema },
      },
    },
    // The body comes serialised from the service's cache (already checked against DashboardSchema there):
    // a string with a JSON content type is sent as it is, not serialised again.
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send((await dashboard.dashboardJson(request.actor, request.query)) as unknown as Dashboard),
  );
}
