import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithGrant, randomIp, TEST_PASSWORD } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';

// Brute-force protection: per-IP and per-email rate limits, and a growing delay per (email, address).

describe.each(testDialects())('login throttling on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
  });
  afterAll(async () => t.close());

  const login = (email: string, password: string, headers: Record<string, string> = {}, ip = randomIp()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers,
      payload: { email, password },
    });
  const newUser = () => createUserWithGrant(t, { role: 'officer', unitId: units.communeA });
  const auditActions = async (userId: number) =>
    (
      await t.deps.db
        .selectFrom('auditLog')
        .select('action')
        .where('entity', '=', 'user')
        .where('entityId', '=', String(userId))
        .orderBy('id')
        .execute()
    ).map((r) => r.action);

  // Issue 8, finding 7: the former hard lock answered 423 for a real account and 401 for an unknown one,
  // and five requests from anyone locked the account everywhere for 15 minutes.
  it('slows the failing (email, address) pair with a growing delay instead of locking the account', async () => {
    const { email, userId } = await newUser();
    const max = t.deps.config.loginMaxFailures;
    const attacker = randomIp();
    for (let i = 0; i < max; i++)
      expect((await login(email, 'wrong-password-x', {}, attacker)).statusCode).toBe(401);
    const first = await login(email, TEST_PASSWORD, {}, attacker);
    expect(first.statusCode).toBe(429);
    expect(first.json().code).toBe('RATE_LIMITED');
    const firstWait = Number(first.headers['retry-after']);
    expect(firstWait).toBeGreaterThan(0);
    // The owner, from an address without recent failures, still signs in at once.
    expect((await login(email, TEST_PASSWORD, {}, randomIp())).statusCode).toBe(200);
    // The delay grows with every further failure of the same pair.
    t.clock.advance(firstWait * 1000 + 1000);
    expect((await login(email, 'wrong-password-x', {}, attacker)).statusCode).toBe(401);
    const second = Number((await login(email, 'wrong-password-x', {}, attacker)).headers['retry-after']);
    expect(second).toBeGreaterThan(firstWait);
    expect(second).toBeLessThanOrEqual(t.deps.config.loginLockMinutes * 60);
    t.clock.advance(second * 1000 + 1000);
    expect((await login(email, TEST_PASSWORD, {}, attacker)).statusCode).toBe(200);
    const row = await t.deps.db
      .selectFrom('users')
      .select(['failedLoginCount', 'lockedUntil'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failedLoginCount: 0, lockedUntil: null });
    const actions = await auditActions(userId);
    expect(actions).toContain('auth.login_delayed');
    expect(actions).not.toContain('auth.locked');
  });

  it('answers an unknown account exactly like a known one, before and during the delay', async () => {
    const { email } = await newUser();
    const unknown = `nobody-${email}`;
    const max = t.deps.config.loginMaxFailures;
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    const ipKnown = randomIp();
    const ipUnknown = randomIp();
    for (let i = 0; i <= max; i++) {
      const a = await login(email, 'wrong-password-x', { 'accept-language': 'en' }, ipKnown);
      const b = await login(unknown, 'wrong-password-x', { 'accept-language': 'en' }, ipUnknown);
      expect(a.statusCode).toBe(b.statusCode);
      expect(strip(a.json())).toEqual(strip(b.json()));
      expect(a.headers['retry-after']).toBe(b.headers['retry-after']);
    }
  });

  it('rate-limits logins per IP and per email (429 with Retry-After)', async () => {
    const perMinute = t.deps.config.loginRatePerMinute;
    const ip = randomIp();
    for (let i = 0; i < perMinute; i++) {
      expect((await login(`ip-probe-${i}@x.vn`, 'wrong-password-x', {}, ip)).statusCode).toBe(401);
    }
    const limited = await login('ip-probe-last@x.vn', 'wrong-password-x', {}, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < perMinute; i++) await login('same-email@x.vn', 'wrong-password-x');
    expect((await login('same-email@x.vn', 'wrong-password-x')).statusCode).toBe(429);
    t.clock.advance(61_000);
    expect((await login('same-email@x.vn', 'wrong-password-x', {}, ip)).statusCode).toBe(401);
  });
});
