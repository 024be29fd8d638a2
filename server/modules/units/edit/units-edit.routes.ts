import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  HeadcountListSchema,
  HeadcountsPutSchema,
  UnitCreateSchema,
  UnitDetailSchema,
  UnitIdParamsSchema,
  UnitUpdateSchema,
} from '../../../../core/contracts/units.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { UnitsEditService } from '../units.types.js';

const tags = ['units'];
const security: { [label: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
// 401 before validation: anonymous callers learn nothing about a route's input.
const base = { onRequest: rejectAnonymous };

// Creating and editing units and their headcounts.
export function registerUnitEditRoutes(app: FastifyInstance, edits: UnitsEditService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/units',
    {
      ...base,
      schema: {
        tags,
        security,
        summary: 'Create a unit or agency',
        body: UnitCreateSchema,
        response: { 201: UnitDetailSchema },
      },
    },
    async (request, reply) => {
      const unit = await edits.createUnit(request.actor, auditContextOf(request), request.body);
      return reply.code(201).send(unit);
    },
  );

  r.patch(
    '/api/units/:id',
    {
      ...base,
      schema: {
        tags,
        security,
        summary: 'Edit or move a unit',
        params: UnitIdParamsSchema,
        body: UnitUpdateSchema,
        response: { 200: UnitDetailSchema },
      },
    },
    async (request) =>
      edits.updateUnit(request.actor, auditContextOf(request), request.params.id, request.body),
  );

  r.put(
    '/api/units/:id/headcounts',
    {
      ...base,
      schema: {
        tags,
        security,
        summary: 'Replace a unit’s headcounts (officials, population) by date',
        params: UnitIdParamsSchema,
        body: HeadcountsPutSchema,
        response: { 200: HeadcountListSchema },
      },
    },
    async (request) =>
      edits.putHeadcounts(request.actor, auditContextOf(request), request.params.id, request.body),
  );
}
