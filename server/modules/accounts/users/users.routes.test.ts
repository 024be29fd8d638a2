import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../core/accounts/permissions.js';
import { createUserWithGrant, type LoggedIn, loginAs, randomIp } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { accountsScenario } from '../accounts-test-fixtures.js';

describe.each(testDialects())('users routes on %s', (dialect) => {
  let t: TestApp;
  let u: UnitTree;
  let admin: LoggedIn;
  let adminA: LoggedIn;
  let adminB: LoggedIn;
  let officerA: LoggedIn;
  const others: Partial<Record<Role, LoggedIn>> = {};

  beforeAll(async () => {
    const s = await accountsScenario(dialect);
    ({ t, units: u } = s);
    admin = await s.signIn('admin', 'province', 'admin@p.vn');
    adminA = await s.signIn('admin', 'communeA', 'admin@a.vn');
    adminB = await s.signIn('admin', 'communeB', 'admin@b.vn');
    officerA = await s.signIn('officer', 'communeA', 'officer@a.vn');
    for (const role of ['secretariat', 'leader', 'viewer'] as const) {
      others[role] = await s.signIn(role, 'province');
    }
  });
  afterAll(async () => t.close());

  const get = (url: string, s?: LoggedIn) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });
  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, s: LoggedIn | undefined, payload: object) =>
    t.app.inject({ method, url, headers: s?.headers ?? {}, payload });

  it('401 when anonymous, on every route', async () => {
    expect((await get('/api/users')).statusCode).toBe(401);
    expect((await get(`/api/users/${officerA.userId}`)).statusCode).toBe(401);
    expect((await send('POST', '/api/users', undefined, {})).statusCode).toBe(401);
    expect((await send('PATCH', `/api/users/${officerA.userId}`, undefined, {})).statusCode).toBe(401);
    expect((await send('PUT', `/api/users/${officerA.userId}/grants`, undefined, {})).statusCode).toBe(401);
  });

  it('400 on malformed queries, ids and bodies', async () => {
    expect((await get('/api/users?limit=0', admin)).statusCode).toBe(400);
    expect((await get('/api/users?limit=abc&offset=-1', admin)).statusCode).toBe(400);
    expect((await get('/api/users/abc', admin)).statusCode).toBe(400);
    expect((await get('/api/users?q=%00', admin)).statusCode).toBe(400);
    expect((await get('/api/users/99999999999', admin)).statusCode).toBe(400);
    const bad = await send('POST', '/api/users', admin, { email: 'nope', fullName: '', grants: [] });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.fullName', 'body.grants']));
    const role = await send('POST', '/api/users', admin, {
      email: 'x@y.vn',
      fullName: 'X',
      grants: [{ role: 'emperor', unitId: u.province }],
    });
    expect(role.statusCode).toBe(400);
    expect((await send('PATCH', `/api/users/${officerA.userId}`, admin, { isActive: 'no' })).statusCode).toBe(
      400,
    );
    expect(
      (await send('PATCH', `/api/users/${officerA.userId}`, admin, { email: 'a@b.vn' })).statusCode,
    ).toBe(400);
  });

  it.each(['secretariat', 'leader', 'viewer'] as const)(
    '403 for a %s, who cannot manage users',
    async (role) => {
      const s = others[role]!;
      expect((await get('/api/users', s)).statusCode).toBe(403);
      const one = await get(`/api/users/${officerA.userId}`, s);
      expect(one.statusCode).toBe(403);
      expect(one.body).not.toContain('officer@a.vn');
      const create = await send('POST', '/api/users', s, {
        email: 'new@x.vn',
        fullName: 'N',
        password: 'Long-enough-1',
        grants: [{ role: 'viewer', unitId: u.province }],
      });
      expect(create.statusCode).toBe(403);
    },
  );

  it('403 for an officer, and for the admin of another commune, who learn nothing', async () => {
    expect((await get('/api/users', officerA)).statusCode).toBe(403);
    const peek = await get(`/api/users/${officerA.userId}`, adminB);
    expect(peek.statusCode).toBe(403);
    expect(peek.body).not.toContain('officer@a.vn');
    expect((await get(`/api/users?unitId=${u.communeA}`, adminB)).statusCode).toBe(403);
    const patch = await send('PATCH', `/api/users/${officerA.userId}`, adminB, { fullName: 'Hacked' });
    expect(patch.statusCode).toBe(403);
    const grants = await send('PUT', `/api/users/${officerA.userId}/grants`, adminB, {
      grants: [{ role: 'admin', unitId: u.communeB }],
    });
    expect(grants.statusCode).toBe(403);
    const create = await send('POST', '/api/users', adminB, {
      email: 'sneaky@x.vn',
      fullName: 'S',
      password: 'Long-enough-1',
      grants: [{ role: 'admin', unitId: u.communeA }],
    });
    expect(create.statusCode).toBe(403);
    const escalate = await send('POST', '/api/users', adminA, {
      email: 'sneaky2@x.vn',
      fullName: 'S',
      password: 'Long-enough-1',
      grants: [{ role: 'admin', unitId: u.province }],
    });
    expect(escalate.statusCode).toBe(403);
    const row = await t.deps.db
      .selectFrom('users')
      .select('fullName')
      .where('id', '=', officerA.userId)
      .executeTakeFirstOrThrow();
    expect(row.fullName).toBe('Test officer');
    expect(
      await t.deps.db
        .selectFrom('users')
        .select('id')
        .where('email', 'in', ['sneaky@x.vn', 'sneaky2@x.vn'])
        .execute(),
    ).toEqual([]);
  });

  it('lists only users with a role inside the scope, with search and paging', async () => {
    const all = await get('/api/users?limit=200', admin);
    expect(all.statusCode).toBe(200);
    const emails = all.json().items.map((i: { email: string }) => i.email);
    expect(emails).toEqual(
      expect.arrayContaining(['admin@p.vn', 'admin@a.vn', 'admin@b.vn', 'officer@a.vn']),
    );
    expect(all.json().total).toBe(emails.length);
    const scoped = await get('/api/users', adminA);
    expect(
      scoped
        .json()
        .items.map((i: { email: string }) => i.email)
        .sort(),
    ).toEqual(['admin@a.vn', 'officer@a.vn']);
    const item = scoped.json().items.find((i: { email: string }) => i.email === 'officer@a.vn');
    expect(item).toEqual({
      id: officerA.userId,
      email: 'officer@a.vn',
      fullName: 'Test officer',
      isActive: true,
      locale: 'vi',
      grants: [{ role: 'officer', unitId: u.communeA, unitName: 'Phường Phan Đình Phùng' }],
      createdAt: '2026-03-02T02:00:00.000Z',
    });
    expect(JSON.stringify(scoped.json())).not.toContain('passwordHash');
    const q = await get('/api/users?q=OFFICER%40A', admin);
    expect(q.json().items.map((i: { email: string }) => i.email)).toEqual(['officer@a.vn']);
    const wild = await get('/api/users?q=%25', admin);
    expect(wild.json().total).toBe(0);
    const byUnit = await get(`/api/users?unitId=${u.communeB}`, admin);
    expect(byUnit.json().items.map((i: { email: string }) => i.email)).toEqual(['admin@b.vn']);
    const page = await get('/api/users?limit=2&offset=1', admin);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().items[0].email).toBe(all.json().items[1].email);
  });

  it('creates a user with a password, who can then sign in; a taken email is 409', async () => {
    const res = await send('POST', '/api/users', adminA, {
      email: 'New.User@A.vn',
      fullName: 'Nguyễn Văn Mới',
      password: 'Long-enough-1',
      locale: 'en',
      grants: [{ role: 'officer', unitId: u.communeA }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'new.user@a.vn',
      fullName: 'Nguyễn Văn Mới',
      locale: 'en',
      isActive: true,
      grants: [{ role: 'officer', unitId: u.communeA, unitName: 'Phường Phan Đình Phùng' }],
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: randomIp(),
      payload: { email: 'new.user@a.vn', password: 'Long-enough-1' },
    });
    expect(login.statusCode).toBe(200);
    const dup = await send('POST', '/api/users', admin, {
      email: 'new.user@a.vn',
      fullName: 'Again',
      grants: [{ role: 'viewer', unitId: u.province }],
    });
    expect(dup.statusCode).toBe(409);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'user.created')
      .where('entityId', '=', String(res.json().id))
      .executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBe(adminA.userId);
    expect(JSON.parse(audit.afterJson!)).toEqual({
      email: 'new.user@a.vn',
      fullName: 'Nguyễn Văn Mới',
      locale: 'en',
      grants: [{ role: 'officer', unitId: u.communeA }],
    });
  });

  it('without a password, mails a set-password link through the reset flow', async () => {
    const before = t.sentMail.length;
    const res = await send('POST', '/api/users', admin, {
      email: 'invited@p.vn',
      fullName: 'Invited',
      grants: [{ role: 'leader', unitId: u.province }],
    });
    expect(res.statusCode).toBe(201);
    const mail = t.sentMail.slice(before).find((m) => m.to === 'invited@p.vn');
    expect(mail).toBeDefined();
    const token = mail!.text.match(/\/app\/reset-password\?token=([\w-]{43})/)![1];
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, newPassword: 'Invited-Pass-1' },
    });
    expect(set.statusCode).toBe(204);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: randomIp(),
      payload: { email: 'invited@p.vn', password: 'Invited-Pass-1' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('gets one user in scope; 404 for an unknown id', async () => {
    const res = await get(`/api/users/${officerA.userId}`, adminA);
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe('officer@a.vn');
    expect((await get('/api/users/999999', admin)).statusCode).toBe(404);
  });

  it('updates a user; deactivating ends their sessions; nobody deactivates themselves', async () => {
    const victim = await loginAs(t, { role: 'viewer', unitId: u.communeA });
    const res = await send('PATCH', `/api/users/${victim.userId}`, adminA, {
      fullName: 'Renamed',
      isActive: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Renamed', isActive: false });
    expect((await get('/api/auth/me', victim)).statusCode).toBe(401);
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', victim.userId)
      .execute();
    expect(sessions).toEqual([]);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'user.updated')
      .where('entityId', '=', String(victim.userId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.beforeJson!)).toMatchObject({ fullName: 'Test viewer', isActive: true });
    expect(JSON.parse(audit.afterJson!)).toMatchObject({ fullName: 'Renamed', isActive: false });
    const self = await send('PATCH', `/api/users/${adminA.userId}`, adminA, { isActive: false });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('INVALID_STATE');
  });

  it('a patch that changes nothing writes nothing', async () => {
    const count = async () =>
      (await t.deps.db.selectFrom('auditLog').select('id').where('action', '=', 'user.updated').execute())
        .length;
    const before = await count();
    const res = await send('PATCH', `/api/users/${officerA.userId}`, adminA, { fullName: 'Test officer' });
    expect(res.statusCode).toBe(200);
    expect(await count()).toBe(before);
  });

  it('replaces grants only for an admin whose scope holds every grant of the user (issue 8 #1)', async () => {
    const { userId } = await createUserWithGrant(t, {
      role: 'officer',
      unitId: u.communeA,
      email: 'two@x.vn',
    });
    await createUserWithGrant(t, { role: 'officer', unitId: u.communeB, email: 'two@x.vn' });
    // The user also works for commune B: commune A's admin no longer manages them.
    const outsideScope = await send('PUT', `/api/users/${userId}/grants`, adminA, {
      grants: [{ role: 'viewer', unitId: u.communeA }],
    });
    expect(outsideScope.statusCode).toBe(403);
    const res = await send('PUT', `/api/users/${userId}/grants`, admin, {
      grants: [
        { role: 'viewer', unitId: u.communeA },
        { role: 'officer', unitId: u.communeB },
      ],
    });
    expect(res.statusCode).toBe(200);
    const grants = res
      .json()
      .grants.map((g: { role: string; unitId: number }) => `${g.role}@${g.unitId}`)
      .sort();
    expect(grants).toEqual([`officer@${u.communeB}`, `viewer@${u.communeA}`].sort());
    const forbidden = await send('PUT', `/api/users/${userId}/grants`, adminA, {
      grants: [{ role: 'viewer', unitId: u.department }],
    });
    expect(forbidden.statusCode).toBe(403);
    const empty = await send('PUT', `/api/users/${userId}/grants`, admin, { grants: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].code).toBe('users.grants_required');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'user.grants_changed')
      .where('entityId', '=', String(userId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson!).grants).toHaveLength(2);
    expect(JSON.parse(audit.beforeJson!).grants).toHaveLength(2);
  });
});
