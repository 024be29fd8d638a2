import { type Role, RoleSchema } from '../../../../core/accounts/permissions.js';
import type { Executor } from '../../../db/executor.js';
import type { RoleGrant } from '../../../lib/actor.js';
import type { ResolvedSession, SessionsDeps, SessionsService } from '../accounts.types.js';
import { randomSecret, sha256Hex } from '../auth/secrets.js';
import type { GrantRow } from '../users/users.repository.js';

// Database sessions: the cookie carries a random secret, the table keeps its SHA-256 as the id.
// A session ends when idle for sessionIdleMinutes or sessionAbsoluteHours after login, whichever is first.

// Writing on every request would serialise reads on SQLite, so last_seen_at moves at most once a minute,
// and more often for short idle windows: a quarter of the window, so an active user is never idled out.
const MAX_TOUCH_INTERVAL_MS = 60_000;

export function toRoleGrants(rows: GrantRow[]): RoleGrant[] {
  return rows.flatMap((g) => {
    const role = RoleSchema.safeParse(g.role);
    return role.success ? [{ role: role.data as Role, unitId: g.unitId }] : [];
  });
}

export function createSessionsService(deps: SessionsDeps): SessionsService {
  const { clock, config, sessions } = deps;
  const touchIntervalMs = Math.min(MAX_TOUCH_INTERVAL_MS, (config.sessionIdleMinutes * 60_000) / 4);

  return {
    async create(userId: number, meta: { ip?: string; userAgent?: string }, exec?: Executor) {
      const secret = randomSecret();
      const csrfToken = randomSecret();
      const now = clock.now();
      const id = sha256Hex(secret);
      const idleSince = new Date(now.getTime() - config.sessionIdleMinutes * 60_000).toISOString();
      await sessions.deleteStaleForUser(userId, now.toISOString(), idleSince, exec);
      await sessions.insert(
        {
          id,
          userId,
          csrfToken,
          createdAt: now.toISOString(),
          lastSeenAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000).toISOString(),
          ip: meta.ip?.slice(0, 100) ?? null,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        },
        exec,
      );
      return { secret, id, csrfToken };
    },

    async resolve(secret: string): Promise<ResolvedSession | null> {
      if (!secret || secret.length > 100) return null;
      const id = sha256Hex(secret);
      const rows = await sessions.findWithUser(id);
      const row = rows[0];
      if (!row) return null;
      const now = clock.now();
      const idleDeadline = Date.parse(row.lastSeenAt) + config.sessionIdleMinutes * 60_000;
      if (!row.isActive || Date.parse(row.expiresAt) <= now.getTime() || idleDeadline <= now.getTime()) {
        await sessions.delete(id);
        return null;
      }
      if (now.getTime() - Date.parse(row.lastSeenAt) >= touchIntervalMs) {
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
    end: (sessionId, exec) => sessions.delete(sessionId, exec),
    endAllForUser: (userId, exceptId, exec) => sessions.deleteAllForUser(userId, exceptId, exec),
  };
}
