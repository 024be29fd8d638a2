import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PeriodUnitParamsSchema } from '../../../../core/contracts/measure.js';
import { KpiPrefillResultSchema } from '../../../../core/contracts/measure-kpi-prefill.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { KpiPrefillService } from '../measure.types.js';

export function registerKpiPrefillRoutes(app: FastifyInstance, kpiPrefill: KpiPrefillService) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/measure/periods/:periodId/units/:unitId/submission/prefill-from-kpis',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags: ['measure'],
        summary: 'Fill KPI-linked components from the unit’s KPI values for the period’s year (draft save)',
        params: PeriodUnitParamsSchema,
        response: { 200: KpiPrefillResultSchema },
      },
    },
    async (request) => kpiPrefill.prefill(auditContextOf(request), request.params),
  );
}
