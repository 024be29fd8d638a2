import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { CITIZEN_COOKIE } from '../../sso/citizen-cookie.js';
import {
  type ContestScenario,
  cccdOf,
  contestConfig,
  contestScenario,
  solvedPow,
} from '../contest-test-fixtures.js';
import { createContestSsoGate, ssoVerificationErrors } from './sso-verification.js';

// A contest's verification 'sso': refused while single sign-on is not configured (with words saying why), and at
// registration verified by the citizen's single sign-on session — or a 401 asking them to sign in first.

describe.each(testDialects())('contest verification by single sign-on on %s', (dialect) => {
  let s: ContestScenario;
  let withSso: ContestScenario;
  beforeAll(async () => {
    s = await contestScenario(dialect);
    withSso = await contestScenario(dialect, {
      env: {
        OIDC_ISSUER_URL: 'https://id.example.vn',
        OIDC_CLIENT_ID: 'dxboard',
        OIDC_REDIRECT_URL: 'https://dxboard.example.vn/api/public/sso/callback',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await s?.t.close();
    await withSso?.t.close();
  });
  const citizenSession = async (token: string, subject: string) => {
    const at = withSso.t.clock.now().getTime();
    await withSso.t.deps.db
      .insertInto('citizenSessions')
      .values({
        tokenHash: createHash('sha256').update(token).digest('hex'),
        issuer: 'https://id.example.vn',
        subject,
        name: 'Trần Văn B',
        email: null,
        phone: null,
        createdAt: new Date(at).toISOString(),
        expiresAt: new Date(at + 8 * 3600_000).toISOString(),
      })
      .execute();
  };

  it('refuses a contest with verification sso when OIDC is not configured, saying so', async () => {
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: s.organiser.headers,
      payload: {
        unitId: s.tree.province,
        title: 'Cuộc thi đăng nhập định danh',
        slug: 'cuoc-thi-sso',
        config: contestConfig(s, { verification: 'sso' }),
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'body.config.verification',
        message: expect.stringContaining('chưa cấu hình nhà cung cấp định danh'),
      }),
    ]);
    expect(ssoVerificationErrors(withSso.t.deps.config, 'sso')).toEqual([]);
  });

  it('verifies a registration by the citizen’s session and asks the others to sign in first', async () => {
    const token = 'citizen-session-token-for-the-gate';
    await citizenSession(token, 'sub-1');
    const gate = createContestSsoGate(withSso.t.deps);
    expect(await gate.identityAtRegistration('sso', { ip: '10.0.0.1', citizenToken: token })).toMatchObject({
      issuer: 'https://id.example.vn',
      subject: 'sub-1',
    });
    expect(await gate.identityAtRegistration('none', { ip: '10.0.0.1' })).toBeNull();
    await expect(
      gate.identityAtRegistration('sso', { ip: '10.0.0.1', citizenToken: 'someone-else' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', detailKey: 'contest.sso_required' });
    withSso.t.clock.advance(9 * 3600_000);
    await expect(
      gate.identityAtRegistration('sso', { ip: '10.0.0.1', citizenToken: token }),
    ).rejects.toMatchObject({ status: 401 });
    const off = createContestSsoGate(s.t.deps);
    await expect(off.identityAtRegistration('sso', { ip: '10.0.0.1' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('registers one citizen account once per contest, whatever CCCD it gives the second time', async () => {
    const t = withSso.t;
    // The test before moved the clock past the organiser's session: sign in again.
    const organiser = await loginAs(t, { role: 'secretariat', unitId: withSso.tree.province });
    const slug = 'thi-dinh-danh';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: organiser.headers,
      payload: {
        unitId: withSso.tree.province,
        title: 'Cuộc thi đăng nhập định danh',
        slug,
        config: contestConfig(withSso, { verification: 'sso' }),
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    await t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${id}/open`,
      headers: organiser.headers,
    });
    await citizenSession('citizen-a', 'sub-a');
    await citizenSession('citizen-b', 'sub-b');
    const register = async (token: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/contests/${slug}/register`,
        remoteAddress: '10.9.1.1',
        cookies: { [CITIZEN_COOKIE]: token },
        headers: { 'accept-language': 'vi' },
        payload: {
          groupKey: 'citizens',
          fullName: 'Nguyễn Thị Định Danh',
          consent: true,
          cccd: cccdOf(),
          pow: await solvedPow(t, slug),
          unitId: withSso.tree.communeA,
        },
      });
    const first = await register('citizen-a');
    expect(first.statusCode).toBe(201);
    expect(first.json().me.verified).toBe(true);
    const twice = await register('citizen-a');
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.json().detail).toContain('Tài khoản định danh này đã đăng ký');
    expect((await register('citizen-b')).statusCode).toBe(201);
    const participants = await t.deps.db
      .selectFrom('contestParticipants')
      .select('id')
      .where('contestId', '=', id)
      .execute();
    expect(participants).toHaveLength(2);
    const keys = await t.deps.db
      .selectFrom('contestRegistrationKeys')
      .select(['field', 'valueHash'])
      .where('contestId', '=', id)
      .where('field', '=', 'sso')
      .execute();
    expect(keys).toHaveLength(2);
    expect(keys.map((k) => k.valueHash).join()).not.toContain('sub-a');
  });
});
