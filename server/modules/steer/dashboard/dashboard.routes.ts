import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DashboardQuerySchema, DashboardSchema } from '../../../../core/contracts/steer-reports.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { sendSharedBody } from '../../../lib/shared-body.js';
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
    // The body comes serialised and encoded from the service's cache (checked against DashboardSchema there):
    // bytes are sent as they are, not serialised again, and compressed once per encoding (shared-body.ts).
    async (request, reply) =>
      sendSharedBody(
        request,
        reply.type('application/json; charset=utf-8'),
        await dashboard.dashboardBody(request.actor, request.query),
      ),
  );
}
