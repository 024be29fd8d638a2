import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { SystemModuleDeps } from './system.types.js';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export function registerSystemRoutes(app: FastifyInstance, deps: SystemModuleDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: HealthSchema } },
    },
    async () => {
      await sql`select 1`.execute(deps.database.db);
      return { status: 'ok' as const, db: deps.database.dialect, version: deps.config.version };
    },
  );
}
