import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamSchema,
  PeriodCreateSchema,
  PeriodSchema,
  PeriodTargetsSchema,
} from '../../../../core/contracts/measure.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { PeriodsService } from '../measure.types.js';

const tags = ['measure'];

export function registerPeriodsRoutes(app: FastifyInstance, periods: PeriodsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/measure/periods',
    {
      ...base,
      schema: {
        tags,
        summary: 'Assessment periods in the caller’s scope',
        response: { 200: z.array(PeriodSchema) },
      },
    },
    async (request) => periods.list(request.actor),
  );
  r.post(
    '/api/measure/periods',
    {
      ...base,
      schema: {
        tags,
        summary: 'Create an assessment period (draft)',
        body: PeriodCreateSchema,
        response: { 201: PeriodSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return periods.create(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/measure/periods/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'An assessment period',
        params: IdParamSchema,
        response: { 200: PeriodSchema },
      },
    },
    async (request) => periods.get(request.actor, request.params.id),
  );
  r.put(
    '/api/measure/periods/:id/targets',
    {
      ...base,
      schema: {
        tags,
        summary: 'Set an assessment period’s plan targets (0–1, total and per main index; any status)',
        params: IdParamSchema,
        body: PeriodTargetsSchema,
        response: { 200: PeriodSchema },
      },
    },
    async (request) => periods.setTargets(auditContextOf(request), request.params.id, request.body),
  );
  for (const action of ['open', 'close'] as const) {
    r.post(
      `/api/measure/periods/:id/${action}`,
      {
        ...base,
        schema: {
          tags,
          summary: `${action === 'open' ? 'Open' : 'Close'} an assessment period`,
          params: IdParamSchema,
          response: { 200: PeriodSchema },
        },
      },
      async (request) => periods[action](auditContextOf(request), request.params.id),
    );
  }
}
