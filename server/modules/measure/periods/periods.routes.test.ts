import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller, testFramework } from '../measure-test-fixtures.js';

describe.each(testDialects())('measure period routes on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerDept: LoggedIn;
  let frameworkId: number;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const body = () => ({
    name: 'Đánh giá 2025',
    year: 2025,
    frameworkId,
    rootUnitId: units.province,
    unitKinds: ['commune', 'ward'],
    opensOn: '2026-03-01',
    dueOn: '2026-03-31',
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    officerDept = await loginAs(t, { role: 'officer', unitId: units.department });
    const fw = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework(),
    });
    frameworkId = fw.json().framework.id;
  });
  afterAll(async () => t.close());

  it('answers 401 to anonymous callers', async () => {
    expect((await call(null, 'GET', '/api/measure/periods')).statusCode).toBe(401);
    expect((await call(null, 'POST', '/api/measure/periods', body())).statusCode).toBe(401);
    expect((await call(null, 'GET', '/api/measure/periods/1')).statusCode).toBe(401);
    expect((await call(null, 'POST', '/api/measure/periods/1/open')).statusCode).toBe(401);
    expect((await call(null, 'POST', '/api/measure/periods/1/close')).statusCode).toBe(401);
  });

  it('validates the body (400) and changes nothing', async () => {
    const backwards = await call(secretariat, 'POST', '/api/measure/periods', {
      ...body(),
      dueOn: '2026-02-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({
      field: 'body.dueOn',
      code: 'measure.due_before_open',
    });
    const outside = await call(secretariat, 'POST', '/api/measure/periods', {
      ...body(),
      unitIds: [units.province],
    });
    expect(outside.json().errors[0]).toMatchObject({
      field: 'body.unitIds.0',
      code: 'measure.unit_outside_root',
    });
    const noFramework = await call(secretariat, 'POST', '/api/measure/periods', {
      ...body(),
      frameworkId: 999999,
    });
    expect(noFramework.json().errors[0]).toMatchObject({ field: 'body.frameworkId' });
    expect(
      (await call(secretariat, 'POST', '/api/measure/periods', { ...body(), year: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await call(secretariat, 'POST', '/api/measure/periods', { ...body(), extra: 1 })).statusCode,
    ).toBe(400);
    const count = await t.deps.db
      .selectFrom('measurePeriods')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses officers (403) and creates a period from kinds for the secretariat', async () => {
    expect((await call(officerA, 'POST', '/api/measure/periods', body())).statusCode).toBe(403);
    const created = await call(secretariat, 'POST', '/api/measure/periods', {
      ...body(),
      unitIds: [units.department],
    });
    expect(created.statusCode, created.body).toBe(201);
    periodId = created.json().id;
    expect(created.json()).toMatchObject({
      status: 'draft',
      unitCount: 3,
      frameworkCode: 'TEST',
      // People read the framework's name; the code stays for machines.
      frameworkName: 'Bộ chỉ số thử nghiệm',
      frameworkVersion: 1,
    });
    const members = await t.deps.db
      .selectFrom('measurePeriodUnits')
      .select('unitId')
      .where('periodId', '=', periodId)
      .orderBy('unitId')
      .execute();
    expect(members.map((m) => m.unitId)).toEqual(
      [units.communeA, units.communeB, units.department].sort((a, b) => a - b),
    );
  });

  it('shows a period to officers of its units; 400 on a bad id; 404 when missing', async () => {
    expect(
      (await call(officerA, 'GET', '/api/measure/periods')).json().map((p: { id: number }) => p.id),
    ).toEqual([periodId]);
    expect((await call(officerA, 'GET', `/api/measure/periods/${periodId}`)).statusCode).toBe(200);
    expect((await call(officerA, 'GET', '/api/measure/periods/zero')).statusCode).toBe(400);
    expect((await call(officerA, 'GET', '/api/measure/periods/999999')).statusCode).toBe(404);
  });

  it('opens and closes for managers only, in the right order (409 otherwise)', async () => {
    expect((await call(officerA, 'POST', `/api/measure/periods/${periodId}/open`)).statusCode).toBe(403);
    expect((await call(secretariat, 'POST', `/api/measure/periods/${periodId}/close`)).statusCode).toBe(409);
    const opened = await call(secretariat, 'POST', `/api/measure/periods/${periodId}/open`);
    expect(opened.json().status).toBe('open');
    expect((await call(officerDept, 'POST', `/api/measure/periods/${periodId}/close`)).statusCode).toBe(403);
    const closed = await call(secretariat, 'POST', `/api/measure/periods/${periodId}/close`);
    expect(closed.json().status).toBe('closed');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'measure_period')
      .where('entityId', '=', String(periodId))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'measure.period.create',
      'measure.period.open',
      'measure.period.close',
    ]);
  });

  it('hides a period from an officer whose unit is not in it (403)', async () => {
    const other = await call(secretariat, 'POST', '/api/measure/periods', body());
    const otherId = other.json().id;
    expect((await call(officerDept, 'GET', `/api/measure/periods/${otherId}`)).statusCode).toBe(403);
    expect(
      (await call(officerDept, 'GET', '/api/measure/periods')).json().map((p: { id: number }) => p.id),
    ).toEqual([periodId]);
  });

  it('assigns unit groups that drive applicability rules (a group-only component is N/A for others)', async () => {
    const fw = testFramework();
    fw.groups[0].mainIndices[1].components[1].appliesTo = { unitGroups: ['digital'] };
    const imported = await call(secretariat, 'POST', '/api/measure/frameworks/import', { definition: fw });
    const input = {
      ...body(),
      frameworkId: imported.json().framework.id,
      unitGroups: { digital: [units.communeA] },
    };
    const outside = await call(secretariat, 'POST', '/api/measure/periods', {
      ...input,
      unitGroups: { digital: [units.department] },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({
      field: 'body.unitGroups.digital.0',
      code: 'measure.group_unit_not_assigned',
    });
    const created = await call(secretariat, 'POST', '/api/measure/periods', input);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().unitGroups).toEqual({ digital: [units.communeA] });
    const id = created.json().id;
    const inGroup = await call(
      secretariat,
      'GET',
      `/api/measure/periods/${id}/units/${units.communeA}/submission`,
    );
    const notInGroup = await call(
      secretariat,
      'GET',
      `/api/measure/periods/${id}/units/${units.communeB}/submission`,
    );
    expect(inGroup.json().selfScore.total.applicableMax).toBe(100);
    expect(notInGroup.json().selfScore.total.applicableMax).toBe(80);
  });
});
