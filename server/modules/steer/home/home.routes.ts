import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HomeQuerySchema, HomeSchema } from '../../../../core/contracts/steer-urging.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { SteerHomeService } from '../urging/urging.types.js';

export function registerHomeRoutes(app: FastifyInstance, home: SteerHomeService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/steer/home',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags: ['steer'],
        summary:
          "The unit officer's home: the unit's tasks by urgency, this week's reports, returns, letters",
        querystring: HomeQuerySchema,
        response: { 200: HomeSchema },
      },
    },
    async (request) => home.home(request.actor, request.query),
  );
}
