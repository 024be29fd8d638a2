import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { createPublicMeasureRepository } from './public.repository.js';

export const PublicPeriodSchema = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  publishedAt: z.string(),
});

/** Anonymous list of published periods, so the public portal can link to the latest ranking. */
export function registerPublicMeasureRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const repo = createPublicMeasureRepository(db);
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
      return (await repo.publishedPeriods()).map((p) => ({ ...p, year: Number(p.year) }));
    },
  );
}
