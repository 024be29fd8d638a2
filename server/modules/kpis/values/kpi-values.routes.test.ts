import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { countValues, createKpiTestApp, type KpiTestContext } from '../kpis-test-fixtures.js';

describe.each(testDialects())('KPI values API on %s', (dialect) => {
  let c: KpiTestContext;
  let tokenA: Record<string, string>;
  beforeAll(async () => {
    c = await createKpiTestApp(dialect);
    tokenA = (await createApiToken(c.t, { unitId: c.tree.communeA, permissions: ['measure.push'] })).headers;
  });
  afterAll(async () => c.t.close());

  const push = (headers: Record<string, string>, values: unknown[]) =>
    c.t.app.inject({ method: 'POST', url: '/api/kpis/values', headers, payload: { values } });

  it('answers 401 to anonymous callers', async () => {
    expect((await c.t.app.inject({ method: 'GET', url: '/api/kpis' })).statusCode).toBe(401);
    expect(
      (await push({}, [{ kpiCode: 'EDOC_SENT', unitId: 1, period: '2025-07', value: 1 }])).statusCode,
    ).toBe(401);
  });

  it('lists the built-in catalogue to a viewer', async () => {
    const viewer = await loginAs(c.t, { role: 'viewer', unitId: c.tree.communeB });
    const res = await c.t.app.inject({ method: 'GET', url: '/api/kpis', headers: viewer.headers });
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((k: { code: string }) => k.code);
    expect(codes).toEqual(
      expect.arrayContaining(['EDOC_SENT', 'DIGSIG_RATE_COMMUNE', 'ONLINE_PS_RATE', 'COMMUNITY_TEAMS']),
    );
  });

  it('takes a token batch for its own unit and derives rates from the parts', async () => {
    const res = await push(tokenA, [
      { kpiCode: 'EDOC_SENT', unitCode: c.codes.communeA, period: '2025-07', value: 1200 },
      {
        kpiCode: 'ONLINE_PS_RATE',
        unitId: c.tree.communeA,
        period: '2025-07',
        numerator: 40,
        denominator: 50,
      },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, updated: 0, unchanged: 0 });
    const leader = await loginAs(c.t, { role: 'leader', unitId: c.tree.province });
    const read = await c.t.app.inject({
      method: 'GET',
      url: `/api/kpis/ONLINE_PS_RATE/values?unitId=${c.tree.communeA}&from=2025-01&to=2025-12`,
      headers: leader.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toEqual([
      expect.objectContaining({
        period: '2025-07',
        numerator: 40,
        denominator: 50,
        derived: 80,
        source: 'api',
        isDemo: false,
      }),
    ]);
  });

  it('refuses with 403 and the offending rows when a token pushes outside its unit, writing nothing', async () => {
    const before = await countValues(c.t);
    const res = await push(tokenA, [
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2025-08', value: 10 },
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeB, period: '2025-08', value: 10 },
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'values.1.unit', code: 'kpi_unit_forbidden' }),
    ]);
    expect(await countValues(c.t)).toBe(before);
  });

  it('reports row-level errors and writes nothing of a bad batch', async () => {
    const before = await countValues(c.t);
    const res = await push(tokenA, [
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2025-09', value: 5 },
      { kpiCode: 'NOPE', unitId: c.tree.communeA, period: '2025-09', value: 5 },
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2025-13', value: 5 },
      {
        kpiCode: 'ONLINE_PS_RATE',
        unitId: c.tree.communeA,
        period: '2025-09',
        numerator: 60,
        denominator: 50,
      },
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2025-Q3', value: 5 },
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2025-09', value: 6 },
    ]);
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(errors).toEqual([
      'values.1.kpiCode:kpi_unknown',
      'values.2.period:kpi_bad_period',
      'values.3.numerator:kpi_numerator_gt_denominator',
      'values.4.period:kpi_period_mismatch',
      'values.5.period:kpi_duplicate_row',
    ]);
    expect(await countValues(c.t)).toBe(before);
    const wrongType = await push(tokenA, [
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2025-09', value: 'x' },
    ]);
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].field).toBe('body.values.0.value');
  });

  it('takes concurrent writes of the same new key, last write wins', async () => {
    const values = (v: number) => [
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2024-01', value: v },
    ];
    const results = await Promise.all([
      push(tokenA, values(1)),
      push(tokenA, values(2)),
      push(tokenA, values(3)),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const total = results.reduce((n, r) => n + r.json().imported, 0);
    expect(total).toBe(1);
  });

  it('refuses a batch over 5,000 rows', async () => {
    const values = Array.from({ length: 5_001 }, () => ({
      kpiCode: 'EDOC_SENT',
      unitId: c.tree.communeA,
      period: '2025-09',
      value: 1,
    }));
    const res = await push(tokenA, values);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.values', code: 'too_many' });
  });

  it('overwrites on a second write and keeps the history', async () => {
    const res = await push(tokenA, [
      { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2025-07', value: 1300 },
    ]);
    expect(res.json()).toMatchObject({ imported: 0, updated: 1 });
    const officer = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeA });
    const history = await c.t.app.inject({
      method: 'GET',
      url: `/api/kpis/EDOC_SENT/history?unitId=${c.tree.communeA}&period=2025-07`,
      headers: officer.headers,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((h: { action: string; value: number }) => [h.action, h.value])).toEqual([
      ['create', 1200],
      ['update', 1300],
    ]);
    const audit = await c.t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'kpi_value_batch')
      .execute();
    const last = audit.find((a) => a.entityId === res.json().batchId)!;
    expect(JSON.parse(last.beforeJson!)).toEqual([
      expect.objectContaining({ kpi: 'EDOC_SENT', value: 1200 }),
    ]);
    expect(JSON.parse(last.afterJson!).rows).toEqual([expect.objectContaining({ value: 1300 })]);
  });

  it('lets an officer enter values for their own unit only, and read only their own', async () => {
    const officerA = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeA });
    const officerB = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeB });
    const own = await push(officerA.headers, [
      { kpiCode: 'COMMUNITY_TEAMS', unitId: c.tree.communeA, period: '2025-Q3', value: 9 },
    ]);
    expect(own.statusCode).toBe(200);
    const other = await push(officerB.headers, [
      { kpiCode: 'COMMUNITY_TEAMS', unitId: c.tree.communeA, period: '2025-Q3', value: 1 },
    ]);
    expect(other.statusCode).toBe(403);
    const read = await c.t.app.inject({
      method: 'GET',
      url: `/api/kpis/EDOC_SENT/values?unitId=${c.tree.communeA}`,
      headers: officerB.headers,
    });
    expect(read.statusCode).toBe(403);
    expect(read.body).not.toContain('1300');
    const viewer = await loginAs(c.t, { role: 'viewer', unitId: c.tree.province });
    expect(
      (
        await push(viewer.headers, [
          { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2025-10', value: 1 },
        ])
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a KPI that does not apply to the unit kind', async () => {
    const res = await push(tokenA, [
      {
        kpiCode: 'DIGSIG_RATE_PROVINCE',
        unitId: c.tree.communeA,
        period: '2025-07',
        numerator: 1,
        denominator: 2,
      },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'values.0.unitId', code: 'kpi_not_applicable' });
  });
});
