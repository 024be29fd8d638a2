import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserWithGrant,
  randomIp,
  sessionCookieOf,
  TEST_PASSWORD,
} from '../../../../test/helpers/login.js';
import { startSmtp } from '../../../../test/helpers/smtp-receiver.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Deps } from '../../../deps.js';
import { createDeps } from '../../../deps-factory.js';
import { fixedClock } from '../../../lib/clock.js';
import { sha256Hex } from '../auth/secrets.js';

// Password reset end to end through a real SMTP server running in-process, with the nodemailer mailer that
// production uses when SMTP_URL is set.

/** The text body of a raw message, decoding quoted-printable or base64 as nodemailer chose. */
function bodyText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
    return decodeURIComponent(bytes);
  }
  return body;
}

describe.each(testDialects())('password reset by email over real SMTP on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let database: TestDatabase;
  let deps: Deps;
  let app: FastifyInstance;
  const clock = fixedClock('2026-03-02T02:00:00.000Z');

  beforeAll(async () => {
    smtp = await startSmtp();
    database = await createTestDatabase(dialect);
    const config = loadConfig({ DATA_DIR: '/tmp/dxboard-test-data', SMTP_URL: smtp.url });
    deps = await createDeps(config, { database, clock });
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.cleanup();
    await smtp.close();
  });

  const t = () => ({ app, deps, clock, database, sentMail: [], close: async () => {} }) as TestApp;
  const requestReset = (email: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      remoteAddress: randomIp(),
      payload: { email },
    });
  const confirm = (token: string, newPassword: string) =>
    app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword } });
  const login = (email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: randomIp(),
      payload: { email, password },
    });
  async function nextMailTo(address: string, already: number): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const mails = smtp.inbox.filter((m) => m.to.includes(address));
      if (mails.length > already) return bodyText(mails[mails.length - 1].raw);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no mail to ${address}`);
  }

  it('mails a one-time link whose token sets a new password exactly once and ends all sessions', async () => {
    const units = await createUnitTree(deps.db);
    const { email, userId } = await createUserWithGrant(t(), { role: 'officer', unitId: units.communeA });
    const session = sessionCookieOf((await login(email, TEST_PASSWORD)).headers['set-cookie']);

    const res = await requestReset(email);
    expect(res.statusCode).toBe(202);
    const text = await nextMailTo(email, 0);
    // Not the request's Host (localhost in inject): the listening address, since PUBLIC_URL is unset here.
    const match = text.match(/http:\/\/127\.0\.0\.1:3000\/app\/reset-password\?token=([\w-]{43})/);
    expect(match, text).not.toBeNull();
    const token = match![1];
    const stored = await deps.db
      .selectFrom('passwordResets')
      .selectAll()
      .where('userId', '=', userId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(sha256Hex(token));
    expect(stored[0].expiresAt).toBe('2026-03-02T03:00:00.000Z');

    expect((await confirm(token, 'short')).statusCode).toBe(400);
    expect((await confirm(token, 'Brand-New-Pass-1')).statusCode).toBe(204);
    const reused = await confirm(token, 'Another-New-Pass-2');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0]).toMatchObject({ field: 'body.token', code: 'auth.reset_token_invalid' });

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } });
    expect(me.statusCode).toBe(401);
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(email, 'Brand-New-Pass-1')).statusCode).toBe(200);
    const actions = await deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', String(userId))
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']),
    );
  });

  it('answers 202 for an unknown email and sends nothing', async () => {
    const before = smtp.inbox.length;
    expect((await requestReset('nobody@nowhere.vn')).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.inbox.length).toBe(before);
  });

  it('refuses an expired link (one hour)', async () => {
    const units = await createUnitTree(deps.db);
    const { email } = await createUserWithGrant(t(), { role: 'viewer', unitId: units.communeB });
    expect((await requestReset(email)).statusCode).toBe(202);
    const token = (await nextMailTo(email, 0)).match(/token=([\w-]{43})/)![1];
    clock.advance(60 * 60_000 + 1000);
    expect((await confirm(token, 'Brand-New-Pass-1')).statusCode).toBe(400);
  });

  it('validates the request bodies (400)', async () => {
    expect((await requestReset('not-an-email')).statusCode).toBe(400);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: 1 },
    });
    expect(res.statusCode).toBe(400);
  });
});
