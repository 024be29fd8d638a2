import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamSchema, PeriodUnitParamsSchema } from '../../../../core/contracts/measure.js';
import {
  DropOneSchema,
  RobustnessQuerySchema,
  RobustnessSchema,
  WhatIfBodySchema,
  WhatIfResultSchema,
} from '../../../../core/contracts/measure-analysis.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { AnalysisService } from '../measure.types.js';

const tags = ['measure'];

export function registerAnalysisRoutes(app: FastifyInstance, analysis: AnalysisService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.post(
    '/api/measure/periods/:periodId/units/:unitId/what-if',
    {
      ...base,
      schema: {
        tags,
        summary: 'What-if sandbox: a unit’s score and rank with changed values or weights (writes nothing)',
        params: PeriodUnitParamsSchema,
        body: WhatIfBodySchema,
        response: { 200: WhatIfResultSchema },
      },
    },
    async (request) =>
      analysis.sandbox(request.actor, request.params.periodId, request.params.unitId, request.body),
  );
  r.get(
    '/api/measure/periods/:id/robustness',
    {
      ...base,
      schema: {
        tags,
        summary: 'Rank intervals of the published ranking under random weight perturbation',
        params: IdParamSchema,
        querystring: RobustnessQuerySchema,
        response: { 200: RobustnessSchema },
      },
    },
    async (request) => analysis.robustness(request.actor, request.params.id, request.query),
  );
  r.get(
    '/api/measure/periods/:id/robustness/drop-one',
    {
      ...base,
      schema: {
        tags,
        summary: 'Effect on the published ranking of dropping each component',
        params: IdParamSchema,
        response: { 200: DropOneSchema },
      },
    },
    async (request) => analysis.dropOne(request.actor, request.params.id),
  );
}
