import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  HeadcountListSchema,
  HeadcountsPutSchema,
  LineageCreateSchema,
  LineageEdgeSchema,
  LineageGraphSchema,
  LineageIdParamsSchema,
  LineageQuerySchema,
  StructureListSchema,
  UnitCreateSchema,
  UnitDetailSchema,
  UnitIdParamsSchema,
  UnitListQuerySchema,
  UnitListSchema,
  UnitUpdateSchema,
} from '../../../core/contracts/units.js';
import type { Deps } from '../../deps.js';
import { auditContextOf, requireActor } from '../../lib/request-context.js';
import { createLineageService } from './lineage.service.js';
import { createUnitsService } from './units.service.js';
import { createUnitsEditService } from './units-edit.service.js';

const tags = ['units'];
const security: { [label: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
const NoContent = z.null().describe('No content');

// 401 before validation: anonymous callers learn nothing about a route's input.
async function signedIn(request: FastifyRequest) {
  requireActor(request);
}

export function registerUnitsModule(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'audit'>) {
  const units = createUnitsService(deps);
  const edits = createUnitsEditService(deps);
  const lineage = createLineageService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: signedIn };

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
    async (request) => units.listStructures(requireActor(request)),
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
    async (request) => units.listUnits(requireActor(request), request.query),
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
    async (request) => units.getUnit(requireActor(request), request.params.id),
  );

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
    async (request) => lineage.getLineage(requireActor(request), request.params.id, request.query.depth),
  );

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
      const unit = await edits.createUnit(requireActor(request), auditContextOf(request), request.body);
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
      edits.updateUnit(requireActor(request), auditContextOf(request), request.params.id, request.body),
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
      edits.putHeadcounts(requireActor(request), auditContextOf(request), request.params.id, request.body),
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
      const edge = await lineage.createLineage(requireActor(request), auditContextOf(request), request.body);
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
      await lineage.deleteLineage(requireActor(request), auditContextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
