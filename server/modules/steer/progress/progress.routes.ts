import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParamsSchema,
  ProgressAnswerSchema,
  ProgressInputSchema,
  ProgressParamsSchema,
  ProgressViewSchema,
} from '../../../../core/contracts/steer-tasks.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { SteerProgressService } from '../steer.types.js';

const tags = ['steer'];

export function registerProgressRoutes(app: FastifyInstance, progress: SteerProgressService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.post(
    '/api/steer/tasks/:id/progress',
    {
      ...base,
      schema: {
        tags,
        summary:
          'Report progress (lead or coordinating unit): percent, text, difficulties, proposals, evidence files',
        params: IdParamsSchema,
        body: ProgressInputSchema,
        response: { 201: ProgressViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return progress.report(auditContextOf(request), request.params.id, request.body);
    },
  );
  r.post(
    '/api/steer/tasks/:id/progress/:progressId/answer',
    {
      ...base,
      schema: {
        tags,
        summary: 'Answer a progress report’s proposals (secretariat)',
        params: ProgressParamsSchema,
        body: ProgressAnswerSchema,
        response: { 200: ProgressViewSchema },
      },
    },
    async (request) =>
      progress.answer(
        auditContextOf(request),
        request.params.id,
        request.params.progressId,
        request.body.answer,
      ),
  );
}
