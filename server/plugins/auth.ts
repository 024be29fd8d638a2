import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { canOnUnit, type TokenActor, type UserActor } from '../lib/actor.js';
import { AppError } from '../lib/errors.js';
import '../modules/accounts/accounts.messages.js';
import { isApiTokenShape, safeEqual, sha256Hex } from '../modules/accounts/secrets.js';
import { createSessionsService, SESSION_COOKIE, toRoleGrants } from '../modules/accounts/sessions.service.js';
import { createTokensRepository } from '../modules/accounts/tokens.repository.js';
import { parsePermissions } from '../modules/accounts/tokens.service.js';
import { createUnitScopeRepository } from '../modules/accounts/unit-scope.repository.js';
import { createUsersRepository } from '../modules/accounts/users.repository.js';

// Resolves request.actor from the session cookie or a bearer API token, and enforces CSRF protection:
// a state-changing request authenticated by cookie must echo the session's CSRF token in x-csrf-token.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Reachable without a session (so without a CSRF token); they check the Origin header instead.
const CSRF_EXEMPT = new Set([
  '/api/auth/login',
  '/api/auth/password-reset/request',
  '/api/auth/password-reset/confirm',
]);
const TOKEN_TOUCH_MS = 60_000;
const csrfOf = new WeakMap<FastifyRequest, string>();

export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: request.protocol === 'https',
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** Route hook: 401 before body validation, so anonymous callers learn nothing about a route's input. */
export async function requireSignedIn(request: FastifyRequest) {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
}

/** The actor when it is a signed-in person (not an API token). */
export function requireUserActor(request: FastifyRequest): UserActor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  if (request.actor.kind !== 'user') throw new AppError('FORBIDDEN', { detailKey: 'auth.session_only' });
  return request.actor;
}

export function csrfTokenOf(request: FastifyRequest): string | undefined {
  return csrfOf.get(request);
}

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
  const sessions = createSessionsService(deps);
  const tokens = createTokensRepository(deps.db);
  const users = createUsersRepository(deps.db);
  const scope = createUnitScopeRepository(deps.db);

  async function tokenActor(raw: string): Promise<TokenActor> {
    if (!isApiTokenShape(raw)) throw new AppError('UNAUTHENTICATED');
    const row = await tokens.findActiveByHash(sha256Hex(raw));
    const now = deps.clock.now().getTime();
    const expired = row?.expiresAt ? Date.parse(row.expiresAt) <= now : false;
    if (!row || row.revokedAt || expired || row.isActive !== 1) throw new AppError('UNAUTHENTICATED');
    if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) >= TOKEN_TOUCH_MS) {
      await tokens.touch(row.id, new Date(now).toISOString());
    }
    // A token never outlives its creator's rights: permissions the creator no longer holds on the unit drop out.
    const creator: UserActor = {
      kind: 'user',
      userId: row.createdBy,
      email: '',
      fullName: '',
      sessionId: '',
      grants: toRoleGrants(await users.grantsOf([row.createdBy])),
    };
    const ancestors = await scope.ancestorIds(row.unitId);
    const permissions = parsePermissions(row.permissions).filter((p) => canOnUnit(creator, p, ancestors));
    return {
      kind: 'token',
      tokenId: row.id,
      userId: row.createdBy,
      name: row.name,
      grants: [{ unitId: row.unitId, permissions }],
    };
  }

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const authorization = request.headers.authorization;
    if (authorization && /^bearer /i.test(authorization)) {
      request.actor = await tokenActor(authorization.slice(7).trim());
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) {
      const resolved = await sessions.resolve(secret);
      if (resolved) {
        request.actor = resolved.actor;
        csrfOf.set(request, resolved.csrfToken);
      }
    }
    if (!STATE_CHANGING.has(request.method)) return;
    if (CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
      if (!originMatchesHost(request)) throw new AppError('CSRF', { detailKey: 'auth.origin_mismatch' });
      return;
    }
    if (request.actor?.kind === 'user') {
      const sent = request.headers['x-csrf-token'];
      const expected = csrfOf.get(request) ?? '';
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) throw new AppError('CSRF');
    }
  });
}
