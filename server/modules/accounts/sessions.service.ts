import { type Role, RoleSchema } from '../../../core/accounts/permissions.js';
import type { Deps } from '../../deps.js';
import type { RoleGrant, UserActor } from '../../lib/actor.js';
import type { Executor } from '../audit/audit.repository.js';
import { randomSecret, sha256Hex } from './secrets.js';
import { createSessionsRepository } from './sessions.repository.js';
import type { GrantRow } from './users.repository.js';

// Database sessions: the cookie carries a random secret, the table keeps its SHA-256 as the id.
// A session ends when idle for sessionIdleMinutes or sessionAbsoluteHours after login, whichever is first.

const TOUCH_INTERVAL_MS = 60_000;
export const SESSION_COOKIE = 'dxb_session';

export type ResolvedSession = { actor: UserActor; csrfToken: string; locale: string };

export function toRoleGrants(rows: GrantRow[]): RoleGrant[] {
  return rows.flatMap((g) => {
    const role = RoleSchema.safeParse(g.role);
    return role.success ? [{ role: role.data as Role, unitId: g.unitId }] : [];
  });
}

export function createSessionsService(deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const sessions = createSessionsRepository(deps.db);
  const { clock, config } = deps;

  return {
    /** Creates a session; returns the cookie value (only ever held by the client) and the CSRF token. */
    async create(exec: Executor, userId: number, meta: { ip?: string; userAgent?: string }) {
      const secret = randomSecret();
      const csrfToken = randomSecret();
      const now = clock.now();
      const id = sha256Hex(secret);
      const idleSince = new Date(now.getTime() - config.sessionIdleMinutes * 60_000).toISOString();
      await sessions.deleteStaleForUser(exec, userId, now.toISOString(), idleSince);
      await sessions.insert(exec, {
        id,
        userId,
        csrfToken,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000).toISOString(),
        ip: meta.ip?.slice(0, 100) ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      return { secret, id, csrfToken };
    },

    /** The signed-in user behind a cookie value, or null when unknown, expired, idle or deactivated. */
    async resolve(secret: string): Promise<ResolvedSession | null> {
      if (!secret || secret.length > 100) return null;
      const id = sha256Hex(secret);
      const rows = await sessions.findWithUser(id);
      const row = rows[0];
      if (!row) return null;
      const now = clock.now();
      const idleDeadline = Date.parse(row.lastSeenAt) + config.sessionIdleMinutes * 60_000;
      if (!row.isActive || Date.parse(row.expiresAt) <= now.getTime() || idleDeadline <= now.getTime()) {
        await sessions.delete(deps.db, id);
        return null;
      }
      // Writing on every request would serialise reads on SQLite; a minute's precision is enough for idling.
      if (now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_INTERVAL_MS) {
        await sessions.touch(id, now.toISOString());
      }
      const grants = toRoleGrants(
        rows.flatMap((r) =>
          r.role !== null && r.unitId !== null && r.unitName !== null
            ? [{ userId: r.userId, role: r.role, unitId: r.unitId, unitName: r.unitName }]
            : [],
        ),
      );
      return {
        actor: {
          kind: 'user',
          userId: row.userId,
          email: row.email,
          fullName: row.fullName,
          sessionId: id,
          grants,
        },
        csrfToken: row.csrfToken,
        locale: row.locale,
      };
    },

    sessionIdOf: (secret: string) => sha256Hex(secret),
    end: (exec: Executor, sessionId: string) => sessions.delete(exec, sessionId),
    endAllForUser: (exec: Executor, userId: number, exceptId?: string) =>
      sessions.deleteAllForUser(exec, userId, exceptId),
  };
}
export type SessionsService = ReturnType<typeof createSessionsService>;
