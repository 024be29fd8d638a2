import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema } from '../../../core/contracts/measure.js';
import { requireSignedIn } from '../../plugins/auth.js';
import {
  HistoryQuerySchema,
  InStructureQuerySchema,
  InStructureSchema,
  UnitHistorySchema,
} from './analysis.schemas.js';
import type { HistoryService } from './history.service.js';

const tags = ['measure'];
const UnitParamsSchema = z.strictObject({ unitId: z.coerce.number().int().positive().max(2_147_483_647) });

export function registerHistoryRoutes(app: FastifyInstance, history: HistoryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: requireSignedIn };

  r.get(
    '/api/measure/periods/:id/ranking-in-structure',
    {
      ...base,
      schema: {
        tags,
        summary:
          'A published ranking re-expressed in another structure through lineage (mean, weighted, sum)',
        params: IdParamSchema,
        querystring: InStructureQuerySchema,
        response: { 200: InStructureSchema },
      },
    },
    async (request) => {
      const { structure, rule, weight } = request.query;
      return history.inStructure(request.actor, request.params.id, structure, { rule, weight });
    },
  );
  r.get(
    '/api/measure/units/:unitId/history',
    {
      ...base,
      schema: {
        tags,
        summary: 'A unit’s published values per period, back through its predecessors',
        params: UnitParamsSchema,
        querystring: HistoryQuerySchema,
        response: { 200: UnitHistorySchema },
      },
    },
    async (request) => history.unitHistory(request.actor, request.params.unitId, request.query),
  );
}
