import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppraisalQueueSchema } from '../../../../core/contracts/measure-queue.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { AppraisalQueueService } from '../measure.types.js';

export function registerAppraisalQueueRoutes(app: FastifyInstance, queue: AppraisalQueueService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/measure/appraisal-queue',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags: ['measure'],
        summary:
          'The appraiser’s queue: submissions waiting for appraisal, returned to the unit, or resubmitted',
        response: { 200: AppraisalQueueSchema },
      },
    },
    async (request) => queue.queue(request.actor),
  );
}
