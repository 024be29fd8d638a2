import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  GrantsPutBodySchema,
  IdParamsSchema,
  UserCreateBodySchema,
  UserListQuerySchema,
  UserListSchema,
  UserPatchBodySchema,
  UserViewSchema,
} from '../../../core/contracts/accounts.js';
import type { Deps } from '../../deps.js';
import { auditContextOf, requireActor } from '../../lib/request-context.js';
import { requireSignedIn } from '../../plugins/auth.js';
import { createUsersService } from './users.service.js';

const tags = ['users'];

export function registerUsersRoutes(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'audit' | 'mailer' | 'rateLimiter'>,
) {
  const users = createUsersService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireSignedIn;

  r.get(
    '/api/users',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Users with a role inside my scope (users.manage)',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema },
      },
    },
    async (request) => users.list(requireActor(request), request.query),
  );

  r.post(
    '/api/users',
    {
      onRequest,
      schema: {
        tags,
        summary:
          'Create a user with roles on units in my scope; without a password, mail a set-password link',
        body: UserCreateBodySchema,
        response: { 201: UserViewSchema },
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const user = await users.create(requireActor(request), auditContextOf(request), request.body, origin);
      return reply.code(201).send(user);
    },
  );

  r.get(
    '/api/users/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'One user in my scope',
        params: IdParamsSchema,
        response: { 200: UserViewSchema },
      },
    },
    async (request) => users.get(requireActor(request), request.params.id),
  );

  r.patch(
    '/api/users/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Rename, (de)activate or change the language of a user; deactivating ends their sessions',
        params: IdParamsSchema,
        body: UserPatchBodySchema,
        response: { 200: UserViewSchema },
      },
    },
    async (request) =>
      users.update(requireActor(request), auditContextOf(request), request.params.id, request.body),
  );

  r.put(
    '/api/users/:id/grants',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Replace the roles I manage for a user (roles granted by other scopes are kept)',
        params: IdParamsSchema,
        body: GrantsPutBodySchema,
        response: { 200: UserViewSchema },
      },
    },
    async (request) =>
      users.setGrants(requireActor(request), auditContextOf(request), request.params.id, request.body.grants),
  );
}
