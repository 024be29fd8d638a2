import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SsoCallbackQuerySchema,
  SsoMeSchema,
  SsoStartQuerySchema,
  SsoStatusSchema,
} from '../../../core/contracts/sso.js';
import { sessionCookieOptions } from '../../lib/request-auth.js';
import { auditContextOf } from '../../lib/request-context.js';
import { CITIZEN_COOKIE, SSO_STATE_COOKIE } from './citizen-cookie.js';
import type { SsoService } from './sso.types.js';

// Citizen single sign-on: the status public pages read, the start (a redirect to the provider), the provider's
// redirect back (a citizen session cookie, then a redirect to the page the citizen came from), who is signed in,
// and signing out. Failures are problem+json (4xx) and leave no session.

const tags = ['sso'];
const P = '/api/public/sso';
const STATE_COOKIE_PATH = `${P}/callback`;

export function registerSsoRoutes(app: FastifyInstance, sso: SsoService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    P,
    {
      schema: {
        tags,
        summary: 'Whether citizens may sign in with an identity provider, and its name for the button',
        response: { 200: SsoStatusSchema },
      },
    },
    async () => sso.status(),
  );

  r.get(
    `${P}/login`,
    {
      schema: {
        tags,
        summary: 'Start signing in: a redirect to the identity provider (authorization code with PKCE)',
        querystring: SsoStartQuerySchema,
        response: { 302: z.null().describe('Redirect to the provider') },
      },
    },
    async (request, reply) => {
      const started = await sso.start(auditContextOf(request), request.query.returnTo);
      reply.setCookie(SSO_STATE_COOKIE, started.state, {
        ...sessionCookieOptions(request, 600),
        path: STATE_COOKIE_PATH,
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(started.redirectUrl, 302);
    },
  );

  r.get(
    `${P}/callback`,
    {
      schema: {
        tags,
        summary: 'The identity provider’s redirect back: verifies the ID token and starts a citizen session',
        querystring: SsoCallbackQuerySchema,
        response: { 303: z.null().describe('Redirect to the page the citizen came from') },
      },
    },
    async (request, reply) => {
      const cookieState = request.cookies[SSO_STATE_COOKIE];
      reply.clearCookie(SSO_STATE_COOKIE, { path: STATE_COOKIE_PATH });
      const done = await sso.callback(auditContextOf(request), request.query, cookieState);
      reply.setCookie(CITIZEN_COOKIE, done.token, sessionCookieOptions(request, done.maxAgeSeconds));
      reply.header('cache-control', 'no-store');
      return reply.redirect(done.returnTo, 303);
    },
  );

  r.get(
    `${P}/me`,
    {
      schema: {
        tags,
        summary: 'The signed-in citizen (contacts masked)',
        response: { 200: SsoMeSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return sso.me(request.cookies[CITIZEN_COOKIE]);
    },
  );

  r.post(
    `${P}/logout`,
    {
      schema: { tags, summary: 'Sign the citizen out', response: { 204: z.null().describe('Signed out') } },
    },
    async (request, reply) => {
      await sso.logout(auditContextOf(request), request.cookies[CITIZEN_COOKIE]);
      reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
