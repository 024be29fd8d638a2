import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FeedbackCategoryInputSchema,
  FeedbackCategoryListSchema,
  FeedbackCategorySchema,
  FeedbackIdParamsSchema,
} from '../../../../core/contracts/feedback.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { CategoriesService } from '../feedback.types.js';

const tags = ['feedback'];

export function registerCategoriesRoutes(app: FastifyInstance, categories: CategoriesService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/feedback/categories',
    {
      ...base,
      schema: {
        tags,
        summary: 'Feedback categories (lĩnh vực), inactive ones included',
        response: { 200: FeedbackCategoryListSchema },
      },
    },
    async (request) => categories.list(request.actor),
  );
  r.post(
    '/api/feedback/categories',
    {
      ...base,
      schema: {
        tags,
        summary: 'Create a feedback category',
        body: FeedbackCategoryInputSchema,
        response: { 201: FeedbackCategorySchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return categories.create(auditContextOf(request), request.body);
    },
  );
  r.put(
    '/api/feedback/categories/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Edit a feedback category (deadline, photo rule, default unit, active)',
        params: FeedbackIdParamsSchema,
        body: FeedbackCategoryInputSchema,
        response: { 200: FeedbackCategorySchema },
      },
    },
    async (request) => categories.update(auditContextOf(request), request.params.id, request.body),
  );
}
