import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { seedDemo } from '../demo/demo-seed.js';
import { createUnitsRepository } from '../units.repository.js';

// Every units route: 401 when anonymous → 400 on bad input → 403 for an officer of another commune
// (or a token without units.read) → the happy path, on SQLite and PostgreSQL, on the real demo data.

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

describe.each(testDialects())('units routes on %s', (dialect) => {
  let t: TestApp;
  let ids: Record<string, number>;
  let admin: LoggedIn;
  let leader: LoggedIn;
  let officer: LoggedIn;
  let otherOfficer: LoggedIn;
  let noUnitsToken: Record<string, string>;

  const call = (method: Method, url: string, who?: { headers: Record<string, string> }, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const auditCount = async (action: string) =>
    Number(
      (
        await t.deps.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.deps);
    const repo = createUnitsRepository(t.deps.db);
    const newS = (await repo.findStructureByName('2025-07-01'))!.id;
    const oldS = (await repo.findStructureByName('2025-03-01'))!.id;
    const code = async (s: number, c: string) => (await repo.findUnitByCode(s, c))!.id;
    ids = {
      newStructure: newS,
      province: await code(newS, '19'),
      commune: await code(newS, '05443'),
      otherCommune: await code(newS, '01843'),
      science: await code(newS, '19-SKHCN'),
      oldBacKan: await code(oldS, '06'),
      oldCommune: await code(oldS, '05461'),
    };
    admin = await loginAs(t, { role: 'admin', unitId: ids.province });
    leader = await loginAs(t, { role: 'leader', unitId: ids.province });
    officer = await loginAs(t, { role: 'officer', unitId: ids.commune });
    otherOfficer = await loginAs(t, { role: 'officer', unitId: ids.otherCommune });
    noUnitsToken = (await createApiToken(t, { unitId: ids.province, permissions: ['measure.read'] })).headers;
  }, 120_000);
  afterAll(async () => t.close());

  it('GET /api/structures', async () => {
    expect((await call('GET', '/api/structures')).statusCode).toBe(401);
    expect((await call('GET', '/api/structures', { headers: noUnitsToken })).statusCode).toBe(403);
    const res = await call('GET', '/api/structures', officer);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      name: string;
      validFrom: string;
      validTo: string | null;
      unitCount: number;
    }[];
    expect(items.map((s) => [s.name, s.validFrom, s.validTo])).toEqual([
      ['2025-03-01', '2025-03-01', '2025-06-30'],
      ['2025-07-01', '2025-07-01', null],
    ]);
    expect(items[1].unitCount).toBe(1);
    const all = (await call('GET', '/api/structures', leader)).json().items;
    expect(all[1].unitCount).toBe(103);
  });

  it('GET /api/units', async () => {
    expect((await call('GET', '/api/units')).statusCode).toBe(401);
    const bad = await call('GET', '/api/units?limit=500&asOf=2025-13-01', leader);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['querystring.asOf', 'querystring.limit']);
    expect((await call('GET', '/api/units', { headers: noUnitsToken })).statusCode).toBe(403);
    const hidden = await call('GET', `/api/units?q=phan%20dinh%20phung`, otherOfficer);
    expect(hidden.json()).toEqual({ items: [], total: 0 });
    const res = await call('GET', '/api/units?q=phan%20dinh%20phung', officer);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { id: number }) => u.id)).toEqual([ids.commune]);
    const june = await call('GET', '/api/units?asOf=2025-06-15', leader);
    expect(june.json().items.map((u: { name: string }) => u.name)).toEqual(['Bắc Kạn', 'Thái Nguyên']);
    const page = await call(
      'GET',
      `/api/units?parentId=${ids.province}&kind=commune&limit=10&offset=90`,
      leader,
    );
    expect(page.json().total).toBe(92);
    expect(page.json().items).toHaveLength(2);
  });

  it('GET /api/units/:id', async () => {
    expect((await call('GET', `/api/units/${ids.commune}`)).statusCode).toBe(401);
    expect((await call('GET', '/api/units/abc', leader)).statusCode).toBe(400);
    const forbidden = await call('GET', `/api/units/${ids.commune}`, otherOfficer);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).not.toContain('Phan Đình Phùng');
    expect((await call('GET', '/api/units/999999', leader)).statusCode).toBe(404);
    const res = await call('GET', `/api/units/${ids.commune}`, officer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.commune,
      code: '05443',
      name: 'Phan Đình Phùng',
      type: 'Phường',
      kind: 'commune',
      structureName: '2025-07-01',
      ancestors: [{ id: ids.province, name: 'Thái Nguyên', type: 'Tỉnh' }],
      allowedActions: ['view'],
    });
    const headcounts = res.json().headcounts as { metric: string; source: string }[];
    expect(headcounts.map((h) => `${h.metric}:${h.source}`).sort()).toEqual([
      'officials:demo',
      'population:demo',
    ]);
    expect(res.json().predecessorCount).toBeGreaterThan(1);
  });

  it('GET /api/units/:id/lineage', async () => {
    const url = `/api/units/${ids.province}/lineage`;
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', `${url}?depth=11`, leader)).statusCode).toBe(400);
    expect((await call('GET', url, officer)).statusCode).toBe(403);
    const res = await call('GET', url, leader);
    expect(res.statusCode).toBe(200);
    const nodes = res.json().nodes as { id: number; relation: string }[];
    expect(nodes.find((n) => n.id === ids.oldBacKan)?.relation).toBe('predecessor');
    expect(res.json().edges).toContainEqual(
      expect.objectContaining({
        fromUnitId: ids.oldBacKan,
        toUnitId: ids.province,
        kind: 'full',
        share: null,
      }),
    );
  });

  it('POST /api/units and PATCH /api/units/:id', async () => {
    const body = { parentId: ids.province, code: '19-STP', name: 'Sở Tư pháp', type: 'Sở', kind: 'agency' };
    expect((await call('POST', '/api/units', undefined, body)).statusCode).toBe(401);
    const bad = await call('POST', '/api/units', admin, { ...body, name: '' });
    expect(bad.statusCode).toBe(400);
    expect((await call('POST', '/api/units', otherOfficer, body)).statusCode).toBe(403);
    expect((await call('POST', '/api/units', leader, body)).statusCode).toBe(403);
    const created = await call('POST', '/api/units', admin, body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({
      level: 2,
      validFrom: '2025-07-01',
      allowedActions: expect.arrayContaining(['edit']),
    });
    const dup = await call('POST', '/api/units', admin, body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CONFLICT');
    expect(await auditCount('unit.create')).toBe(1);
    const search = await call('GET', '/api/units?q=so%20tu%20phap', leader);
    expect(search.json().items.map((u: { id: number }) => u.id)).toEqual([id]);

    expect((await call('PATCH', `/api/units/${id}`, undefined, { name: 'X' })).statusCode).toBe(401);
    expect((await call('PATCH', `/api/units/${id}`, admin, {})).statusCode).toBe(400);
    expect((await call('PATCH', `/api/units/${id}`, officer, { name: 'X' })).statusCode).toBe(403);
    const renamed = await call('PATCH', `/api/units/${id}`, admin, {
      name: 'Sở Tư pháp tỉnh',
      parentId: ids.science,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Sở Tư pháp tỉnh', parentId: ids.science, level: 3 });
    expect(renamed.json().ancestors.map((a: { id: number }) => a.id)).toEqual([ids.province, ids.science]);
    const closure = await t.deps.db
      .selectFrom('unitClosure')
      .select(['ancestorId', 'depth'])
      .where('descendantId', '=', id)
      .where('viaLineage', '=', 0)
      .orderBy('depth')
      .execute();
    expect(closure).toEqual([
      { ancestorId: id, depth: 0 },
      { ancestorId: ids.science, depth: 1 },
      { ancestorId: ids.province, depth: 2 },
    ]);
    expect((await call('PATCH', `/api/units/${ids.science}`, admin, { parentId: id })).statusCode).toBe(400);
    expect((await call('PATCH', `/api/units/${id}`, admin, { code: '19-SKHCN' })).statusCode).toBe(409);
    expect((await call('PATCH', `/api/units/${id}`, admin, { parentId: null })).statusCode).toBe(400);
    const back = await call('PATCH', `/api/units/${id}`, admin, { parentId: ids.province });
    expect(back.json()).toMatchObject({ parentId: ids.province, level: 2 });
    const moved = await t.deps.db
      .selectFrom('units')
      .select('path')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(moved.path).toBe(`/${ids.province}/${id}/`);
    expect((await call('PATCH', `/api/units/${id}`, leader, { name: 'Y' })).statusCode).toBe(403);
  });

  it('PUT /api/units/:id/headcounts', async () => {
    const url = `/api/units/${ids.commune}/headcounts`;
    const body = { headcounts: [{ metric: 'officials', asOf: '2026-01-01', value: 23 }] };
    expect((await call('PUT', url, undefined, body)).statusCode).toBe(401);
    expect(
      (
        await call('PUT', url, admin, {
          headcounts: [{ metric: 'officials', asOf: '2026-01-01', value: -1 }],
        })
      ).statusCode,
    ).toBe(400);
    expect((await call('PUT', url, otherOfficer, body)).statusCode).toBe(403);
    expect((await call('PUT', url, officer, body)).statusCode).toBe(403);
    const res = await call('PUT', url, admin, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      headcounts: [{ metric: 'officials', asOf: '2026-01-01', value: 23, source: 'manual' }],
    });
    expect(await auditCount('unit.headcounts')).toBe(1);
  });

  it('POST /api/lineage and DELETE /api/lineage/:id', async () => {
    const body = {
      fromUnitId: ids.oldCommune,
      toUnitId: ids.otherCommune,
      kind: 'partial',
      share: 0.1,
      shareBasis: 'area',
      effectiveDate: '2025-07-01',
    };
    expect((await call('POST', '/api/lineage', undefined, body)).statusCode).toBe(401);
    expect(
      (await call('POST', '/api/lineage', admin, { ...body, toUnitId: ids.oldCommune })).statusCode,
    ).toBe(400);
    expect((await call('POST', '/api/lineage', admin, { ...body, shareBasis: undefined })).statusCode).toBe(
      400,
    );
    expect((await call('POST', '/api/lineage', otherOfficer, body)).statusCode).toBe(403);
    const created = await call('POST', '/api/lineage', admin, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      fromUnitId: ids.oldCommune,
      toUnitId: ids.otherCommune,
      share: 0.1,
      shareBasis: 'area',
    });
    expect((await call('POST', '/api/lineage', admin, body)).statusCode).toBe(409);
    const cycle = await call('POST', '/api/lineage', admin, {
      ...body,
      fromUnitId: ids.otherCommune,
      toUnitId: ids.oldCommune,
    });
    expect(cycle.json().code).toBe('INVALID_STATE');
    // The new link puts the old commune into the other commune officer's scope.
    expect((await call('GET', `/api/units/${ids.oldCommune}`, otherOfficer)).statusCode).toBe(200);

    const url = `/api/lineage/${created.json().id}`;
    expect((await call('DELETE', url)).statusCode).toBe(401);
    expect((await call('DELETE', '/api/lineage/x', admin)).statusCode).toBe(400);
    expect((await call('DELETE', url, otherOfficer)).statusCode).toBe(403);
    expect((await call('DELETE', url, admin)).statusCode).toBe(204);
    expect((await call('DELETE', url, admin)).statusCode).toBe(404);
    expect((await call('GET', `/api/units/${ids.oldCommune}`, otherOfficer)).statusCode).toBe(403);
    expect(await auditCount('lineage.create')).toBe(1);
    expect(await auditCount('lineage.delete')).toBe(1);
  });

  it('never answers 5xx to random queries and bodies', async () => {
    const key = fc.constantFrom(
      'structureId',
      'asOf',
      'parentId',
      'q',
      'kind',
      'limit',
      'offset',
      'depth',
      'x',
    );
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer().map(String),
      fc.constantFrom('%', '!', '_', '2025-02-30', '-1'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, value),
        fc.constantFrom('/api/units', `/api/units/${ids.province}/lineage`),
        async (query, path) => {
          const res = await t.app.inject({ method: 'GET', url: path, query, headers: leader.headers });
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    const body = fc.dictionary(
      fc.constantFrom(
        'parentId',
        'structureId',
        'code',
        'name',
        'type',
        'kind',
        'validFrom',
        'validTo',
        'fromUnitId',
        'toUnitId',
        'share',
        'headcounts',
      ),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.integer(),
        fc.double(),
        fc.constant(null),
        fc.array(fc.anything(), { maxLength: 2 }),
      ),
    );
    const before = Number(
      (
        await t.deps.db
          .selectFrom('units')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom<[Method, string]>(
          ['POST', '/api/units'],
          ['PATCH', `/api/units/${ids.science}`],
          ['PUT', `/api/units/${ids.science}/headcounts`],
          ['POST', '/api/lineage'],
        ),
        async (payload, [method, url]) => {
          const res = await call(method, url, admin, payload);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
    const after = Number(
      (
        await t.deps.db
          .selectFrom('units')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after - before).toBeLessThanOrEqual(80);
  });
});
