import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithGrant, randomIp, TEST_PASSWORD } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';

// Brute-force protection: per-IP and per-email rate limits, and account lockout counted in the database.

const MINUTE = 60_000;

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

  it('locks an account after loginMaxFailures consecutive failures, counted in the database', async () => {
    const { email, userId } = await newUser();
    const max = t.deps.config.loginMaxFailures;
    for (let i = 1; i < max; i++) expect((await login(email, 'wrong-password-x')).statusCode).toBe(401);
    const row = await t.deps.db
      .selectFrom('users')
      .select('failedLoginCount')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(row.failedLoginCount).toBe(max - 1);
    const locking = await login(email, 'wrong-password-x');
    expect(locking.statusCode).toBe(423);
    expect(locking.json().code).toBe('LOCKED');
    const rightButLocked = await login(email, TEST_PASSWORD);
    expect(rightButLocked.statusCode).toBe(423);
    expect(Number(rightButLocked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(t.deps.config.loginLockMinutes * MINUTE + 1000);
    const after = await login(email, TEST_PASSWORD);
    expect(after.statusCode).toBe(200);
    const reset = await t.deps.db
      .selectFrom('users')
      .select(['failedLoginCount', 'lockedUntil'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(reset).toEqual({ failedLoginCount: 0, lockedUntil: null });
    expect(await auditActions(userId)).toContain('auth.locked');
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
