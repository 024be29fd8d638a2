import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  StructureListSchema,
  UnitDetailSchema,
  UnitIdParamsSchema,
  UnitListQuerySchema,
  UnitListSchema,
} from '../../../../core/contracts/units.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { UnitsService } from '../units.types.js';

const tags = ['units'];
const security: { [label: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
// 401 before validation: anonymous callers learn nothing about a route's input.
const base = { onRequest: rejectAnonymous };

// Structures and the unit tree as of a date, filtered to the actor’s scope.
export function registerUnitTreeRoutes(app: FastifyInstance, units: UnitsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/structures',
    {
      ...base,
      schema: {
        tags,
        security,
        summary: 'Unit structures (e.g. before and after 1 July 2025)',
        response: { 200: StructureListSchema },
      },
    },
    async (request) => units.listStructures(request.actor),
  );

  r.get(
    '/api/units',
    {
      ...base,
      schema: {
        tags,
        security,
        summary:
          'Units as of a date: top of the actor’s tree, children of a unit, or search ignoring diacritics',
        querystring: UnitListQuerySchema,
        response: { 200: UnitListSchema },
      },
    },
    async (request) => units.listUnits(request.actor, request.query),
  );

  r.get(
    '/api/units/:id',
    {
      ...base,
      schema: {
        tags,
        security,
        summary: 'One unit with ancestors, headcounts and allowed actions',
        params: UnitIdParamsSchema,
        response: { 200: UnitDetailSchema },
      },
    },
    async (request) => units.getUnit(request.actor, request.params.id),
  );
}
