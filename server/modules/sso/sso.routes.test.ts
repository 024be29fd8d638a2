import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIp } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../test/helpers/unit-fixtures.js';
import { startTestOidcProvider, type TokenFault } from './sso-test-provider.js';

// Citizen single sign-on against an in-test OpenID Connect provider: a good sign-in starts a session; a bad
// signature, another audience, an expired token, another nonce, a replayed or foreign state each answer a clear
// 4xx problem+json and leave no session.

const CLIENT = 'dxboard-citizens';
const CITIZEN = {
  sub: 'vneid-0123',
  name: 'Nguyễn Thị Lan',
  email: 'lan.nguyen@example.vn',
  email_verified: true,
  phone_number: '0912345678',
};

describe.each(testDialects())('citizen single sign-on on %s', (dialect) => {
  let t: TestApp;
  let idp: Awaited<ReturnType<typeof startTestOidcProvider>>;

  beforeAll(async () => {
    let clock: TestApp['clock'] | undefined;
    idp = await startTestOidcProvider({ clientId: CLIENT, now: () => clock?.now() ?? new Date() });
    t = await createTestApp(dialect, {
      env: {
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_CLIENT_ID: CLIENT,
        OIDC_CLIENT_SECRET: 'client-secret',
        OIDC_REDIRECT_URL: 'http://127.0.0.1:3000/api/public/sso/callback',
        OIDC_PROVIDER_NAME: 'VNeID',
      },
    });
    clock = t.clock;
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const sessions = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('citizenSessions')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function start(returnTo = '/gop-y') {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/sso/login?returnTo=${encodeURIComponent(returnTo)}`,
      remoteAddress: randomIp(),
    });
    expect(res.statusCode).toBe(302);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    return { location: String(res.headers.location), cookie };
  }

  async function signIn(fault: TokenFault = {}, claims: Record<string, unknown> = CITIZEN) {
    const { location, cookie } = await start();
    const { code, state } = idp.authorize(location, claims, fault);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/sso/callback?code=${code}&state=${state}`,
      headers: { cookie },
    });
    return { res, code, state, cookie };
  }

  const problem = (res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json(): { detail: string };
  }) => ({
    status: res.statusCode,
    type: String(res.headers['content-type']).split(';')[0],
    detail: res.json().detail,
  });

  it('tells public pages the provider’s name for the button', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/sso' });
    expect(res.json()).toEqual({ enabled: true, providerName: 'VNeID' });
  });

  it('redirects to the provider with PKCE (S256), state and nonce', async () => {
    const { location, cookie } = await start();
    const url = new URL(location);
    expect(url.origin + url.pathname).toBe(`${idp.issuer}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: 'http://127.0.0.1:3000/api/public/sso/callback',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).toBe(`dxb_sso_state=${url.searchParams.get('state')}`);
  });

  it('signs a citizen in: the token request carries the verifier, a session cookie, back to the page', async () => {
    const before = await sessions();
    const { res } = await signIn();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/gop-y');
    const setCookies = [res.headers['set-cookie']].flat().map(String);
    const session = setCookies.find((c) => c.startsWith('dxb_citizen='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(await sessions()).toBe(before + 1);
    const last = idp.tokenRequests[idp.tokenRequests.length - 1];
    expect(last.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/public/sso/me',
      headers: { cookie: session!.split(';')[0] },
    });
    expect(me.json()).toEqual({
      name: 'Nguyễn Thị Lan',
      email: 'l***@example.vn',
      phone: '091****678',
      provider: 'VNeID',
    });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('action', '=', 'sso.citizen.sign_in')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(String(audit.afterJson)).not.toContain('0912345678');
    expect(String(audit.afterJson)).not.toContain('lan.nguyen');

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/public/sso/logout',
      headers: { cookie: session!.split(';')[0] },
    });
    expect(out.statusCode).toBe(204);
    expect(await sessions()).toBe(before);
    const gone = await t.app.inject({
      method: 'GET',
      url: '/api/public/sso/me',
      headers: { cookie: session!.split(';')[0] },
    });
    expect(gone.statusCode).toBe(401);
  });

  it.each([
    ['a signature by another key', { key: 'other' }, 401, 'chữ ký không hợp lệ'],
    ['another audience', { aud: 'someone-else' }, 401, 'không dành cho hệ thống này'],
    ['an expired token', { expSeconds: -600 }, 401, 'đã hết hạn'],
    ['another nonce', { nonce: 'not-this-sign-in' }, 401, 'không thuộc lượt đăng nhập này'],
  ] as const)('refuses %s with a problem and no session', async (_name, fault, status, detail) => {
    const before = await sessions();
    const { res } = await signIn(fault as TokenFault);
    expect(problem(res)).toEqual({
      status,
      type: 'application/problem+json',
      detail: expect.stringContaining(detail),
    });
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('dxb_citizen=');
    expect(await sessions()).toBe(before);
  });

  it('refuses a replayed state (the same redirect twice) and a state from another browser', async () => {
    const first = await signIn();
    expect(first.res.statusCode).toBe(303);
    const before = await sessions();
    const replay = await t.app.inject({
      method: 'GET',
      url: `/api/public/sso/callback?code=${first.code}&state=${first.state}`,
      headers: { cookie: first.cookie },
    });
    expect(problem(replay)).toEqual({
      status: 400,
      type: 'application/problem+json',
      detail: expect.stringContaining('đã dùng hoặc đã hết hạn'),
    });
    // Login CSRF: a callback carrying someone else's state, without that browser's cookie.
    const { location } = await start();
    const { code, state } = idp.authorize(location, CITIZEN);
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/public/sso/callback?code=${code}&state=${state}`,
      headers: { 'accept-language': 'en' },
    });
    expect(problem(foreign)).toEqual({
      status: 400,
      type: 'application/problem+json',
      detail: expect.stringContaining('already used or expired'),
    });
    expect(await sessions()).toBe(before);
  });

  it('lets a signed-in citizen send a feedback report with the contact the provider vouched for, without a code', async () => {
    const { res } = await signIn();
    const session = [res.headers['set-cookie']]
      .flat()
      .map(String)
      .find((c) => c.startsWith('dxb_citizen='))!
      .split(';')[0];
    await createUnitTree(t.deps.db);
    const category = await t.deps.db
      .insertInto('feedbackCategories')
      .values({
        code: 'SSO_TEST',
        nameVi: 'Hạ tầng',
        nameEn: 'Infrastructure',
        deadlineAmount: 10,
        deadlineKind: 'working_days',
        defaultUnitId: null,
        createdAt: '2026-03-01T00:00:00.000Z',
        updatedAt: '2026-03-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report = (contact: { kind: 'email' | 'phone'; value: string }, cookie?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/feedback/reports',
        remoteAddress: randomIp(),
        headers: cookie ? { cookie } : {},
        payload: {
          categoryId: category.id,
          title: 'Đèn đường hỏng',
          description: 'Đèn đường trước nhà văn hoá thôn hỏng đã một tuần.',
          address: 'Thôn 3',
          contact,
        },
      });
    const ok = await report({ kind: 'phone', value: '0912 345 678' }, session);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().code).toMatch(/^PA-/);
    const email = await report({ kind: 'email', value: 'LAN.NGUYEN@example.vn' }, session);
    expect(email.statusCode).toBe(201);
    // Another contact than the vouched one, or no session: a one-time code is needed.
    const other = await report({ kind: 'email', value: 'someone@example.vn' }, session);
    expect(other.statusCode).toBe(400);
    expect(other.json().errors).toEqual([expect.objectContaining({ field: 'body.otp' })]);
    expect((await report({ kind: 'phone', value: '0912345678' })).statusCode).toBe(400);
  });

  it('never redirects off the site after signing in', async () => {
    const { location, cookie } = await start('//evil.example/x');
    const { code, state } = idp.authorize(location, CITIZEN);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/sso/callback?code=${code}&state=${state}`,
      headers: { cookie },
    });
    expect(res.headers.location).toBe('/');
  });
});

describe.each(testDialects())('without single sign-on configured on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('shows no button and refuses to start, clearly', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/public/sso' })).json()).toEqual({
      enabled: false,
      providerName: null,
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/public/sso/login' });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('chưa được cấu hình');
  });
});
