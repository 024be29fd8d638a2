import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, type LoggedIn } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { accountsScenario } from '../accounts-test-fixtures.js';
import { sha256Hex } from '../auth/secrets.js';

describe.each(testDialects())('API token routes on %s', (dialect) => {
  let t: TestApp;
  let u: UnitTree;
  let adminA: LoggedIn;
  let adminB: LoggedIn;
  let officerA: LoggedIn;

  beforeAll(async () => {
    const s = await accountsScenario(dialect);
    ({ t, units: u } = s);
    adminA = await s.signIn('admin', 'communeA');
    adminB = await s.signIn('admin', 'communeB');
    officerA = await s.signIn('officer', 'communeA');
  });
  afterAll(async () => t.close());

  const create = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/tokens', headers, payload });
  const list = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/tokens', headers });
  const revoke = (headers: Record<string, string>, id: number | string) =>
    t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers });
  const body = (unitId: number, extra: object = {}) => ({
    name: 'Hệ thống KPI',
    unitId,
    permissions: ['users.manage'],
    ...extra,
  });

  it('401 when anonymous or with an unknown bearer token', async () => {
    expect((await list({})).statusCode).toBe(401);
    expect((await create({}, {})).statusCode).toBe(401);
    expect((await revoke({}, 1)).statusCode).toBe(401);
    expect((await list({ authorization: `Bearer dxb_${'A'.repeat(43)}` })).statusCode).toBe(401);
    expect((await list({ authorization: 'Bearer garbage' })).statusCode).toBe(401);
  });

  it('400 on malformed bodies, ids and past expiries', async () => {
    expect((await create(adminA.headers, body(u.communeA, { permissions: ['fly'] }))).statusCode).toBe(400);
    expect((await create(adminA.headers, body(u.communeA, { name: '' }))).statusCode).toBe(400);
    expect((await create(adminA.headers, body(u.communeA, { permissions: [] }))).statusCode).toBe(400);
    expect((await create(adminA.headers, body(u.communeA, { expiresAt: 'tomorrow' }))).statusCode).toBe(400);
    const past = await create(adminA.headers, body(u.communeA, { expiresAt: '2020-01-01T00:00:00Z' }));
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toMatchObject({ field: 'body.expiresAt', code: 'tokens.expiry_past' });
    expect((await revoke(adminA.headers, 'abc')).statusCode).toBe(400);
  });

  it('403 for an officer, for another commune, and for permissions the creator lacks', async () => {
    expect(
      (await create(officerA.headers, body(u.communeA, { permissions: ['measure.read'] }))).statusCode,
    ).toBe(403);
    expect((await create(adminB.headers, body(u.communeA))).statusCode).toBe(403);
    expect((await create(adminA.headers, body(u.province))).statusCode).toBe(403);
    expect((await create(adminA.headers, body(999_999))).statusCode).toBe(403);
    const rows = await t.deps.db.selectFrom('apiTokens').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('creates a token shown once and stored hashed; lists it without the secret', async () => {
    const res = await create(adminA.headers, body(u.communeA, { expiresAt: '2026-12-31T00:00:00+07:00' }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^dxb_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'Hệ thống KPI',
      tokenPrefix: created.token.slice(0, 12),
      unitId: u.communeA,
      permissions: ['users.manage'],
      createdAt: '2026-03-02T02:00:00.000Z',
      expiresAt: '2026-12-30T17:00:00.000Z',
    });
    const stored = await t.deps.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBe(sha256Hex(created.token));
    const listed = await list(adminA.headers);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((i: { id: number }) => i.id)).toContain(created.id);
    expect(listed.body).not.toContain(created.token);
    expect(listed.body).not.toContain(stored.tokenHash);
    expect((await list(adminB.headers)).json().items).toEqual([]);
    expect((await list(officerA.headers)).json().items).toEqual([]);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'token.created')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(created.token.slice(12));
  });

  it('a token for commune A acts on commune A only, without CSRF, within its permissions', async () => {
    const tok = await createApiToken(t, { unitId: u.communeA, permissions: ['users.manage'] });
    const inA = await t.app.inject({
      method: 'GET',
      url: `/api/users?unitId=${u.communeA}`,
      headers: tok.headers,
    });
    expect(inA.statusCode).toBe(200);
    expect(inA.json().total).toBeGreaterThan(0);
    const inB = await t.app.inject({
      method: 'GET',
      url: `/api/users?unitId=${u.communeB}`,
      headers: tok.headers,
    });
    expect(inB.statusCode).toBe(403);
    const createInA = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: tok.headers,
      payload: {
        email: 'bot-made@a.vn',
        fullName: 'Bot',
        password: 'Long-enough-1',
        grants: [{ role: 'viewer', unitId: u.communeA }],
      },
    });
    expect(createInA.statusCode).toBe(201);
    const createInB = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: tok.headers,
      payload: {
        email: 'bot-made@b.vn',
        fullName: 'Bot',
        password: 'Long-enough-1',
        grants: [{ role: 'viewer', unitId: u.communeB }],
      },
    });
    expect(createInB.statusCode).toBe(403);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'user.created')
      .where('actorTokenId', '=', tok.tokenId)
      .executeTakeFirstOrThrow();
    expect(audit.actorLabel).toBe('token:test token');
    const readOnly = await createApiToken(t, { unitId: u.communeA, permissions: ['measure.read'] });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: readOnly.headers })).statusCode,
    ).toBe(403);
    // A token never mints tokens, and /me is for people.
    expect((await create(tok.headers, body(u.communeA))).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: tok.headers })).statusCode,
    ).toBe(403);
  });

  it('revokes: the token stops working (401); others cannot revoke it (403); unknown id is 404', async () => {
    const tok = await createApiToken(t, { unitId: u.communeA, permissions: ['users.manage'] });
    expect((await revoke(adminB.headers, tok.tokenId)).statusCode).toBe(403);
    expect((await revoke(officerA.headers, tok.tokenId)).statusCode).toBe(403);
    expect((await revoke(adminA.headers, 999_999)).statusCode).toBe(404);
    // adminA did not create it but holds tokens.manage over commune A.
    expect((await revoke(adminA.headers, tok.tokenId)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: tok.headers })).statusCode).toBe(
      401,
    );
    const row = await t.deps.db
      .selectFrom('apiTokens')
      .select('revokedAt')
      .where('id', '=', tok.tokenId)
      .executeTakeFirstOrThrow();
    expect(row.revokedAt).toBe(t.clock.now().toISOString());
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('actorUserId')
      .where('action', '=', 'token.revoked')
      .where('entityId', '=', String(tok.tokenId))
      .execute();
    expect(audit).toEqual([{ actorUserId: adminA.userId }]);
  });

  it('an expired token, or one whose creator was deactivated, is 401', async () => {
    const res = await create(
      adminA.headers,
      body(u.communeA, { expiresAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() }),
    );
    const headers = { authorization: `Bearer ${res.json().token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200);
    t.clock.advance(3_600_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(401);
    const tok = await createApiToken(t, { unitId: u.communeA, permissions: ['users.manage'] });
    await t.deps.db.updateTable('users').set({ isActive: 0 }).where('id', '=', tok.userId).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: tok.headers })).statusCode).toBe(
      401,
    );
  });

  it('a token loses the permissions its creator no longer holds', async () => {
    const tok = await createApiToken(t, { unitId: u.communeA, permissions: ['users.manage'] });
    const list = () => t.app.inject({ method: 'GET', url: '/api/users', headers: tok.headers });
    expect((await list()).statusCode).toBe(200);
    await t.deps.db
      .updateTable('roleAssignments')
      .set({ role: 'viewer' })
      .where('userId', '=', tok.userId)
      .execute();
    expect((await list()).statusCode).toBe(403);
  });
});
