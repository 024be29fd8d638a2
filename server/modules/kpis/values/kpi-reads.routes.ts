import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  KpiCodeParamsSchema,
  KpiDefinitionSchema,
  KpiHistoryEntrySchema,
  KpiHistoryQuerySchema,
  KpiSummaryQuerySchema,
  KpiSummarySchema,
  KpiValuesQuerySchema,
  KpiValueViewSchema,
} from '../../../../core/contracts/kpis.js';
import type { KpiReadsService } from '../kpis.types.js';

const tags = ['kpis'];

// The catalogue, a unit’s values and their history, and a unit’s summary against targets (measure.read).
export function registerKpiReadRoutes(app: FastifyInstance, reads: KpiReadsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/kpis',
    {
      schema: {
        tags,
        summary: 'KPI definitions',
        response: { 200: z.object({ items: z.array(KpiDefinitionSchema) }) },
      },
    },
    async (request) => ({ items: await reads.listDefinitions(request.actor) }),
  );

  r.get(
    '/api/kpis/summary',
    {
      schema: {
        tags,
        summary: "A unit's KPIs for a period against targets, with its subtree",
        querystring: KpiSummaryQuerySchema,
        response: { 200: KpiSummarySchema },
      },
    },
    async (request) => reads.summary(request.actor, request.query),
  );

  r.get(
    '/api/kpis/:code/values',
    {
      schema: {
        tags,
        summary: "A unit's values of one KPI",
        params: KpiCodeParamsSchema,
        querystring: KpiValuesQuerySchema,
        response: {
          200: z.object({ kpi: KpiDefinitionSchema, unitId: z.number(), items: z.array(KpiValueViewSchema) }),
        },
      },
    },
    async (request) => reads.valuesOf(request.actor, request.params.code, request.query),
  );

  r.get(
    '/api/kpis/:code/history',
    {
      schema: {
        tags,
        summary: 'Every write of one value (who, when, what)',
        params: KpiCodeParamsSchema,
        querystring: KpiHistoryQuerySchema,
        response: { 200: z.object({ items: z.array(KpiHistoryEntrySchema) }) },
      },
    },
    async (request) => reads.historyOf(request.actor, request.params.code, request.query),
  );
}
