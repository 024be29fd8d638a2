import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LineageCreateSchema,
  LineageEdgeSchema,
  LineageGraphSchema,
  LineageIdParamsSchema,
  LineageQuerySchema,
  UnitIdParamsSchema,
} from '../../../../core/contracts/units.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { LineageService } from '../units.types.js';

const tags = ['units'];
const security: { [label: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
const NoContent = z.null().describe('No content');
// 401 before validation: anonymous callers learn nothing about a route's input.
const base = { onRequest: rejectAnonymous };

// The lineage graph around a unit; adding and removing a link.
export function registerLineageRoutes(app: FastifyInstance, lineage: LineageService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/units/:id/lineage',
    {
      ...base,
      schema: {
        tags,
        security,
        summary: 'Predecessors and successors of a unit, transitively (a graph)',
        params: UnitIdParamsSchema,
        querystring: LineageQuerySchema,
        response: { 200: LineageGraphSchema },
      },
    },
    async (request) => lineage.getLineage(request.actor, request.params.id, request.query.depth),
  );

  r.post(
    '/api/lineage',
    {
      ...base,
      schema: {
        tags,
        security,
        summary: 'Link an old unit to a new one (merger or split)',
        body: LineageCreateSchema,
        response: { 201: LineageEdgeSchema },
      },
    },
    async (request, reply) => {
      const edge = await lineage.createLineage(request.actor, auditContextOf(request), request.body);
      return reply.code(201).send(edge);
    },
  );

  r.delete(
    '/api/lineage/:id',
    {
      ...base,
      schema: {
        tags,
        security,
        summary: 'Remove a lineage link',
        params: LineageIdParamsSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await lineage.deleteLineage(request.actor, auditContextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
