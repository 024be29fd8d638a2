import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  KpiCodeParamsSchema,
  KpiDefinitionInputSchema,
  KpiDefinitionPatchSchema,
  KpiDefinitionSchema,
  KpiTargetInputSchema,
  KpiTargetViewSchema,
} from '../../../../core/contracts/kpis.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { KpiDefinitionsService } from '../kpis.types.js';

const tags = ['kpis'];

// Defining KPIs and setting targets (measure.manage).
export function registerKpiDefinitionRoutes(app: FastifyInstance, definitions: KpiDefinitionsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/kpis',
    {
      schema: {
        tags,
        summary: 'Define a KPI (measure.manage on a root unit)',
        body: KpiDefinitionInputSchema,
        response: { 201: KpiDefinitionSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await definitions.create(auditContextOf(request), request.body)),
  );

  r.patch(
    '/api/kpis/:code',
    {
      schema: {
        tags,
        summary: 'Edit a KPI definition',
        params: KpiCodeParamsSchema,
        body: KpiDefinitionPatchSchema,
        response: { 200: KpiDefinitionSchema },
      },
    },
    async (request) => definitions.update(auditContextOf(request), request.params.code, request.body),
  );

  r.put(
    '/api/kpis/:code/targets',
    {
      schema: {
        tags,
        summary: 'Set a yearly target for a unit (measure.manage)',
        params: KpiCodeParamsSchema,
        body: KpiTargetInputSchema,
        response: { 200: KpiTargetViewSchema },
      },
    },
    async (request) => definitions.setTarget(auditContextOf(request), request.params.code, request.body),
  );
}
