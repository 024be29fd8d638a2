import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import {
  approveSubmission,
  caller,
  createOpenPeriod,
  enterAndSubmit,
  FULL_VALUES,
} from '../measure-test-fixtures.js';

// Plan targets on a period and a unit's gap to them in its profile (live, then published).
describe.each(testDialects())('measure period targets on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let otherManager: LoggedIn;
  let officerA: LoggedIn;
  let frameworkId: number;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const targetsUrl = (id: number) => `/api/measure/periods/${id}/targets`;
  const profileUrl = () => `/api/measure/periods/${periodId}/units/${units.communeA}/profile`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    units = await createUnitTree(t.deps.db);
    t.clock.set('2026-03-31T16:00:00.000Z');
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    // A manager, but of a commune: the periods below are rooted at the province.
    otherManager = await loginAs(t, { role: 'secretariat', unitId: units.communeA });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    ({ frameworkId, periodId } = await createOpenPeriod(t, secretariat, units.province));
  });
  afterAll(async () => t.close());

  const createBody = (targets: unknown) => ({
    name: 'Đánh giá 2026',
    year: 2026,
    frameworkId,
    rootUnitId: units.province,
    unitKinds: ['commune', 'ward'],
    opensOn: '2026-03-01',
    dueOn: '2026-03-31',
    targets,
  });

  it('sets targets when creating a period and returns them with the period', async () => {
    const created = await call(
      secretariat,
      'POST',
      '/api/measure/periods',
      createBody({ total: 0.65, mainIndices: { M2: 0.5 } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().targets).toEqual({ total: 0.65, mainIndices: { M2: 0.5 } });
    const id = created.json().id;
    expect((await call(secretariat, 'GET', `/api/measure/periods/${id}`)).json().targets).toEqual({
      total: 0.65,
      mainIndices: { M2: 0.5 },
    });
    // A period without targets says so in one shape.
    const list = (await call(secretariat, 'GET', '/api/measure/periods')).json();
    expect(list.find((p: { id: number }) => p.id === periodId).targets).toEqual({
      total: null,
      mainIndices: {},
    });
    const unknown = await call(
      secretariat,
      'POST',
      '/api/measure/periods',
      createBody({ total: 0.65, mainIndices: { MX: 0.5 } }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({
        field: 'body.targets.mainIndices.MX',
        code: 'measure.target_unknown_main_index',
      }),
    ]);
  });

  it('refuses officers and managers of another unit (403), and bad targets (400) with field errors', async () => {
    const good = { total: 0.85, mainIndices: { M1: 0.8, M2: 0.9 } };
    expect((await call(null, 'PUT', targetsUrl(periodId), good)).statusCode).toBe(401);
    expect((await call(officerA, 'PUT', targetsUrl(periodId), good)).statusCode).toBe(403);
    expect((await call(otherManager, 'PUT', targetsUrl(periodId), good)).statusCode).toBe(403);
    expect((await call(secretariat, 'PUT', targetsUrl(999999), good)).statusCode).toBe(404);
    const tooBig = await call(secretariat, 'PUT', targetsUrl(periodId), { total: 1.2 });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    expect(tooBig.json().errors[0]).toMatchObject({ field: 'body.total', code: 'too_big' });
    const negative = await call(secretariat, 'PUT', targetsUrl(periodId), { mainIndices: { M1: -0.1 } });
    expect(negative.json().errors[0]).toMatchObject({ field: 'body.mainIndices.M1', code: 'too_small' });
    const unknown = await call(secretariat, 'PUT', targetsUrl(periodId), { mainIndices: { M9: 0.5 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'body.mainIndices.M9',
      code: 'measure.target_unknown_main_index',
    });
    const extra = await call(secretariat, 'PUT', targetsUrl(periodId), { total: 0.5, pillars: {} });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0]).toMatchObject({ code: 'unrecognized_keys' });
    const period = await call(secretariat, 'GET', `/api/measure/periods/${periodId}`);
    expect(period.json().targets).toEqual({ total: null, mainIndices: {} });
  });

  it('changes targets for a manager, audited with before and after', async () => {
    const res = await call(secretariat, 'PUT', targetsUrl(periodId), {
      total: 0.85,
      mainIndices: { M1: 0.8, M2: 0.9 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().targets).toEqual({ total: 0.85, mainIndices: { M1: 0.8, M2: 0.9 } });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'measure_period')
      .where('entityId', '=', String(periodId))
      .where('action', '=', 'measure.period.targets')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0].beforeJson))).toEqual({ targets: { total: null, mainIndices: {} } });
    expect(JSON.parse(String(audit[0].afterJson))).toEqual({
      targets: { total: 0.85, mainIndices: { M1: 0.8, M2: 0.9 } },
    });
  });

  it('shows the gap to each target in the live and the published profile', async () => {
    await enterAndSubmit(t, officerA, { periodId, unitId: units.communeA }, FULL_VALUES);
    await approveSubmission(t, secretariat, { periodId, unitId: units.communeA });
    // A: C1 15 + C2 36 = 51 of 60 (M1 0.85); C3 10 + C4 20 = 30 of 40 (M2 0.75); total 0.81.
    const expected = [
      { kind: 'total', code: 'TEST', value: 0.81, target: 0.85, gap: 0.04, met: false },
      { kind: 'mainIndex', code: 'M1', name: 'Chính quyền số', value: 0.85, target: 0.8, gap: 0, met: true },
      { kind: 'mainIndex', code: 'M2', name: 'Xã hội số', value: 0.75, target: 0.9, gap: 0.15, met: false },
    ];
    const live = await call(officerA, 'GET', profileUrl());
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json().source).toBe('live');
    expect(live.json().targets).toEqual(expected.map((e) => expect.objectContaining(e)));

    expect((await call(secretariat, 'POST', `/api/measure/periods/${periodId}/publish`)).statusCode).toBe(
      201,
    );
    const published = await call(officerA, 'GET', profileUrl());
    expect(published.json().source).toBe('published');
    expect(published.json().targets).toEqual(expected.map((e) => expect.objectContaining(e)));

    // Targets stay changeable after publishing; the profile follows.
    const lowered = await call(secretariat, 'PUT', targetsUrl(periodId), { total: 0.8 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect((await call(officerA, 'GET', profileUrl())).json().targets).toEqual([
      expect.objectContaining({ kind: 'total', value: 0.81, target: 0.8, gap: 0, met: true }),
    ]);
  });
});
