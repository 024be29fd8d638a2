import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicPeriodDetailSchema } from '../../../../core/contracts/measure-public.js';
import type { PublicMeasureService } from '../measure.types.js';

export const PublicPeriodSchema = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  publishedAt: z.string(),
});

/** Anonymous list of published periods, so the public portal can link to the latest ranking. */
export function registerPublicMeasureRoutes(app: FastifyInstance, publicReads: PublicMeasureService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/measure/periods',
    {
      schema: {
        tags: ['public'],
        summary: 'Published assessment periods, most recent first (anonymous)',
        response: { 200: z.array(PublicPeriodSchema) },
      },
    },
    async (_request, reply) => {
      // Published results are public and change only on publish; a short shared cache is safe.
      reply.header('cache-control', 'public, max-age=60');
      return publicReads.publishedPeriods();
    },
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/measure/periods/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'A published period: main index names and the units not (yet) in its ranking (anonymous)',
        params: z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
        response: { 200: PublicPeriodDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await publicReads.publishedPeriod(request.params.id);
      reply.header('cache-control', 'public, max-age=60');
      return detail;
    },
  );
}
