import type { FastifyRequest } from 'fastify';
import type { UserActor } from './actor.js';
import { AppError } from './errors.js';
import './request-context.js';

// Route hooks about the signed-in caller, below the modules and the auth plugin so both can use them (the plugin
// sets the actor and the session's CSRF token; routes only read them).

const csrfOf = new WeakMap<FastifyRequest, string>();

/** Route hook: 401 before body validation, so anonymous callers learn nothing about a route's input. */
export async function rejectAnonymous(request: FastifyRequest) {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
}

/** The actor when it is a signed-in person (not an API token). */
export function requireUserActor(request: FastifyRequest): UserActor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  if (request.actor.kind !== 'user') throw new AppError('FORBIDDEN', { detailKey: 'auth.session_only' });
  return request.actor;
}

/** Set by the auth plugin when a session cookie resolves. */
export function rememberCsrfToken(request: FastifyRequest, token: string) {
  csrfOf.set(request, token);
}

export function csrfTokenOf(request: FastifyRequest): string | undefined {
  return csrfOf.get(request);
}

export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: request.protocol === 'https',
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}
