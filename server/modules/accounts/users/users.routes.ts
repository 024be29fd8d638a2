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
} from '../../../../core/contracts/accounts.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { UsersService } from '../accounts.types.js';

const tags = ['users'];

export function registerUsersRoutes(app: FastifyInstance, users: UsersService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = rejectAnonymous;

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
    async (request) => users.list(request.actor, request.query),
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
      const user = await users.create(request.actor, auditContextOf(request), request.body);
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
    async (request) => users.get(request.actor, request.params.id),
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
    async (request) => users.update(request.actor, auditContextOf(request), request.params.id, request.body),
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
      users.setGrants(request.actor, auditContextOf(request), request.params.id, request.body.grants),
  );
}
