import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LoginBodySchema,
  PasswordChangeBodySchema,
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
  SessionInfoSchema,
} from '../../../core/contracts/accounts.js';
import type { Deps } from '../../deps.js';
import { auditContextOf } from '../../lib/request-context.js';
import { csrfTokenOf, requireSignedIn, requireUserActor, sessionCookieOptions } from '../../plugins/auth.js';
import { createAuthService } from './auth.service.js';
import { createPasswordResetService } from './password-reset.service.js';
import { SESSION_COOKIE } from './sessions.service.js';

const tags = ['auth'];
const NoContent = z.null().describe('No content');

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'audit' | 'rateLimiter' | 'mailer'>,
) {
  const auth = createAuthService(deps);
  const resets = createPasswordResetService(deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const maxAge = deps.config.sessionAbsoluteHours * 3600;

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
      onRequest: requireSignedIn,
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
      onRequest: requireSignedIn,
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
      onRequest: requireSignedIn,
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
      onRequest: requireSignedIn,
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

  r.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags,
        summary: 'Email a password reset link (always 202)',
        body: PasswordResetRequestBodySchema,
        response: { 202: NoContent },
      },
    },
    async (request, reply) => {
      try {
        await resets.request(request.body.email, originOf(request), auditContextOf(request));
      } catch (err) {
        // A failing mail server must not tell the caller whether the address has an account.
        request.log.error({ err }, 'password reset mail failed');
      }
      return reply.code(202).send(null);
    },
  );

  r.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with a reset token',
        body: PasswordResetConfirmBodySchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await resets.confirm(request.body.token, request.body.newPassword, auditContextOf(request));
      return reply.code(204).send(null);
    },
  );
}
