import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createKpiReader } from '../kpis.module.js';
import { createKpiTestApp, type KpiTestContext } from '../kpis-test-fixtures.js';

describe.each(testDialects())('KPI definitions, targets and summary on %s', (dialect) => {
  let c: KpiTestContext;
  beforeAll(async () => {
    c = await createKpiTestApp(dialect);
    const admin = await loginAs(c.t, { role: 'admin', unitId: c.tree.province });
    const values = [
      ...['2025-01', '2025-02', '2025-03'].map((period, i) => ({
        kpiCode: 'EDOC_SENT',
        unitId: c.tree.communeA,
        period,
        value: 100 * (i + 1),
      })),
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeB, period: '2025-02', value: 50 },
      { kpiCode: 'EDOC_SENT', unitId: c.tree.province, period: '2025-03', value: 1000 },
      {
        kpiCode: 'ONLINE_PS_RATE',
        unitId: c.tree.communeA,
        period: '2025-01',
        numerator: 10,
        denominator: 100,
      },
      {
        kpiCode: 'ONLINE_PS_RATE',
        unitId: c.tree.communeA,
        period: '2025-02',
        numerator: 90,
        denominator: 100,
      },
      { kpiCode: 'ONLINE_PS_RATE', unitId: c.tree.communeB, period: '2025-02', numerator: 1, denominator: 1 },
    ];
    const res = await c.t.app.inject({
      method: 'POST',
      url: '/api/kpis/values',
      headers: admin.headers,
      payload: { values },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  afterAll(async () => c.t.close());

  const get = (url: string, headers: Record<string, string>) =>
    c.t.app.inject({ method: 'GET', url, headers });
  const putTarget = (headers: Record<string, string>, body: object) =>
    c.t.app.inject({ method: 'PUT', url: '/api/kpis/ONLINE_PS_RATE/targets', headers, payload: body });

  it('sets targets only with measure.manage on the unit', async () => {
    const secretariat = await loginAs(c.t, { role: 'secretariat', unitId: c.tree.province });
    const deptSecretariat = await loginAs(c.t, { role: 'secretariat', unitId: c.tree.department });
    const officer = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeA });
    const body = { unitId: c.tree.province, year: 2025, target: 80, appliesToSubtree: true };
    expect(
      (await c.t.app.inject({ method: 'PUT', url: '/api/kpis/ONLINE_PS_RATE/targets', payload: body }))
        .statusCode,
    ).toBe(401);
    expect((await putTarget(officer.headers, body)).statusCode).toBe(403);
    expect((await putTarget(deptSecretariat.headers, body)).statusCode).toBe(403);
    expect((await putTarget(secretariat.headers, { ...body, year: 1990 })).statusCode).toBe(400);
    const ok = await putTarget(secretariat.headers, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      kpiCode: 'ONLINE_PS_RATE',
      unitId: c.tree.province,
      year: 2025,
      target: 80,
      appliesToSubtree: true,
    });
    const own = await putTarget(secretariat.headers, { unitId: c.tree.communeB, year: 2025, target: 50 });
    expect(own.statusCode).toBe(200);
  });

  it('summarises a unit and its subtree against targets, rolling months into the quarter', async () => {
    const leader = await loginAs(c.t, { role: 'leader', unitId: c.tree.province });
    const res = await get(`/api/kpis/summary?unitId=${c.tree.province}&period=2025-Q1`, leader.headers);
    expect(res.statusCode).toBe(200);
    const byCode = Object.fromEntries(
      res.json().items.map((i: { kpi: { code: string } }) => [i.kpi.code, i]),
    );
    expect(byCode.EDOC_SENT).toMatchObject({ value: 1000, subtreeValue: 1650, subtreeUnitsReporting: 3 });
    expect(byCode.ONLINE_PS_RATE.value).toBeNull();
    expect(byCode.ONLINE_PS_RATE.subtreeValue).toBeCloseTo((101 / 201) * 100);
    expect(byCode.ONLINE_PS_RATE.target).toBe(80);
    expect(byCode.ONLINE_PS_RATE.subtreeAttainment).toBeCloseTo(((101 / 201) * 100) / 80);
    expect(byCode.DIGSIG_RATE_COMMUNE).toBeUndefined();
    const communeA = await get(`/api/kpis/summary?unitId=${c.tree.communeA}&period=2025-Q1`, leader.headers);
    const a = communeA.json().items.find((i: { kpi: { code: string } }) => i.kpi.code === 'ONLINE_PS_RATE');
    expect(a).toMatchObject({ value: 50, target: 80, attainment: 0.625 });
    const communeB = await get(`/api/kpis/summary?unitId=${c.tree.communeB}&period=2025`, leader.headers);
    expect(
      communeB.json().items.find((i: { kpi: { code: string } }) => i.kpi.code === 'ONLINE_PS_RATE'),
    ).toMatchObject({ value: 100, target: 50 });
  });

  it('hides a summary from an officer of another unit and refuses bad periods', async () => {
    const officerB = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeB });
    expect(
      (await get(`/api/kpis/summary?unitId=${c.tree.communeA}&period=2025`, officerB.headers)).statusCode,
    ).toBe(403);
    expect((await get(`/api/kpis/summary?unitId=999999&period=2025`, officerB.headers)).statusCode).toBe(403);
    const bad = await get(`/api/kpis/summary?unitId=${c.tree.communeB}&period=2025-Q9`, officerB.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'query.period', code: 'kpi_bad_period' });
    expect((await get('/api/kpis/summary?unitId=abc&period=2025', officerB.headers)).statusCode).toBe(400);
  });

  it('gives other modules a unit figure for any coarser period', async () => {
    const reader = createKpiReader(c.t.deps);
    expect(await reader.getKpiValue(c.tree.communeA, 'EDOC_SENT', '2025')).toMatchObject({
      value: 600,
      derived: 600,
      periodsReported: 3,
    });
    const rate = await reader.getKpiValue(c.tree.communeA, 'ONLINE_PS_RATE', '2025-Q1');
    expect(rate).toMatchObject({ numerator: 100, denominator: 200, derived: 50 });
    expect(await reader.getKpiValue(c.tree.communeA, 'EDOC_SENT', '2024')).toBeNull();
    // Framework templates name KPIs by alias.
    expect(await reader.getKpiValue(c.tree.communeA, 'dvc.online_submission_rate', '2025')).toMatchObject({
      derived: 50,
    });
    expect(await reader.getKpiValue(c.tree.communeA, 'NOPE', '2025')).toBeNull();
  });

  it('lets only a root-unit manager define KPIs, and refuses duplicates', async () => {
    const admin = await loginAs(c.t, { role: 'admin', unitId: c.tree.province });
    const deptSecretariat = await loginAs(c.t, { role: 'secretariat', unitId: c.tree.department });
    const token = await createApiToken(c.t, {
      unitId: c.tree.province,
      permissions: ['measure.manage', 'measure.push'],
    });
    const body = {
      code: 'CASHLESS_SHOPS',
      nameVi: 'Số điểm bán chấp nhận thanh toán không dùng tiền mặt',
      nameEn: 'Shops accepting cashless payment',
      unitOfMeasure: 'điểm',
      valueType: 'count',
      periodicity: 'quarterly',
      timeAggregation: 'last',
      dhis2DataElement: 'Xk3cShop01',
    };
    const post = (headers: Record<string, string>, payload: object) =>
      c.t.app.inject({ method: 'POST', url: '/api/kpis', headers, payload });
    expect((await post(deptSecretariat.headers, body)).statusCode).toBe(403);
    expect((await post(token.headers, body)).statusCode).toBe(403);
    expect((await post(admin.headers, { ...body, code: 'lower case' })).statusCode).toBe(400);
    const created = await post(admin.headers, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'CASHLESS_SHOPS',
      appliesToKinds: [],
      higherIsBetter: true,
      isBuiltin: false,
    });
    expect((await post(admin.headers, body)).statusCode).toBe(409);
    const patched = await c.t.app.inject({
      method: 'PATCH',
      url: '/api/kpis/CASHLESS_SHOPS',
      headers: admin.headers,
      payload: { appliesToKinds: ['commune'] },
    });
    expect(patched.json().appliesToKinds).toEqual(['commune']);
    // The configured DHIS2 data element maps onto the KPI.
    const dhis2 = await c.t.app.inject({
      method: 'POST',
      url: '/api/kpis/dataValueSets',
      headers: token.headers,
      payload: {
        dataValues: [{ dataElement: 'Xk3cShop01', period: '2025Q2', orgUnit: c.codes.communeA, value: '12' }],
      },
    });
    expect(dhis2.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
    const audit = await c.t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'kpi_definition')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['kpi.define', 'kpi.update']));
  });
});
