import { linkBaseUrl } from '../../../config.js';
import type { Executor } from '../../../db/executor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import '../accounts.messages.js';
import type { PasswordResetDeps, PasswordResetService } from '../accounts.types.js';
import { hashPassword } from '../auth/password.js';
import { randomSecret, sha256Hex } from '../auth/secrets.js';

// Password reset by email: a single-use link, valid for an hour, whose token is stored only as a SHA-256.
// New accounts created without a password get the same kind of link (valid longer) to set one.

export const RESET_TTL_MS = 60 * 60_000;
export const INVITE_TTL_MS = 72 * 60 * 60_000;

export function resetLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/app/reset-password?token=${encodeURIComponent(token)}`;
}

export function createPasswordResetService(deps: PasswordResetDeps): PasswordResetService {
  const { db, clock, audit, mailer, config, resets, users, sessions } = deps;

  async function issue(userId: number, ttlMs: number, exec?: Executor): Promise<string> {
    const token = randomSecret();
    const now = clock.now();
    await resets.insert(
      {
        tokenHash: sha256Hex(token),
        userId,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
        usedAt: null,
      },
      exec,
    );
    return token;
  }

  function sendLink(to: string, link: string, kind: 'reset' | 'invite') {
    const subject =
      kind === 'reset'
        ? 'DXBoard: đặt lại mật khẩu / reset your password'
        : 'DXBoard: tạo mật khẩu / set your password';
    const text = [
      kind === 'reset'
        ? 'Bạn (hoặc ai đó) đã yêu cầu đặt lại mật khẩu DXBoard. Liên kết có hiệu lực 1 giờ và chỉ dùng được một lần:'
        : 'Tài khoản DXBoard của bạn đã được tạo. Đặt mật khẩu tại liên kết sau (hiệu lực 72 giờ, dùng một lần):',
      link,
      '',
      kind === 'reset'
        ? 'Someone asked to reset your DXBoard password. The link works once, for one hour. Ignore this mail if it was not you.'
        : 'A DXBoard account was created for you. Set your password with the link above (valid 72 hours, once).',
    ].join('\n');
    return mailer.send({ to, subject, text });
  }

  /**
   * Where mailed links point. Never the request's Host (a caller could aim a valid token at its own
   * server); without a configured public address in production no link is mailed at all.
   */
  function requireLinkBase(): string {
    const base = linkBaseUrl(config);
    if (!base) throw new AppError('UNAVAILABLE', { detailKey: 'auth.public_url_missing' });
    return base;
  }

  /** Succeeds alike for known and unknown emails, so the answer never tells whether one has an account. */
  async function request(email: string, ctx: AuditContext) {
    const baseUrl = requireLinkBase();
    const normalized = email.trim().toLowerCase();
    const limit = await deps.rateLimiter.hit(`reset:email:${normalized}`, 3, 600);
    if (!limit.allowed) return;
    const user = await users.findByEmail(normalized);
    if (user?.isActive !== 1) return;
    const token = await db.transaction().execute(async (trx) => {
      const t = await issue(user.id, RESET_TTL_MS, trx);
      await audit.record(trx, ctx, {
        action: 'user.password_reset_requested',
        entity: 'user',
        entityId: user.id,
      });
      return t;
    });
    await sendLink(user.email, resetLink(baseUrl, token), 'reset');
  }

  async function confirm(token: string, newPassword: string, ctx: AuditContext) {
    const tokenHash = sha256Hex(token);
    const invalid = () =>
      new AppError('VALIDATION', {
        fieldErrors: [{ field: 'body.token', code: 'auth.reset_token_invalid' }],
      });
    const row = await resets.findUsable(tokenHash, clock.now().toISOString());
    if (!row) throw invalid();
    const passwordHash = await hashPassword(newPassword);
    await db.transaction().execute(async (trx) => {
      if (!(await resets.markUsed(tokenHash, clock.now().toISOString(), trx))) throw invalid();
      await users.update(
        row.userId,
        { passwordHash, failedLoginCount: 0, lockedUntil: null, updatedAt: clock.now().toISOString() },
        trx,
      );
      await sessions.endAllForUser(row.userId, undefined, trx);
      await audit.record(trx, ctx, { action: 'user.password_reset', entity: 'user', entityId: row.userId });
    });
  }

  return {
    issue,
    sendLink,
    request,
    confirm,
    requireLinkBase,
    hasLinkBase: () => linkBaseUrl(config) !== null,
  };
}
