import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AppraisalBodySchema,
  PeriodUnitParamsSchema,
  ReturnBodySchema,
  SubmissionViewSchema,
} from '../../../../core/contracts/measure.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { AppraisalService } from '../measure.types.js';

const tags = ['measure'];
const path = '/api/measure/periods/:periodId/units/:unitId/appraisal';

export function registerAppraisalRoutes(app: FastifyInstance, appraisal: AppraisalService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  const view = { 200: SubmissionViewSchema };

  r.get(
    path,
    {
      ...base,
      schema: {
        tags,
        summary: 'Self and appraised values side by side',
        params: PeriodUnitParamsSchema,
        response: view,
      },
    },
    async (request) => appraisal.get(request.actor, request.params),
  );
  r.put(
    path,
    {
      ...base,
      schema: {
        tags,
        summary: 'Set appraised values, points and comments per component',
        params: PeriodUnitParamsSchema,
        body: AppraisalBodySchema,
        response: view,
      },
    },
    async (request) => appraisal.appraise(auditContextOf(request), request.params, request.body),
  );
  r.post(
    `${path}/return`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Return the submission for correction with the components to fix',
        params: PeriodUnitParamsSchema,
        body: ReturnBodySchema,
        response: view,
      },
    },
    async (request) => appraisal.returnForCorrection(auditContextOf(request), request.params, request.body),
  );
  r.post(
    `${path}/approve`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Approve the submission (locks its data)',
        params: PeriodUnitParamsSchema,
        response: view,
      },
    },
    async (request) => appraisal.approve(auditContextOf(request), request.params),
  );
}
