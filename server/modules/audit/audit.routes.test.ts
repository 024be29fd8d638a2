import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';

describe.each(testDialects())('audit log on %s', (dialect) => {
  let t: TestApp;
  let u: UnitTree;
  let admin: LoggedIn;
  let secretariat: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    u = await createUnitTree(t.deps.db);
    admin = await loginAs(t, { role: 'admin', unitId: u.province, email: 'admin@p.vn' });
    secretariat = await loginAs(t, { role: 'secretariat', unitId: u.province });
    t.clock.advance(60_000);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'audited@a.vn',
        fullName: 'Audited',
        password: 'Long-enough-1',
        grants: [{ role: 'officer', unitId: u.communeA }],
      },
    });
    if (created.statusCode !== 201) throw new Error(created.body);
    t.clock.advance(60_000);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${created.json().id}`,
      headers: admin.headers,
      payload: { fullName: 'Audited Twice' },
    });
  });
  afterAll(async () => t.close());

  const get = (query: string, s?: LoggedIn) =>
    t.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: s?.headers ?? {} });

  it('401 when anonymous', async () => {
    expect((await get('')).statusCode).toBe(401);
  });

  it('400 on malformed filters', async () => {
    for (const q of [
      '?limit=0',
      '?limit=1000',
      '?from=yesterday',
      '?actorUserId=abc',
      '?beforeId=-1',
      '?x=1',
    ]) {
      expect((await get(q, admin)).statusCode, q).toBe(400);
    }
  });

  it.each(['leader', 'officer', 'viewer'] as const)('403 for a %s of the province', async (role) => {
    const s = await loginAs(t, { role, unitId: u.province });
    const res = await get('', s);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('audited@a.vn');
  });

  it('403 for the admin of a commune, whose scope is not the whole tree', async () => {
    const s = await loginAs(t, { role: 'admin', unitId: u.communeA });
    expect((await get('', s)).statusCode).toBe(403);
  });

  it('lists newest first with before/after for the admin and the secretariat', async () => {
    for (const s of [admin, secretariat]) {
      const res = await get('?entity=user&action=user.updated', s);
      expect(res.statusCode).toBe(200);
      const [item] = res.json().items;
      expect(item).toMatchObject({
        actorLabel: 'admin@p.vn',
        actorUserId: admin.userId,
        action: 'user.updated',
        entity: 'user',
        entityLabel: 'Audited Twice',
        at: '2026-03-02T02:02:00.000Z',
        before: { fullName: 'Audited', isActive: true, locale: 'vi' },
        after: { fullName: 'Audited Twice', isActive: true, locale: 'vi' },
      });
      expect(item.ip).toBeTruthy();
    }
    const all = (await get('?limit=200', admin)).json().items as {
      id: number;
      entity: string;
      entityLabel: unknown;
    }[];
    expect(all.map((i) => i.id)).toEqual([...all.map((i) => i.id)].sort((a, b) => b - a));
    // Only users have a readable name to show; other objects keep their id.
    expect(all.filter((i) => i.entity !== 'user').every((i) => i.entityLabel === null)).toBe(true);
  });

  it('filters by actor, entity id, time range and text, and pages with beforeId', async () => {
    const created = (await get('?action=user.created', admin)).json().items[0];
    const byId = await get(`?entity=user&entityId=${created.entityId}`, admin);
    expect(byId.json().items.map((i: { action: string }) => i.action)).toEqual([
      'user.updated',
      'user.created',
    ]);
    const byActor = await get(`?actorUserId=${secretariat.userId}`, admin);
    expect(byActor.json().items.map((i: { action: string }) => i.action)).toEqual(['auth.login']);
    const byEmail = await get('?actor=ADMIN%40P&action=user.created', secretariat);
    expect(byEmail.json().items.map((i: { entityId: string }) => i.entityId)).toEqual([created.entityId]);
    const range = await get('?from=2026-03-02T09:01:00%2B07:00&to=2026-03-02T02:02:00Z', admin);
    expect(range.json().items.map((i: { action: string }) => i.action)).toEqual(['user.created']);
    const text = await get('?q=UPDATED', admin);
    expect(text.json().items.map((i: { action: string }) => i.action)).toEqual(['user.updated']);
    const first = (await get('?limit=2', admin)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextBeforeId).toBe(first.items[1].id);
    const second = (await get(`?limit=2&beforeId=${first.nextBeforeId}`, admin)).json();
    expect(second.items[0].id).toBeLessThan(first.nextBeforeId);
    const total = (await get('?limit=200', admin)).json();
    expect(total.nextBeforeId).toBeNull();
  });

  it('filters by the person who acted, by name without diacritics (issue 10)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'ld@p.vn',
        fullName: 'Lãnh Đạo Sở',
        password: 'Long-enough-1',
        grants: [{ role: 'viewer', unitId: u.province }],
      },
    });
    expect(created.statusCode).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.77',
      payload: { email: 'ld@p.vn', password: 'Long-enough-1' },
    });
    expect(login.statusCode).toBe(200);
    for (const name of ['lanh dao', 'LÃNH ĐẠO SỞ', 'ld@p']) {
      const res = await get(`?actor=${encodeURIComponent(name)}`, secretariat);
      expect(res.statusCode, name).toBe(200);
      expect(
        res.json().items.map((i: { actorLabel: string; action: string }) => [i.actorLabel, i.action]),
      ).toEqual([['ld@p.vn', 'auth.login']]);
    }
    expect((await get('?actor=lanh%20dao%20xa', secretariat)).json().items).toEqual([]);
  });

  it('filters by unit: the unit and every unit below it, found from the row or the module (issue 10)', async () => {
    const record = (entry: Parameters<TestApp['deps']['audit']['record']>[2]) =>
      t.deps.db.transaction().execute((trx) => t.deps.audit.record(trx, { actor: null }, entry));
    await record({ action: 'unit.updated', entity: 'unit', entityId: u.communeA, after: { name: 'A' } });
    await record({ action: 'x.saved', entity: 'thing', entityId: 7, after: { unitId: u.communeB } });
    await record({ action: 'x.decided', entity: 'thing', entityId: 8, unitId: u.department });
    t.deps.audit.registerUnitOf('resolved_thing', async (_exec, id) => (id === '9' ? u.communeA : null));
    await record({ action: 'x.resolved', entity: 'resolved_thing', entityId: 9, after: { status: 'ok' } });
    const actions = async (unitId: number) =>
      (await get(`?unitId=${unitId}&limit=200`, admin)).json().items.map((i: { action: string }) => i.action);
    expect(await actions(u.communeA)).toEqual(['x.resolved', 'unit.updated']);
    expect(await actions(u.communeB)).toEqual(['x.saved']);
    expect(await actions(u.department)).toEqual(['x.decided']);
    // The province covers its whole subtree; rows without a unit (logins) match no unit.
    const all = await actions(u.province);
    expect(all).toEqual(expect.arrayContaining(['x.resolved', 'x.decided', 'x.saved', 'unit.updated']));
    expect(all).not.toContain('auth.login');
    const [row] = (await get(`?unitId=${u.communeB}`, admin)).json().items;
    expect(row.unitId).toBe(u.communeB);
    expect((await get('?unitId=0', admin)).statusCode).toBe(400);
  });

  it('offers no route that changes audit rows, and the database refuses UPDATE and DELETE', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/audit'])).toEqual(['get']);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/audit'))).toEqual(['/api/audit']);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await t.app.inject({ method, url: '/api/audit', headers: admin.headers })).statusCode).toBe(
        404,
      );
    }
    const before = await t.deps.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
    await expect(sql`update audit_log set action = 'forged'`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    const after = await t.deps.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
    expect(after).toEqual(before);
  });
});
