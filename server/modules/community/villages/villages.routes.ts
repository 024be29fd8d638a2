import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CommuneQuerySchema,
  VillageCreateSchema,
  VillageListSchema,
  VillageMergeSchema,
  VillageSchema,
} from '../../../../core/contracts/community.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { VillagesService } from '../community.types.js';

const tags = ['community'];

export function registerVillagesRoutes(app: FastifyInstance, villages: VillagesService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/community/villages',
    {
      ...base,
      schema: {
        tags,
        summary: 'Villages and residential groups of a commune, with their team',
        querystring: CommuneQuerySchema,
        response: { 200: VillageListSchema },
      },
    },
    async (request) => villages.list(request.actor, request.query.communeId),
  );
  r.post(
    '/api/community/villages',
    {
      ...base,
      schema: {
        tags,
        summary: 'Add a village or residential group below a commune (a unit of kind village)',
        body: VillageCreateSchema,
        response: { 201: VillageSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return villages.create(auditContextOf(request), request.body);
    },
  );
  r.post(
    '/api/community/villages/merge',
    {
      ...base,
      schema: {
        tags,
        summary: 'Merge villages into a new one on a date (old ones close, lineage links them)',
        body: VillageMergeSchema,
        response: { 201: VillageSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return villages.merge(auditContextOf(request), request.body);
    },
  );
}
