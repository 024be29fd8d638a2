import type { FastifyRequest } from 'fastify';
import { pickLocale } from '../../core/i18n/locale.js';
import type { AuditContext } from '../modules/audit/audit.service.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth plugin from the session cookie or a bearer API token; null when anonymous. */
    actor: Actor | null;
  }
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  return { actor: request.actor, ip: request.ip, requestId: request.id };
}

export function localeOf(request: FastifyRequest) {
  return pickLocale(request.headers['accept-language']);
}

/** The signed-in actor, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
