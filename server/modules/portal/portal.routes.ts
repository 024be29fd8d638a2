import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PublicHomeSchema } from '../../../core/contracts/portal.js';
import { sendSharedBody } from '../../lib/shared-body.js';
import type { HomeService } from './portal.types.js';

export function registerPortalRoutes(app: FastifyInstance, home: HomeService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/home',
    {
      schema: {
        tags: ['public'],
        summary:
          'The public home: headline figures, the latest ranking, open contests, feedback and community teams (anonymous)',
        response: { 200: PublicHomeSchema },
      },
    },
    async (request, reply) => {
      const body = await home.homeBody(request.ip);
      // Aggregates only, the same for everyone: a shared cache may keep it for a short while. The body comes
      // serialised from the home's cache (checked against PublicHomeSchema there, encoded once), sent as it is,
      // compressed once per encoding (shared-body.ts).
      reply.header('cache-control', 'public, max-age=30').type('application/json; charset=utf-8');
      return sendSharedBody(request, reply, body);
    },
  );
}
