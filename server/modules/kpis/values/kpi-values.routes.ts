import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Dhis2DataValueSetSchema,
  Dhis2ImportSummarySchema,
  KpiBatchResultSchema,
  KpiValuesBatchSchema,
} from '../../../../core/contracts/kpis.js';
import { auditContextOf, localeOf } from '../../../lib/request-context.js';
import type { KpiValuesIngest } from '../kpis.types.js';

const tags = ['kpis'];
// A full 5,000-row batch (or a 10,000-value dataValueSet) is larger than the app's default body limit.
const BATCH_BODY_LIMIT = 8 * 1024 * 1024;
const Dhis2QuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
  orgUnitIdScheme: z.enum(['code', 'CODE', 'id', 'ID']).optional(),
  atomicMode: z.enum(['ALL', 'NONE']).optional(),
});

// Values pushed by other systems: our JSON batch and DHIS2 dataValueSets (measure.push / measure.enter).
export function registerKpiValueRoutes(app: FastifyInstance, ingest: KpiValuesIngest) {
  const r = app.withTypeProvider<ZodTypeProvider>();

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
    async (request) => ingest.pushValues(auditContextOf(request), request.body.values),
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
      const summary = await ingest.pushDataValueSet(auditContextOf(request), request.body, {
        dryRun: q.dryRun === 'true',
        orgUnitIdScheme: q.orgUnitIdScheme?.toLowerCase() === 'id' ? 'id' : 'code',
        atomicMode: q.atomicMode ?? 'NONE',
        locale: localeOf(request),
      });
      return reply.code(summary.status === 'ERROR' ? 409 : 200).send(summary);
    },
  );
}
