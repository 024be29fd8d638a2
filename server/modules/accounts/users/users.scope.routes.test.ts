import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithGrant, type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';

// Issue 8, finding 1: a commune's admin deactivated and renamed a user who is also the province's admin,
// because a user counted as "in scope" when ANY of their grants was. A scoped admin manages a user only when
// EVERY grant of that user lies inside its scope, and sees only the grants inside its scope.

describe.each(testDialects())('user management inside a scoped admin’s subtree on %s', (dialect) => {
  let t: TestApp;
  let tree: UnitTree;
  let communeAdmin: LoggedIn;
  let provinceAdmin: LoggedIn;
  let mixedId: number;
  let localId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await createUnitTree(t.deps.db);
    communeAdmin = await loginAs(t, { role: 'admin', unitId: tree.communeB });
    provinceAdmin = await loginAs(t, {
      role: 'admin',
      unitId: tree.province,
      email: 'mixed@test.dxboard.vn',
    });
    mixedId = provinceAdmin.userId;
    await createUserWithGrant(t, { role: 'viewer', unitId: tree.communeB, email: 'mixed@test.dxboard.vn' });
    localId = (await createUserWithGrant(t, { role: 'officer', unitId: tree.communeB })).userId;
  });
  afterAll(async () => t?.close());

  const call = (who: LoggedIn, method: 'GET' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const userRow = (id: number) =>
    t.deps.db
      .selectFrom('users')
      .select(['fullName', 'isActive'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('refuses to deactivate or rename a user holding a grant outside its scope, and changes nothing', async () => {
    const before = await userRow(mixedId);
    const res = await call(communeAdmin, 'PATCH', `/api/users/${mixedId}`, {
      isActive: false,
      fullName: 'Bị đổi',
    });
    expect(res.statusCode).toBe(403);
    expect(await userRow(mixedId)).toEqual(before);
    // The province admin's session is still alive.
    expect((await call(provinceAdmin, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses to change the grants of such a user', async () => {
    const res = await call(communeAdmin, 'PUT', `/api/users/${mixedId}/grants`, {
      grants: [{ role: 'officer', unitId: tree.communeB }],
    });
    expect(res.statusCode).toBe(403);
    const grants = await t.deps.db
      .selectFrom('roleAssignments')
      .select(['role', 'unitId'])
      .where('userId', '=', mixedId)
      .execute();
    expect(grants).toHaveLength(2);
  });

  it('shows such a user with only the grants inside its scope (GET and list)', async () => {
    const one = await call(communeAdmin, 'GET', `/api/users/${mixedId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().grants).toEqual([
      { role: 'viewer', unitId: tree.communeB, unitName: expect.any(String) },
    ]);
    const list = await call(communeAdmin, 'GET', '/api/users?limit=100');
    const listed = list.json().items.find((u: { id: number }) => u.id === mixedId);
    expect(listed.grants.map((g: { unitId: number }) => g.unitId)).toEqual([tree.communeB]);
    expect(list.body).not.toContain(`"unitId":${tree.province}`);
  });

  it('still manages a user whose every grant is inside its scope, and may grant only inside it', async () => {
    const res = await call(communeAdmin, 'PATCH', `/api/users/${localId}`, { fullName: 'Cán bộ xã' });
    expect(res.statusCode).toBe(200);
    const outside = await call(communeAdmin, 'PUT', `/api/users/${localId}/grants`, {
      grants: [{ role: 'viewer', unitId: tree.communeA }],
    });
    expect(outside.statusCode).toBe(403);
  });

  it('lets the province admin, whose scope holds every grant, manage the same user', async () => {
    const other = await loginAs(t, { role: 'admin', unitId: tree.province });
    const res = await call(other, 'PATCH', `/api/users/${mixedId}`, { fullName: 'Quản trị tỉnh' });
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toHaveLength(2);
  });
});
