import { afterEach, describe, expect, it } from 'vitest';
import { createUserWithGrant, loginAs, randomIp } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { linkBaseUrl } from '../../../config.js';

// Issue 8, finding 5: reset links were built from the request's Host header, so a caller could have a
// valid token mailed inside a link to its own server. Links come from PUBLIC_URL or the listening address.

const ATTACKER = 'attacker.example';

describe.each(testDialects())('password reset links ignore the Host header on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  async function requestWithHost(env: Record<string, string>) {
    t = await createTestApp(dialect, { env });
    const units = await createUnitTree(t.deps.db);
    const { email } = await createUserWithGrant(t, { role: 'officer', unitId: units.communeA });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      remoteAddress: randomIp(),
      headers: { host: ATTACKER, 'x-forwarded-host': ATTACKER, 'accept-language': 'en' },
      payload: { email },
    });
    return { res, mails: t.sentMail.filter((m) => m.to === email) };
  }

  it('mails a link on PUBLIC_URL, never on the Host the caller sent', async () => {
    const { res, mails } = await requestWithHost({ PUBLIC_URL: 'https://dxboard.example.gov.vn/' });
    expect(res.statusCode).toBe(202);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toMatch(
      /https:\/\/dxboard\.example\.gov\.vn\/app\/reset-password\?token=[\w-]{43}/,
    );
    expect(mails[0].text).not.toContain(ATTACKER);
  });

  it('falls back to the listening address in development', async () => {
    const { mails } = await requestWithHost({ PORT: '4321', HOST: '0.0.0.0' });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('http://127.0.0.1:4321/app/reset-password?token=');
    expect(mails[0].text).not.toContain(ATTACKER);
  });

  it('refuses to mail any link in production without PUBLIC_URL (503, nothing sent)', async () => {
    const { res, mails } = await requestWithHost({ NODE_ENV: 'production' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'UNAVAILABLE' });
    expect(res.json().detail).toContain('PUBLIC_URL');
    expect(mails).toHaveLength(0);
  });
});

describe.each(testDialects())('invitations without a link base on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('refuses to create a user who would need a mailed link (503), creating nothing', async () => {
    t = await createTestApp(dialect, { env: { NODE_ENV: 'production' } });
    const units = await createUnitTree(t.deps.db);
    const admin = await loginAs(t, { role: 'admin', unitId: units.province });
    const payload = {
      email: 'invitee@x.vn',
      fullName: 'Người mới',
      grants: [{ role: 'viewer', unitId: units.communeA }],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    expect(res.statusCode).toBe(503);
    const created = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'invitee@x.vn')
      .execute();
    expect(created).toEqual([]);
    expect(t.sentMail).toHaveLength(0);
  });
});

describe('linkBaseUrl', () => {
  const base = { production: false, host: '0.0.0.0', port: 3000 };
  it('prefers PUBLIC_URL without its trailing slash', () => {
    expect(linkBaseUrl({ ...base, publicUrl: 'https://x.vn/' })).toBe('https://x.vn');
  });
  it('uses the configured host when it is a concrete address', () => {
    expect(linkBaseUrl({ ...base, host: '10.0.0.5' })).toBe('http://10.0.0.5:3000');
    expect(linkBaseUrl({ ...base, host: '::1' })).toBe('http://[::1]:3000');
  });
  it('has none in production without PUBLIC_URL', () => {
    expect(linkBaseUrl({ ...base, production: true })).toBeNull();
  });
});
