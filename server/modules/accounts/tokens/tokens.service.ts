import type { Permission } from '../../../../core/accounts/permissions.js';
import { PermissionSchema } from '../../../../core/accounts/permissions.js';
import type { TokenCreateBody, TokenCreated, TokenView } from '../../../../core/contracts/accounts.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import { canCreateToken, canListTokens, canRevokeToken } from '../accounts.policy.js';
import type { TokensDeps, TokensService } from '../accounts.types.js';
import { newApiToken, sha256Hex } from '../auth/secrets.js';

// API tokens for machine clients: one unit subtree, an explicit list of permissions, shown once, stored as a
// SHA-256, revocable. The auth plugin turns a bearer token into a TokenActor.

type TokenRecord = Omit<TokenView, 'permissions'> & { permissions: string };

/** A token's stored permission list; anything unreadable or unknown drops out rather than failing. */
export function parsePermissions(json: string): Permission[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list)
      ? list.filter((p): p is Permission => PermissionSchema.safeParse(p).success)
      : [];
  } catch {
    return [];
  }
}

export function toTokenView(row: TokenRecord): TokenView {
  return { ...row, permissions: parsePermissions(row.permissions) };
}

export function createTokensService(deps: TokensDeps): TokensService {
  const { db, clock, audit, tokens, scope } = deps;

  async function list(maybeActor: Actor | null): Promise<{ items: TokenView[] }> {
    const actor = requireSignedIn(maybeActor);
    if (!canListTokens(actor)) throw new AppError('FORBIDDEN');
    const rows = await tokens.list(actor.userId, scopeRootsFor(actor, 'tokens.manage'));
    return { items: rows.map(toTokenView) };
  }

  async function create(
    maybeActor: Actor | null,
    ctx: AuditContext,
    body: TokenCreateBody,
  ): Promise<TokenCreated> {
    const actor = requireSignedIn(maybeActor);
    const permissions = [...new Set(body.permissions)];
    if (!canCreateToken(actor, permissions, await scope.ancestorIds(body.unitId))) {
      throw new AppError('FORBIDDEN');
    }
    const now = clock.now();
    const expiresAt = body.expiresAt ? new Date(body.expiresAt).toISOString() : null;
    if (expiresAt && Date.parse(expiresAt) <= now.getTime()) {
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: 'body.expiresAt', code: 'tokens.expiry_past' }],
      });
    }
    const token = newApiToken();
    const record = {
      name: body.name,
      tokenPrefix: token.slice(0, 12),
      unitId: body.unitId,
      permissions,
      createdAt: now.toISOString(),
      expiresAt,
    };
    const id = await db.transaction().execute(async (trx) => {
      const id = await tokens.insert(
        {
          ...record,
          tokenHash: sha256Hex(token),
          createdBy: actor.userId,
          permissions: JSON.stringify(permissions),
          lastUsedAt: null,
          revokedAt: null,
        },
        trx,
      );
      await audit.record(trx, ctx, {
        action: 'token.created',
        entity: 'api_token',
        entityId: id,
        after: record,
      });
      return id;
    });
    return { id, token, ...record };
  }

  async function revoke(maybeActor: Actor | null, ctx: AuditContext, id: number): Promise<void> {
    const actor = requireSignedIn(maybeActor);
    const row = await tokens.findById(id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!canRevokeToken(actor, row, await scope.ancestorIds(row.unitId))) throw new AppError('FORBIDDEN');
    if (row.revokedAt) return;
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await tokens.revoke(id, at, trx);
      await audit.record(trx, ctx, {
        action: 'token.revoked',
        entity: 'api_token',
        entityId: id,
        before: { revokedAt: null },
        after: { revokedAt: at },
      });
    });
  }

  return { list, create, revoke };
}
