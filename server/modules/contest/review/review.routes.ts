import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ContestIdParamsSchema } from '../../../../core/contracts/contest.js';
import {
  ContestFlagListSchema,
  ContestFlagParamsSchema,
  ContestFlagQuerySchema,
  ContestFlagReviewSchema,
  ContestFlagSchema,
} from '../../../../core/contracts/contest-review.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { ReviewService } from '../contest.types.js';

const tags = ['contest'];

export function registerReviewRoutes(app: FastifyInstance, review: ReviewService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/contest/contests/:id/flags',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Suspicion flags of a contest with their evidence, for a human to review (organisers)',
        params: ContestIdParamsSchema,
        querystring: ContestFlagQuerySchema,
        response: { 200: ContestFlagListSchema },
      },
    },
    async (request) => review.list(request.actor, request.params.id, request.query.status),
  );
  r.post(
    '/api/contest/contest-flags/:flagId/review',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary:
          'Clear or confirm a suspicion flag with a note; a confirmed one may exclude its people from prizes',
        params: ContestFlagParamsSchema,
        body: ContestFlagReviewSchema,
        response: { 200: ContestFlagSchema },
      },
    },
    async (request) => review.review(auditContextOf(request), request.params.flagId, request.body),
  );
}
