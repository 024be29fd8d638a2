import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LoginBodySchema,
  PasswordChangeBodySchema,
  SessionInfoSchema,
} from '../../../../core/contracts/accounts.js';
import {
  csrfTokenOf,
  rejectAnonymous,
  requireUserActor,
  sessionCookieOptions,
} from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { AuthService } from '../accounts.types.js';
import { SESSION_COOKIE } from '../sessions/session-cookie.js';

const tags = ['auth'];
const NoContent = z.null().describe('No content');

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const maxAge = auth.sessionMaxAgeSeconds;

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: LoginBodySchema,
        response: { 200: SessionInfoSchema },
      },
    },
    async (request, reply) => {
      const { secret, info } = await auth.login(
        {
          email: request.body.email,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          previousSessionSecret: request.cookies[SESSION_COOKIE],
        },
        request.id,
      );
      reply.setCookie(SESSION_COOKIE, secret, sessionCookieOptions(request, maxAge));
      return info;
    },
  );

  r.post(
    '/api/auth/logout',
    {
      onRequest: rejectAnonymous,
      schema: { tags, summary: 'Sign out of this session', response: { 204: NoContent } },
    },
    async (request, reply) => {
      await auth.logout(requireUserActor(request), auditContextOf(request), false);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/logout-all',
    {
      onRequest: rejectAnonymous,
      schema: { tags, summary: 'Sign out of every session', response: { 204: NoContent } },
    },
    async (request, reply) => {
      await auth.logout(requireUserActor(request), auditContextOf(request), true);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      onRequest: rejectAnonymous,
      schema: { tags, summary: 'The signed-in user and roles', response: { 200: SessionInfoSchema } },
    },
    async (request) => {
      const actor = requireUserActor(request);
      return auth.sessionInfo(actor.userId, csrfTokenOf(request) ?? '');
    },
  );

  r.post(
    '/api/auth/password',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Change my password',
        body: PasswordChangeBodySchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const actor = requireUserActor(request);
      await auth.changePassword(
        actor,
        auditContextOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.code(204).send(null);
    },
  );
}
