import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserWithGrant,
  loginAs,
  randomIp,
  sessionCookieOf,
  TEST_PASSWORD,
} from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';

describe.each(testDialects())('auth routes on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
  });
  afterAll(async () => t.close());

  const login = (email: string, password: string, extra: Record<string, string> = {}, ip = randomIp()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: extra,
      payload: { email, password },
    });

  it('signs in, sets a hardened cookie and answers /me with the same shape', async () => {
    const { userId, email } = await createUserWithGrant(t, { role: 'officer', unitId: units.communeA });
    const res = await login(email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({ id: userId, email, fullName: 'Test officer', locale: 'vi' });
    expect(body.grants).toEqual([
      { role: 'officer', unitId: units.communeA, unitName: 'Phường Phan Đình Phùng' },
    ]);
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^dxb_session=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const cookie = sessionCookieOf(res.headers['set-cookie']);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
    // Only the SHA-256 of the cookie value is stored.
    const stored = await t.deps.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].id).not.toBe(cookie.split('=')[1]);
    expect(stored[0].id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('loginAs returns headers that work for state-changing requests', async () => {
    const s = await loginAs(t, { role: 'admin', unitId: units.province });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(res.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
    expect(me.statusCode).toBe(401);
  });
});
