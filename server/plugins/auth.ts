import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { AppError } from '../lib/errors.js';
import { csrfTokenOf, rejectAnonymous, rememberCsrfToken } from '../lib/request-auth.js';
import { createAuthenticator } from '../modules/accounts/accounts.module.js';

// Resolves request.actor from the session cookie or a bearer API token, and enforces CSRF protection:
// a state-changing request authenticated by cookie must echo the session's CSRF token in x-csrf-token.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Reachable without a session (so without a CSRF token); they check the Origin header instead.
const CSRF_EXEMPT = new Set([
  '/api/auth/login',
  '/api/auth/password-reset/request',
  '/api/auth/password-reset/confirm',
]);

function originMatchesHost(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    // Through URL on both sides so default ports compare equal (http://x:80 is http://x).
    return new URL(origin).host === new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return false;
  }
}

export async function registerAuth(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  await app.register(cookie);
  const auth = createAuthenticator(deps);

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const authorization = request.headers.authorization;
    if (authorization && /^bearer /i.test(authorization)) {
      request.actor = await auth.fromToken(authorization.slice(7).trim());
      return;
    }
    const secret = request.cookies[auth.sessionCookie];
    if (secret) {
      const resolved = await auth.fromSession(secret);
      if (resolved) {
        request.actor = resolved.actor;
        rememberCsrfToken(request, resolved.csrfToken);
      }
    }
    if (!STATE_CHANGING.has(request.method)) return;
    if (CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
      if (!originMatchesHost(request)) throw new AppError('CSRF', { detailKey: 'auth.origin_mismatch' });
      return;
    }
    if (request.actor?.kind === 'user') {
      const sent = request.headers['x-csrf-token'];
      const expected = csrfTokenOf(request) ?? '';
      if (typeof sent !== 'string' || !auth.csrfMatches(sent, expected)) throw new AppError('CSRF');
    }
  });
}
