import type { FastifyRequest } from 'fastify';
import { pickLocale } from '../../core/i18n/locale.js';
import type { Actor } from './actor.js';
import type { AuditContext } from './audit.js';

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
