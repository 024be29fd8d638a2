import type { TokenActor, UserActor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import '../accounts.messages.js';
import { tokenPermissionsOf } from '../accounts.policy.js';
import type { Authenticator, AuthenticatorParts } from '../accounts.types.js';
import { SESSION_COOKIE } from '../sessions/session-cookie.js';
import { toRoleGrants } from '../sessions/sessions.service.js';
import { parsePermissions } from '../tokens/tokens.service.js';
import { isApiTokenShape, safeEqual, sha256Hex } from './secrets.js';

// Who is calling: a bearer API token or a session cookie, turned into an actor. The auth plugin asks this on
// every request; the rules about tokens and sessions stay inside the accounts module.

const TOKEN_TOUCH_MS = 60_000;

export function createAuthenticator(deps: AuthenticatorParts): Authenticator {
  const { sessions, tokens, users, scope } = deps;

  async function fromToken(raw: string): Promise<TokenActor> {
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
    const permissions = tokenPermissionsOf(creator, parsePermissions(row.permissions), ancestors);
    return {
      kind: 'token',
      tokenId: row.id,
      userId: row.createdBy,
      name: row.name,
      grants: [{ unitId: row.unitId, permissions }],
    };
  }

  return {
    sessionCookie: SESSION_COOKIE,
    fromToken,
    fromSession: (secret) => sessions.resolve(secret),
    csrfMatches: (sent, expected) => safeEqual(sent, expected),
  };
}
