import type { SessionInfo } from '../../../core/contracts/accounts.js';
import type { Deps } from '../../deps.js';
import type { UserActor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { AuditContext } from '../audit/audit.service.js';
import './accounts.messages.js';
import { hashPassword, verifyPassword } from './password.js';
import { createSessionsService, toRoleGrants } from './sessions.service.js';
import { createUsersRepository, type UserRow } from './users.repository.js';

// Sign-in, sign-out and password change. Login is throttled per IP and per email (deps.rateLimiter, shared
// across processes with Redis) and locks the account after repeated failures (counter in the users table).

export type LoginInput = {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  previousSessionSecret?: string;
};

export function createAuthService(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'audit' | 'rateLimiter'>) {
  const { db, clock, config, audit, rateLimiter } = deps;
  const users = createUsersRepository(db);
  const sessions = createSessionsService(deps);

  async function throttle(ip: string, email: string) {
    for (const key of [`login:ip:${ip}`, `login:email:${email}`]) {
      const r = await rateLimiter.hit(key, config.loginRatePerMinute, 60);
      if (!r.allowed) {
        throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(r.retryAfterSeconds) } });
      }
    }
  }

  function lockedError(lockedUntil: string) {
    const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - clock.now().getTime()) / 1000));
    return new AppError('LOCKED', {
      detailKey: 'auth.locked',
      params: { minutes: Math.ceil(seconds / 60) },
      headers: { 'retry-after': String(seconds) },
    });
  }

  async function recordFailure(user: UserRow | undefined, email: string, ctx: AuditContext) {
    return db.transaction().execute(async (trx) => {
      let lockedUntil: string | null = null;
      if (user) {
        const failures = await users.incrementFailures(trx, user.id);
        if (failures >= config.loginMaxFailures) {
          lockedUntil = new Date(clock.now().getTime() + config.loginLockMinutes * 60_000).toISOString();
          await users.update(trx, user.id, { failedLoginCount: 0, lockedUntil });
        }
      }
      await audit.record(trx, ctx, {
        action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        after: { email, ...(lockedUntil ? { lockedUntil } : {}) },
      });
      return lockedUntil;
    });
  }

  async function sessionInfo(userId: number, csrfToken: string): Promise<SessionInfo> {
    const user = await users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const grants = await users.grantsOf([userId]);
    return {
      user: {
        id: user.id,
        email: user.email,
        fullName: user.fullName,
        locale: user.locale === 'en' ? 'en' : 'vi',
      },
      grants: grants.map((g) => ({ role: g.role as never, unitId: g.unitId, unitName: g.unitName })),
      csrfToken,
    };
  }

  async function login(input: LoginInput, requestId?: string) {
    const email = input.email.trim().toLowerCase();
    await throttle(input.ip, email);
    const baseCtx: AuditContext = { actor: null, ip: input.ip, requestId };
    const user = await users.findByEmail(email);
    const now = clock.now();
    if (user?.lockedUntil && Date.parse(user.lockedUntil) > now.getTime())
      throw lockedError(user.lockedUntil);
    const usable = !!user && user.isActive === 1 && !!user.passwordHash;
    const ok = await verifyPassword(usable ? user.passwordHash : null, input.password);
    if (!ok || !user) {
      const lockedUntil = await recordFailure(usable ? user : undefined, email, baseCtx);
      if (lockedUntil) throw lockedError(lockedUntil);
      throw new AppError('UNAUTHENTICATED', { detailKey: 'auth.invalid_credentials' });
    }
    const grants = toRoleGrants(await users.grantsOf([user.id]));
    const created = await db.transaction().execute(async (trx) => {
      // Rotation: whatever session the browser held before is discarded, never upgraded.
      if (input.previousSessionSecret)
        await sessions.end(trx, sessions.sessionIdOf(input.previousSessionSecret));
      await users.update(trx, user.id, { failedLoginCount: 0, lockedUntil: null });
      const session = await sessions.create(trx, user.id, { ip: input.ip, userAgent: input.userAgent });
      const actor: UserActor = {
        kind: 'user',
        userId: user.id,
        email: user.email,
        fullName: user.fullName,
        sessionId: session.id,
        grants,
      };
      await audit.record(
        trx,
        { ...baseCtx, actor },
        { action: 'auth.login', entity: 'user', entityId: user.id },
      );
      return session;
    });
    return { secret: created.secret, info: await sessionInfo(user.id, created.csrfToken) };
  }

  async function logout(actor: UserActor, ctx: AuditContext, everywhere: boolean) {
    await db.transaction().execute(async (trx) => {
      if (everywhere) await sessions.endAllForUser(trx, actor.userId);
      else await sessions.end(trx, actor.sessionId);
      await audit.record(trx, ctx, {
        action: everywhere ? 'auth.logout_all' : 'auth.logout',
        entity: 'user',
        entityId: actor.userId,
      });
    });
  }

  async function changePassword(actor: UserActor, ctx: AuditContext, current: string, next: string) {
    const user = await users.findById(actor.userId);
    if (!user || !(await verifyPassword(user.passwordHash, current))) {
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: 'body.currentPassword', code: 'auth.wrong_password' }],
      });
    }
    const passwordHash = await hashPassword(next);
    await db.transaction().execute(async (trx) => {
      await users.update(trx, user.id, { passwordHash, updatedAt: clock.now().toISOString() });
      // Other browsers signed in with the old password are signed out; this one stays.
      await sessions.endAllForUser(trx, user.id, actor.sessionId);
      await audit.record(trx, ctx, { action: 'user.password_changed', entity: 'user', entityId: user.id });
    });
  }

  return { login, logout, changePassword, sessionInfo };
}
export type AuthService = ReturnType<typeof createAuthService>;
