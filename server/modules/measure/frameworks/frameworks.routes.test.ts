import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkInput } from '../../../../core/contracts/measure-framework.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { testFramework } from '../measure-test-fixtures.js';

// Two formula components that read each other: must be refused when the framework is saved.
function circularFramework(): FrameworkInput {
  const fw = testFramework();
  const m2 = fw.groups[0].mainIndices[1];
  m2.components = [
    {
      code: 'C3',
      name: 'A',
      valueType: 'number',
      maxPoints: 20,
      rule: { kind: 'formula', expression: 'C4 + 1' },
    },
    {
      code: 'C4',
      name: 'B',
      valueType: 'number',
      maxPoints: 20,
      rule: { kind: 'formula', expression: 'C3 * 2' },
    },
  ];
  return fw;
}

describe.each(testDialects())('measure framework routes on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officer: LoggedIn;
  let frameworkId: number;
  const call = (who: LoggedIn | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officer = await loginAs(t, { role: 'officer', unitId: units.communeA });
  });
  afterAll(async () => t.close());

  it('answers 401 to anonymous callers on every framework route', async () => {
    for (const [method, url] of [
      ['GET', '/api/measure/framework-templates'],
      ['GET', '/api/measure/frameworks'],
      ['POST', '/api/measure/frameworks'],
      ['POST', '/api/measure/frameworks/import'],
      ['GET', '/api/measure/frameworks/1'],
      ['PUT', '/api/measure/frameworks/1'],
      ['GET', '/api/measure/frameworks/1/export'],
    ] as const) {
      const res = await call(null, method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('imports a definition (201), refuses officers (403) and reports field errors (400)', async () => {
    const forbidden = await call(officer, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework(),
    });
    expect(forbidden.statusCode).toBe(403);
    const badShape = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: { code: 'X' },
    });
    expect(badShape.statusCode).toBe(400);
    expect(badShape.json().errors.map((e: { field: string }) => e.field)).toContain('body.definition.name');
    const circular = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: circularFramework(),
    });
    expect(circular.statusCode).toBe(400);
    expect(circular.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'formula_cycle' })]),
    );
    const ok = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework(),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    frameworkId = ok.json().framework.id;
    expect(ok.json().framework).toMatchObject({ code: 'TEST', version: 1, status: 'draft', maxPoints: 100 });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId'])
      .where('entity', '=', 'measure_framework')
      .where('entityId', '=', String(frameworkId))
      .execute();
    expect(audit).toEqual([{ action: 'measure.framework.create', actorUserId: secretariat.userId }]);
  });

  it('lists, reads and exports frameworks for every reader; 400 on a bad id, 404 on a missing one', async () => {
    const list = await call(officer, 'GET', '/api/measure/frameworks');
    expect(list.statusCode).toBe(200);
    expect(list.json().map((f: { id: number }) => f.id)).toContain(frameworkId);
    expect((await call(officer, 'GET', '/api/measure/frameworks/abc')).statusCode).toBe(400);
    expect((await call(officer, 'GET', '/api/measure/frameworks/999999')).statusCode).toBe(404);
    const one = await call(officer, 'GET', `/api/measure/frameworks/${frameworkId}`);
    expect(one.json()).toMatchObject({ id: frameworkId, canEdit: false, definition: { code: 'TEST' } });
    const exported = await call(secretariat, 'GET', `/api/measure/frameworks/${frameworkId}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('framework-TEST.json');
    const reimport = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: exported.json(),
    });
    expect(reimport.json().framework).toMatchObject({ code: 'TEST', version: 2 });
  });

  it('edits a draft in place; rejects a circular formula with the field path; 403 for officers', async () => {
    const renamed = { ...testFramework(), name: 'Bộ chỉ số đã sửa' };
    expect(
      (await call(officer, 'PUT', `/api/measure/frameworks/${frameworkId}`, { definition: renamed }))
        .statusCode,
    ).toBe(403);
    const saved = await call(secretariat, 'PUT', `/api/measure/frameworks/${frameworkId}`, {
      definition: renamed,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      createdNewVersion: false,
      framework: { id: frameworkId, name: 'Bộ chỉ số đã sửa' },
    });
    const circular = await call(secretariat, 'PUT', `/api/measure/frameworks/${frameworkId}`, {
      definition: circularFramework(),
    });
    expect(circular.statusCode).toBe(400);
    const cycle = circular.json().errors.find((e: { code: string }) => e.code === 'formula_cycle');
    expect(cycle.field).toMatch(
      /^body\.definition\.groups\.0\.mainIndices\.1\.components\.\d\.rule\.expression$/,
    );
    const still = await call(secretariat, 'GET', `/api/measure/frameworks/${frameworkId}`);
    expect(still.json().definition.groups[0].mainIndices[1].components[0].code).toBe('C3');
    const recoded = await call(secretariat, 'PUT', `/api/measure/frameworks/${frameworkId}`, {
      definition: { ...renamed, code: 'OTHER' },
    });
    expect(recoded.json().errors).toEqual([expect.objectContaining({ field: 'body.definition.code' })]);
  });

  it('copies a frozen version into a new draft version instead of changing it', async () => {
    await t.deps.db
      .updateTable('measureFrameworks')
      .set({ status: 'frozen' })
      .where('id', '=', frameworkId)
      .execute();
    const edited = { ...testFramework(), name: 'Phiên bản mới' };
    const res = await call(secretariat, 'PUT', `/api/measure/frameworks/${frameworkId}`, {
      definition: edited,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().createdNewVersion).toBe(true);
    expect(res.json().framework).toMatchObject({
      code: 'TEST',
      version: 3,
      status: 'draft',
      derivedFromId: frameworkId,
    });
    const old = await call(secretariat, 'GET', `/api/measure/frameworks/${frameworkId}`);
    expect(old.json()).toMatchObject({ status: 'frozen', name: 'Bộ chỉ số đã sửa' });
  });

  it('lists templates for managers only and creates a framework from one', async () => {
    expect((await call(officer, 'GET', '/api/measure/framework-templates')).statusCode).toBe(403);
    const templates = await call(secretariat, 'GET', '/api/measure/framework-templates');
    expect(templates.statusCode).toBe(200);
    expect(templates.json().length).toBeGreaterThan(0);
    const bad = await call(secretariat, 'POST', '/api/measure/frameworks', { templateKey: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'body.templateKey',
      code: 'measure.unknown_template',
    });
    expect(
      (await call(secretariat, 'POST', '/api/measure/frameworks', { templateKey: 'x', extra: 1 })).statusCode,
    ).toBe(400);
    expect(
      (await call(officer, 'POST', '/api/measure/frameworks', { templateKey: templates.json()[0].key }))
        .statusCode,
    ).toBe(403);
    const first = templates.json()[0];
    const created = await call(secretariat, 'POST', '/api/measure/frameworks', { templateKey: first.key });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      code: first.code,
      componentCount: first.componentCount,
      status: 'draft',
    });
  });
});
