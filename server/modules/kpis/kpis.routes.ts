import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Dhis2DataValueSetSchema,
  Dhis2ImportSummarySchema,
  KpiBatchResultSchema,
  KpiCodeParamsSchema,
  KpiDefinitionInputSchema,
  KpiDefinitionPatchSchema,
  KpiDefinitionSchema,
  KpiHistoryEntrySchema,
  KpiHistoryQuerySchema,
  KpiSummaryQuerySchema,
  KpiSummarySchema,
  KpiTargetInputSchema,
  KpiTargetViewSchema,
  KpiValuesBatchSchema,
  KpiValuesQuerySchema,
  KpiValueViewSchema,
} from '../../../core/contracts/kpis.js';
import { auditContextOf, localeOf } from '../../lib/request-context.js';
import type { KpiDefinitionsService } from './kpi-definitions.service.js';
import type { KpiIngestService } from './kpi-ingest.service.js';
import type { createKpiReadsService } from './kpi-reads.service.js';

// Routes for KPI definitions, targets, values (JSON and DHIS2 dataValueSets) and reads.
// Each authenticates through request.actor and leaves the rules to the services.

type Services = {
  definitions: KpiDefinitionsService;
  ingest: KpiIngestService;
  reads: ReturnType<typeof createKpiReadsService>;
};

const tags = ['kpis'];
// A full 5,000-row batch (or a 10,000-value dataValueSet) is larger than the app's default body limit.
const BATCH_BODY_LIMIT = 8 * 1024 * 1024;
const Dhis2QuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
  orgUnitIdScheme: z.enum(['code', 'CODE', 'id', 'ID']).optional(),
  atomicMode: z.enum(['ALL', 'NONE']).optional(),
});

export function registerKpiRoutes(app: FastifyInstance, s: Services) {
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
    async (request) => ({ items: await s.reads.listDefinitions(request.actor) }),
  );
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
      reply.code(201).send(await s.definitions.create(auditContextOf(request), request.body)),
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
    async (request) => s.definitions.update(auditContextOf(request), request.params.code, request.body),
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
    async (request) => s.definitions.setTarget(auditContextOf(request), request.params.code, request.body),
  );

  r.post(
    '/api/kpis/values',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Push a batch of KPI values, all or nothing (measure.push / measure.enter)',
        body: KpiValuesBatchSchema,
        response: { 200: KpiBatchResultSchema },
      },
    },
    async (request) => s.ingest.pushValues(auditContextOf(request), request.body.values),
  );
  r.post(
    '/api/kpis/dataValueSets',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a DHIS2 dataValueSet (JSON)',
        querystring: Dhis2QuerySchema,
        body: Dhis2DataValueSetSchema,
        response: { 200: Dhis2ImportSummarySchema, 409: Dhis2ImportSummarySchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const summary = await s.ingest.pushDataValueSet(auditContextOf(request), request.body, {
        dryRun: q.dryRun === 'true',
        orgUnitIdScheme: q.orgUnitIdScheme?.toLowerCase() === 'id' ? 'id' : 'code',
        atomicMode: q.atomicMode ?? 'NONE',
        locale: localeOf(request),
      });
      return reply.code(summary.status === 'ERROR' ? 409 : 200).send(summary);
    },
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
    async (request) => s.reads.summary(request.actor, request.query),
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
    async (request) => s.reads.valuesOf(request.actor, request.params.code, request.query),
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
    async (request) => s.reads.historyOf(request.actor, request.params.code, request.query),
  );
}
