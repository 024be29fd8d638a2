import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamsSchema,
  TokenCreateBodySchema,
  TokenCreatedSchema,
  TokenListSchema,
} from '../../../../core/contracts/accounts.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { TokensService } from '../accounts.types.js';

const tags = ['tokens'];

export function registerTokensRoutes(app: FastifyInstance, tokens: TokensService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = rejectAnonymous;

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
    async (request) => tokens.list(request.actor),
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
      reply.code(201).send(await tokens.create(request.actor, auditContextOf(request), request.body)),
  );

  r.delete(
    '/api/tokens/:id',
    {
      onRequest,
      schema: { tags, summary: 'Revoke an API token', params: IdParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await tokens.revoke(request.actor, auditContextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
