import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type ContestScenario, contestConfig, contestScenario } from '../contest-test-fixtures.js';
import { createContestSsoGate, ssoVerificationErrors } from './sso-verification.js';

// A contest's verification 'sso': refused while single sign-on is not configured (with words saying why), and at
// registration verified by the citizen's single sign-on session — or a 401 asking them to sign in first.

describe.each(testDialects())('contest verification by single sign-on on %s', (dialect) => {
  let s: ContestScenario;
  let sso: TestApp;
  beforeAll(async () => {
    s = await contestScenario(dialect);
    sso = await createTestApp(dialect, {
      env: {
        OIDC_ISSUER_URL: 'https://id.example.vn',
        OIDC_CLIENT_ID: 'dxboard',
        OIDC_REDIRECT_URL: 'https://dxboard.example.vn/api/public/sso/callback',
      },
    });
  });
  afterAll(async () => {
    await s.t.close();
    await sso.close();
  });

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
    expect(ssoVerificationErrors(sso.deps.config, 'sso')).toEqual([]);
  });

  it('verifies a registration by the citizen’s session and asks the others to sign in first', async () => {
    const token = 'citizen-session-token-for-the-gate';
    await sso.deps.db
      .insertInto('citizenSessions')
      .values({
        tokenHash: createHash('sha256').update(token).digest('hex'),
        issuer: 'https://id.example.vn',
        subject: 'sub-1',
        name: 'Trần Văn B',
        email: null,
        phone: null,
        createdAt: '2026-03-02T01:00:00.000Z',
        expiresAt: '2026-03-02T09:00:00.000Z',
      })
      .execute();
    const gate = createContestSsoGate(sso.deps);
    expect(await gate.verifiedAtRegistration('sso', { ip: '10.0.0.1', citizenToken: token })).toBe(true);
    expect(await gate.verifiedAtRegistration('none', { ip: '10.0.0.1' })).toBe(false);
    await expect(
      gate.verifiedAtRegistration('sso', { ip: '10.0.0.1', citizenToken: 'someone-else' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', detailKey: 'contest.sso_required' });
    sso.clock.advance(9 * 3600_000);
    await expect(
      gate.verifiedAtRegistration('sso', { ip: '10.0.0.1', citizenToken: token }),
    ).rejects.toMatchObject({ status: 401 });
    const off = createContestSsoGate(s.t.deps);
    await expect(off.verifiedAtRegistration('sso', { ip: '10.0.0.1' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});
