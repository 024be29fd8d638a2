import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { countValues, createKpiTestApp, type KpiTestContext } from '../kpis-test-fixtures.js';

describe.each(testDialects())('DHIS2 dataValueSets import on %s', (dialect) => {
  let c: KpiTestContext;
  let tokenA: Record<string, string>;
  beforeAll(async () => {
    c = await createKpiTestApp(dialect);
    tokenA = (await createApiToken(c.t, { unitId: c.tree.communeA, permissions: ['measure.push'] })).headers;
  });
  afterAll(async () => c.t.close());

  const post = (headers: Record<string, string>, payload: unknown, query = '') =>
    c.t.app.inject({
      method: 'POST',
      url: `/api/kpis/dataValueSets${query}`,
      headers,
      payload: payload as object,
    });

  it('answers 401 without a token', async () => {
    expect((await post({}, { dataValues: [] })).statusCode).toBe(401);
  });

  it('imports a DHIS2 payload, pairs ratio parts and reports conflicts like DHIS2', async () => {
    const res = await post(tokenA, {
      dataSet: 'pBOMPrpg1QX',
      period: '202508',
      orgUnit: c.codes.communeA,
      completeDate: '2025-09-02',
      dataValues: [
        { dataElement: 'EDOC_SENT', value: '1300', comment: 'từ hệ thống QLVB' },
        { dataElement: 'ONLINE_PS_RATE', categoryOptionCombo: 'numerator', value: '45' },
        { dataElement: 'ONLINE_PS_RATE', categoryOptionCombo: 'denominator', value: '50' },
        { dataElement: 'ECOM_STALLS', period: '2025Q3', value: '4' },
        { dataElement: 'NO_SUCH_KPI', value: '1' },
        { dataElement: 'EDOC_SENT', period: '2025-13', value: '2' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('WARNING');
    expect(body.importCount).toEqual({ imported: 4, updated: 0, ignored: 2, deleted: 0 });
    expect(body.conflicts).toHaveLength(2);
    expect(body.conflicts[0]).toMatchObject({ object: 'NO_SUCH_KPI' });
    expect(body.conflicts[1].object).toBe('2025-13');
    const leader = await loginAs(c.t, { role: 'leader', unitId: c.tree.province });
    const read = await c.t.app.inject({
      method: 'GET',
      url: `/api/kpis/ONLINE_PS_RATE/values?unitId=${c.tree.communeA}`,
      headers: leader.headers,
    });
    expect(read.json().items).toEqual([
      expect.objectContaining({ period: '2025-08', derived: 90, source: 'dhis2' }),
    ]);
  });

  it('counts a repeated value as updated and an unpaired ratio half as a conflict', async () => {
    const res = await post(tokenA, {
      dataValues: [
        { dataElement: 'EDOC_SENT', period: '202508', orgUnit: c.codes.communeA, value: 1400 },
        {
          dataElement: 'ONLINE_PS_RATE',
          period: '202509',
          orgUnit: c.codes.communeA,
          categoryOptionCombo: 'numerator',
          value: '1',
        },
        { dataElement: 'ONLINE_PS_RATE', period: '202509', orgUnit: c.codes.communeA, value: '1' },
      ],
    });
    const body = res.json();
    expect(body.importCount).toMatchObject({ imported: 0, updated: 1, ignored: 2 });
    expect(body.conflicts.map((x: { value: string }) => x.value)).toEqual([
      expect.stringContaining('categoryOptionCombo'),
      expect.stringContaining('categoryOptionCombo'),
    ]);
  });

  it('with atomicMode=ALL writes nothing when anything conflicts, and answers 409 ERROR', async () => {
    const before = await countValues(c.t);
    const res = await post(
      tokenA,
      {
        orgUnit: c.codes.communeA,
        dataValues: [
          { dataElement: 'EDOC_SENT', period: '202510', value: '7' },
          { dataElement: 'EDOC_SENT', period: '202511', value: 'seven' },
        ],
      },
      '?atomicMode=ALL',
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ status: 'ERROR', importCount: { imported: 0, ignored: 2 } });
    expect(res.json().conflicts[0].value).toContain('dataValues[1].value');
    expect(await countValues(c.t)).toBe(before);
  });

  it('accepts unit ids with orgUnitIdScheme=id and does nothing on dryRun', async () => {
    const before = await countValues(c.t);
    const res = await post(
      tokenA,
      {
        dataValues: [
          { dataElement: 'EDOC_SENT', period: '202512', orgUnit: String(c.tree.communeA), value: '3' },
        ],
      },
      '?orgUnitIdScheme=id&dryRun=true',
    );
    expect(res.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 0 } });
    expect(await countValues(c.t)).toBe(before);
  });

  it('refuses the whole set with 403 when a value targets a unit outside the token scope', async () => {
    const before = await countValues(c.t);
    const res = await post(tokenA, {
      period: '202507',
      dataValues: [
        { dataElement: 'EDOC_SENT', orgUnit: c.codes.communeA, value: '1' },
        { dataElement: 'EDOC_SENT', orgUnit: c.codes.communeB, value: '1' },
      ],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'dataValues.1.orgUnit' })]);
    expect(await countValues(c.t)).toBe(before);
  });

  it('refuses a token without measure.push', async () => {
    const readOnly = await createApiToken(c.t, { unitId: c.tree.communeA, permissions: ['measure.read'] });
    const res = await post(readOnly.headers, { period: '202507', orgUnit: c.codes.communeA, dataValues: [] });
    expect(res.statusCode).toBe(403);
  });
});
