import type { SessionInfo } from '../../../../core/contracts/accounts.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { createBackoffThrottle } from '../../../lib/backoff-throttle.js';
import { AppError } from '../../../lib/errors.js';
import '../accounts.messages.js';
import type { AuthDeps, AuthService, LoginInput } from '../accounts.types.js';
import { toRoleGrants } from '../sessions/sessions.service.js';
import type { UserRow } from '../users/users.repository.js';
import { hashPassword, verifyPassword } from './password.js';

// Sign-in, sign-out and password change. Login is rate-limited per IP and per email (deps.rateLimiter, shared
// across processes with Redis), and each (email, address) pair that keeps failing waits longer and longer
// before it may try again. There is no account lock: an anonymous caller could trigger one and keep a user
// out from everywhere, and it answered differently for existing accounts (423) than for unknown ones (401).
// Every refusal depends only on the email text and the address, never on whether an account exists.

const DAY_SECONDS = 86_400;

export function createAuthService(deps: AuthDeps): AuthService {
  const { db, clock, config, audit, rateLimiter, users, sessions } = deps;
  const backoff = createBackoffThrottle(rateLimiter, {
    freeFailures: config.loginMaxFailures,
    baseSeconds: 30,
    maxSeconds: config.loginLockMinutes * 60,
    memorySeconds: DAY_SECONDS,
  });
  const pairKey = (email: string, ip: string) => `login:${email}|${ip}`;

  async function throttle(ip: string, email: string) {
    for (const key of [`login:ip:${ip}`, `login:email:${email}`]) {
      const r = await rateLimiter.hit(key, config.loginRatePerMinute, 60);
      if (!r.allowed) {
        throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(r.retryAfterSeconds) } });
      }
    }
  }

  async function recordFailure(user: UserRow | undefined, email: string, ctx: AuditContext, ip: string) {
    const delaySeconds = await backoff.fail(pairKey(email, ip));
    await audit.record(db, ctx, {
      action: delaySeconds > 0 ? 'auth.login_delayed' : 'auth.login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
      after: { email, ...(delaySeconds > 0 ? { delaySeconds } : {}) },
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
    const waiting = await backoff.check(pairKey(email, input.ip));
    if (!waiting.allowed) {
      throw new AppError('RATE_LIMITED', {
        detailKey: 'auth.slow_down',
        headers: { 'retry-after': String(waiting.retryAfterSeconds) },
      });
    }
    const user = await users.findByEmail(email);
    const usable = !!user && user.isActive === 1 && !!user.passwordHash;
    const ok = await verifyPassword(usable ? user.passwordHash : null, input.password);
    if (!ok || !user) {
      await recordFailure(usable ? user : undefined, email, baseCtx, input.ip);
      throw new AppError('UNAUTHENTICATED', { detailKey: 'auth.invalid_credentials' });
    }
    await backoff.succeed(pairKey(email, input.ip));
    const grants = toRoleGrants(await users.grantsOf([user.id]));
    const created = await db.transaction().execute(async (trx) => {
      // Rotation: whatever session the browser held before is discarded, never upgraded.
      if (input.previousSessionSecret)
        await sessions.end(sessions.sessionIdOf(input.previousSessionSecret), trx);
      // Clears what the former account lock left behind; sign-in no longer reads these columns.
      await users.update(user.id, { failedLoginCount: 0, lockedUntil: null }, trx);
      const session = await sessions.create(user.id, { ip: input.ip, userAgent: input.userAgent }, trx);
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
      if (everywhere) await sessions.endAllForUser(actor.userId, undefined, trx);
      else await sessions.end(actor.sessionId, trx);
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
      await users.update(user.id, { passwordHash, updatedAt: clock.now().toISOString() }, trx);
      // Other browsers signed in with the old password are signed out; this one stays.
      await sessions.endAllForUser(user.id, actor.sessionId, trx);
      await audit.record(trx, ctx, { action: 'user.password_changed', entity: 'user', entityId: user.id });
    });
  }

  return {
    login,
    logout,
    changePassword,
    sessionInfo,
    sessionMaxAgeSeconds: config.sessionAbsoluteHours * 3600,
  };
}
