import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ActivityInputSchema,
  ActivityListQuerySchema,
  ActivityListSchema,
  ActivityViewSchema,
  CommunityIdParamsSchema,
} from '../../../../core/contracts/community.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { ActivitiesService } from '../community.types.js';

const tags = ['community'];

export function registerActivitiesRoutes(app: FastifyInstance, activities: ActivitiesService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/community/activities',
    {
      ...base,
      schema: {
        tags,
        summary: 'Activities of the teams below a unit, newest first',
        querystring: ActivityListQuerySchema,
        response: { 200: ActivityListSchema },
      },
    },
    async (request) => activities.list(request.actor, request.query),
  );
  r.post(
    '/api/community/activities',
    {
      ...base,
      schema: {
        tags,
        summary: 'Log an activity (a resend with the same clientKey returns the stored one with 200)',
        body: ActivityInputSchema,
        response: { 200: ActivityViewSchema, 201: ActivityViewSchema },
      },
    },
    async (request, reply) => {
      const view = await activities.log(auditContextOf(request), request.body);
      reply.code(view.replayed ? 200 : 201);
      return view;
    },
  );
  r.delete(
    '/api/community/activities/:id',
    {
      ...base,
      schema: { tags, summary: 'Remove an activity logged by mistake', params: CommunityIdParamsSchema },
    },
    async (request, reply) => {
      await activities.remove(auditContextOf(request), request.params.id);
      reply.code(204);
    },
  );
}
