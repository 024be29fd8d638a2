import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema } from '../../../../core/contracts/measure.js';
import {
  HistoryQuerySchema,
  InStructureQuerySchema,
  InStructureSchema,
  UnitHistorySchema,
} from '../../../../core/contracts/measure-analysis.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { HistoryService } from '../measure.types.js';

const tags = ['measure'];
const UnitParamsSchema = z.strictObject({ unitId: z.coerce.number().int().positive().max(2_147_483_647) });

export function registerHistoryRoutes(app: FastifyInstance, history: HistoryService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/measure/periods/:id/ranking-in-structure',
    {
      ...base,
      schema: {
        tags,
        summary:
          'Published rankings (this period and those in `with`, one framework family) re-expressed in another structure through lineage: mean, weighted (with `missing`), pooled',
        params: IdParamSchema,
        querystring: InStructureQuerySchema,
        response: { 200: InStructureSchema },
      },
    },
    async (request) => {
      const { structure, ...options } = request.query;
      return history.inStructure(request.actor, request.params.id, structure, options);
    },
  );
  r.get(
    '/api/measure/units/:unitId/history',
    {
      ...base,
      schema: {
        tags,
        summary:
          'A unit’s values per period and framework family, back through its predecessors, with the reason of each gap',
        params: UnitParamsSchema,
        querystring: HistoryQuerySchema,
        response: { 200: UnitHistorySchema },
      },
    },
    async (request) => history.unitHistory(request.actor, request.params.unitId, request.query),
  );
}
