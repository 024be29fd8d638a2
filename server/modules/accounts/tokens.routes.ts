import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamsSchema,
  TokenCreateBodySchema,
  TokenCreatedSchema,
  TokenListSchema,
} from '../../../core/contracts/accounts.js';
import type { Deps } from '../../deps.js';
import { auditContextOf, requireActor } from '../../lib/request-context.js';
import { requireSignedIn } from '../../plugins/auth.js';
import { createTokensService } from './tokens.service.js';

const tags = ['tokens'];

export function registerTokensRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'audit'>) {
  const tokens = createTokensService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireSignedIn;

  r.get(
    '/api/tokens',
    {
      onRequest,
      schema: {
        tags,
        summary: 'My API tokens, and tokens in my tokens.manage scope',
        response: { 200: TokenListSchema },
      },
    },
    async (request) => tokens.list(requireActor(request)),
  );

  r.post(
    '/api/tokens',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Create an API token for a unit (the token is shown once)',
        body: TokenCreateBodySchema,
        response: { 201: TokenCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await tokens.create(requireActor(request), auditContextOf(request), request.body)),
  );

  r.delete(
    '/api/tokens/:id',
    {
      onRequest,
      schema: { tags, summary: 'Revoke an API token', params: IdParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await tokens.revoke(requireActor(request), auditContextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
