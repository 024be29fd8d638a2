import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserWithGrant,
  loginAs,
  randomIp,
  sessionCookieOf,
  TEST_PASSWORD,
} from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';

const MINUTE = 60_000;

describe.each(testDialects())('auth routes on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  beforeAll(async () => {
    // Trusting the proxy lets one test send x-forwarded-proto: https, as nginx does in production.
    t = await createTestApp(dialect, { env: { TRUST_PROXY: 'true' } });
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
  const me = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  const newUser = () => createUserWithGrant(t, { role: 'officer', unitId: units.communeA });
  const auditActions = async (userId: number) =>
    (
      await t.deps.db
        .selectFrom('auditLog')
        .select(['action', 'afterJson'])
        .where('entity', '=', 'user')
        .where('entityId', '=', String(userId))
        .orderBy('id')
        .execute()
    ).map((r) => r.action);

  it('signs in, sets a hardened cookie and answers /me with the same shape', async () => {
    const { userId, email } = await newUser();
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
    for (const attr of ['HttpOnly', 'SameSite=Lax', 'Path=/']) expect(setCookie).toContain(attr);
    expect(setCookie).not.toContain('Secure');
    const cookie = sessionCookieOf(res.headers['set-cookie']);
    const again = await me({ cookie });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
    const stored = await t.deps.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].id).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie).not.toContain(stored[0].id);
    expect(await auditActions(userId)).toEqual(['auth.login']);
  });

  it('answers 401 when anonymous, before looking at the body', async () => {
    expect((await me({})).statusCode).toBe(401);
    expect((await me({ cookie: 'dxb_session=not-a-session' })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { nonsense: 1 } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('UNAUTHENTICATED');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout-all' })).statusCode).toBe(401);
  });

  it('rejects malformed login bodies with field errors', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: randomIp(),
      payload: { email: 'x@y.vn', extra: true },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('body.password');
    const huge = await login('x@y.vn', 'p'.repeat(500));
    expect(huge.statusCode).toBe(400);
  });

  it('gives the same answer for a wrong password and an unknown email, and never logs secrets', async () => {
    const { userId, email } = await newUser();
    const wrong = await login(email, 'wrong-password-1');
    const unknown = await login('nobody@nowhere.vn', 'wrong-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().detail).toBe('Email hoặc mật khẩu không đúng');
    expect(await auditActions(userId)).toEqual(['auth.login_failed']);
    const rows = await t.deps.db.selectFrom('auditLog').select(['afterJson', 'beforeJson']).execute();
    expect(JSON.stringify(rows)).not.toContain('wrong-password-1');
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
  });

  it('refuses an inactive user with the generic error', async () => {
    const { userId, email } = await newUser();
    await t.deps.db.updateTable('users').set({ isActive: 0 }).where('id', '=', userId).execute();
    const res = await login(email, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Email hoặc mật khẩu không đúng');
  });

  it('rotates the session at login: the cookie held before is discarded', async () => {
    const { email } = await newUser();
    const first = sessionCookieOf((await login(email, TEST_PASSWORD)).headers['set-cookie']);
    const second = await login(email, TEST_PASSWORD, { cookie: first });
    expect(second.statusCode).toBe(200);
    const next = sessionCookieOf(second.headers['set-cookie']);
    expect(next).not.toBe(first);
    expect((await me({ cookie: first })).statusCode).toBe(401);
    expect((await me({ cookie: next })).statusCode).toBe(200);
  });

  it('ends a session after sessionIdleMinutes without requests, touching last_seen_at at most once a minute', async () => {
    const s = await loginAs(t, { role: 'viewer', unitId: units.communeB });
    const lastSeen = async () =>
      (
        await t.deps.db
          .selectFrom('sessions')
          .select('lastSeenAt')
          .where('userId', '=', s.userId)
          .executeTakeFirstOrThrow()
      ).lastSeenAt;
    const loginAt = await lastSeen();
    t.clock.advance(30_000);
    expect((await me(s.headers)).statusCode).toBe(200);
    expect(await lastSeen()).toBe(loginAt);
    t.clock.advance(59 * MINUTE);
    expect((await me(s.headers)).statusCode).toBe(200);
    expect(await lastSeen()).toBe(t.clock.now().toISOString());
    t.clock.advance(60 * MINUTE + 1000);
    expect((await me(s.headers)).statusCode).toBe(401);
  });

  it("removes a user's stale sessions when they sign in again", async () => {
    const s = await loginAs(t, { role: 'viewer', unitId: units.communeB });
    t.clock.advance(61 * MINUTE);
    await login(s.email, TEST_PASSWORD);
    const rows = await t.deps.db
      .selectFrom('sessions')
      .select('lastSeenAt')
      .where('userId', '=', s.userId)
      .execute();
    expect(rows).toEqual([{ lastSeenAt: t.clock.now().toISOString() }]);
  });

  it('ends a session sessionAbsoluteHours after login even when it is in use', async () => {
    const s = await loginAs(t, { role: 'viewer', unitId: units.communeB });
    for (let i = 0; i < 14; i++) {
      t.clock.advance(50 * MINUTE);
      expect((await me(s.headers)).statusCode).toBe(200);
    }
    t.clock.advance(50 * MINUTE); // 12h30 after login
    expect((await me(s.headers)).statusCode).toBe(401);
  });

  it('logs out this session only, and logs out everywhere', async () => {
    const { email, userId } = await newUser();
    const sessions: Record<string, string>[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await login(email, TEST_PASSWORD);
      sessions.push({
        cookie: sessionCookieOf(res.headers['set-cookie']),
        'x-csrf-token': res.json().csrfToken,
      });
    }
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: sessions[0] });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^dxb_session=;/);
    expect((await me(sessions[0])).statusCode).toBe(401);
    expect((await me(sessions[1])).statusCode).toBe(200);
    const all = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: sessions[1] });
    expect(all.statusCode).toBe(204);
    expect((await me(sessions[1])).statusCode).toBe(401);
    expect((await me(sessions[2])).statusCode).toBe(401);
    const left = await t.deps.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
    expect(left).toHaveLength(0);
    expect(await auditActions(userId)).toEqual([
      'auth.login',
      'auth.login',
      'auth.login',
      'auth.logout',
      'auth.logout_all',
    ]);
  });

  it('rejects cookie-authenticated writes without the right CSRF token (403 CSRF)', async () => {
    const s = await loginAs(t, { role: 'viewer', unitId: units.communeB });
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.headers.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.headers.cookie, 'x-csrf-token': `${s.csrfToken.slice(0, -1)}x` },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('CSRF');
    // Nothing happened: the session is still alive.
    expect((await me(s.headers)).statusCode).toBe(200);
  });

  it('checks Origin against Host on the CSRF-exempt login and reset endpoints', async () => {
    const { email } = await newUser();
    const evil = await login(email, TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('CSRF');
    const nullOrigin = await login(email, TEST_PASSWORD, { origin: 'null' });
    expect(nullOrigin.statusCode).toBe(403);
    const same = await login(email, TEST_PASSWORD, { origin: 'http://localhost', host: 'localhost' });
    expect(same.statusCode).toBe(200);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      headers: { origin: 'https://evil.example' },
      payload: { email },
    });
    expect(reset.statusCode).toBe(403);
  });

  it('changes the password: 400 on a wrong current or short new password, then other sessions end', async () => {
    const s = await loginAs(t, { role: 'officer', unitId: units.department });
    const other = await login(s.email, TEST_PASSWORD);
    const otherHeaders = { cookie: sessionCookieOf(other.headers['set-cookie']) };
    const change = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: s.headers, payload });
    const wrong = await change({ currentPassword: 'not-it-at-all', newPassword: 'Another-Pass-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'body.newPassword', code: 'too_short' });
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-1' })).statusCode).toBe(
      204,
    );
    expect((await me(s.headers)).statusCode).toBe(200);
    expect((await me(otherHeaders)).statusCode).toBe(401);
    expect((await login(s.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(s.email, 'Another-Pass-1')).statusCode).toBe(200);
    expect(await auditActions(s.userId)).toContain('user.password_changed');
  });

  it('a deactivated user loses the session at once', async () => {
    const s = await loginAs(t, { role: 'viewer', unitId: units.communeA });
    await t.deps.db.updateTable('users').set({ isActive: 0 }).where('id', '=', s.userId).execute();
    expect((await me(s.headers)).statusCode).toBe(401);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const { email } = await newUser();
    const res = await login(email, TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toContain('Secure');
  });
});
