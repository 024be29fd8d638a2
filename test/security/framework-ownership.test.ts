import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenPeriod, testFramework } from '../../server/modules/measure/measure-test-fixtures.js';
import { createApiToken, type LoggedIn, loginAs } from '../helpers/login.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../helpers/unit-fixtures.js';

// Issue 8, finding 3: measure.manage on a commune let its admin (and a token scoped to the commune) change, in
// place, a draft framework used by the province's open period, and create frameworks. A framework has an owner
// unit; managing it needs measure.manage there; a framework used by any period is never edited in place.

type Headers = { headers: Record<string, string> };

describe.each(testDialects())('who manages a framework on %s', (dialect) => {
  let t: TestApp;
  let tree: UnitTree;
  let provinceAdmin: LoggedIn;
  let communeAdmin: LoggedIn;
  let communeToken: Headers;
  let frameworkId: number;

  const call = (who: Headers, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const frameworkRows = () => t.deps.db.selectFrom('measureFrameworks').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await createUnitTree(t.deps.db);
    provinceAdmin = await loginAs(t, { role: 'admin', unitId: tree.province });
    communeAdmin = await loginAs(t, { role: 'admin', unitId: tree.communeA });
    communeToken = await createApiToken(t, {
      unitId: tree.communeA,
      permissions: ['measure.manage', 'measure.read'],
    });
    // The province's framework stays a draft while its period is open.
    ({ frameworkId } = await createOpenPeriod(t, provinceAdmin, tree.province));
  });
  afterAll(async () => t?.close());

  it('gives the province’s framework to the province', async () => {
    const row = (await frameworkRows()).find((f) => f.id === frameworkId);
    expect(row?.ownerUnitId).toBe(tree.province);
    expect(row?.status).toBe('draft');
  });

  it.each([
    ['a commune’s admin', () => communeAdmin],
    ['a token scoped to the commune', () => communeToken],
  ])('refuses %s any change to the province’s framework, and stores nothing', async (_label, who) => {
    const before = await frameworkRows();
    const edited = testFramework({ name: 'Bị sửa' });
    expect(
      (await call(who(), 'PUT', `/api/measure/frameworks/${frameworkId}`, { definition: edited })).statusCode,
    ).toBe(403);
    // Importing the same code would slip a new version of the province's framework in.
    expect(
      (await call(who(), 'POST', '/api/measure/frameworks/import', { definition: edited })).statusCode,
    ).toBe(403);
    const created = await call(who(), 'POST', '/api/measure/frameworks/import', {
      definition: testFramework({ code: 'MOI' }),
      ownerUnitId: tree.province,
    });
    expect(created.statusCode).toBe(403);
    expect(await frameworkRows()).toEqual(before);
  });

  it('lets a commune own a framework of its own, which the province may manage and other communes cannot see', async () => {
    const created = await call(communeAdmin, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework({ code: 'XA' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().framework.id as number;
    expect((await frameworkRows()).find((f) => f.id === id)?.ownerUnitId).toBe(tree.communeA);
    const otherCommune = await loginAs(t, { role: 'admin', unitId: tree.communeB });
    expect((await call(otherCommune, 'GET', `/api/measure/frameworks/${id}`)).statusCode).toBe(403);
    const listed = (await call(otherCommune, 'GET', '/api/measure/frameworks')).json() as { id: number }[];
    expect(listed.map((f) => f.id)).not.toContain(id);
    // Nor can it run a period of its own with it: the framework is as unknown as a missing one.
    const period = await call(otherCommune, 'POST', '/api/measure/periods', {
      name: 'Kỳ mượn',
      year: 2026,
      frameworkId: id,
      rootUnitId: tree.communeB,
      unitKinds: ['commune'],
      opensOn: '2026-03-01',
      dueOn: '2026-04-30',
    });
    expect(period.statusCode).toBe(400);
    expect(period.json().errors[0]).toMatchObject({
      field: 'body.frameworkId',
      code: 'measure.unknown_framework',
    });
    // The commune's staff still read the province's framework they are measured with.
    expect((await call(otherCommune, 'GET', `/api/measure/frameworks/${frameworkId}`)).statusCode).toBe(200);
    const byProvince = await call(provinceAdmin, 'PUT', `/api/measure/frameworks/${id}`, {
      definition: testFramework({ code: 'XA', name: 'Đã duyệt' }),
    });
    expect(byProvince.statusCode).toBe(200);
  });

  it('never edits in place a framework that an open period uses: saving makes a new version', async () => {
    const res = await call(provinceAdmin, 'PUT', `/api/measure/frameworks/${frameworkId}`, {
      definition: testFramework({ name: 'Bản sửa' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ createdNewVersion: true });
    const original = (await frameworkRows()).find((f) => f.id === frameworkId);
    expect(original?.name).toBe(testFramework().name);
    const copy = (await frameworkRows()).find((f) => f.id === res.json().framework.id);
    expect(copy).toMatchObject({ derivedFromId: frameworkId, ownerUnitId: tree.province });
  });
});
