import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller, createOpenPeriod, enterAndApprove, FULL_VALUES } from '../measure-test-fixtures.js';

describe.each(testDialects())('public measure periods on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let call: ReturnType<typeof caller>;
  const list = () => call(null, 'GET', '/api/public/measure/periods');

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    units = await createUnitTree(t.deps.db);
    t.clock.set('2026-03-31T16:00:00.000Z');
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
  });
  afterAll(async () => t.close());

  it('lists nothing anonymously while no period is published, whatever exists in draft or open', async () => {
    await createOpenPeriod(t, secretariat, units.province, { year: 2023, open: false });
    await createOpenPeriod(t, secretariat, units.province, { year: 2024 });
    const res = await list();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('lists only published periods, newest year first, with the latest publishing time', async () => {
    const { periodId: p2025 } = await createOpenPeriod(t, secretariat, units.province, { year: 2025 });
    const { periodId: p2026 } = await createOpenPeriod(t, secretariat, units.province, { year: 2026 });
    const publish = (id: number) => call(secretariat, 'POST', `/api/measure/periods/${id}/publish`);
    expect((await publish(p2025)).statusCode).toBe(201);
    t.clock.set('2026-03-31T16:20:00.000Z');
    expect((await publish(p2026)).statusCode).toBe(201);
    t.clock.set('2026-03-31T16:40:00.000Z');
    expect((await publish(p2026)).statusCode).toBe(201);
    const res = await list();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { id: p2026, name: 'Đánh giá 2026', year: 2026, publishedAt: '2026-03-31T16:40:00.000Z' },
      { id: p2025, name: 'Đánh giá 2025', year: 2025, publishedAt: '2026-03-31T16:00:00.000Z' },
    ]);
    // Staff-only fields (framework, root unit, dates, status) never leave through the public route.
    expect(Object.keys(res.json()[0]).sort()).toEqual(['id', 'name', 'publishedAt', 'year']);
  });
  it('describes a published period for citizens: main index names and the communes not yet in its ranking', async () => {
    const officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    const { periodId } = await createOpenPeriod(t, secretariat, units.province, { year: 2027 });
    await enterAndApprove(
      t,
      { officer: officerA, appraiser: secretariat },
      { periodId, unitId: units.communeA },
      FULL_VALUES,
    );
    // Before publishing the period is not public: the same answer as an unknown id.
    expect((await call(null, 'GET', `/api/public/measure/periods/${periodId}`)).statusCode).toBe(404);
    expect((await call(secretariat, 'POST', `/api/measure/periods/${periodId}/publish`)).statusCode).toBe(
      201,
    );

    const res = await call(null, 'GET', `/api/public/measure/periods/${periodId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: periodId,
      name: 'Đánh giá 2027',
      year: 2027,
      unitCount: 2,
      excluded: [],
    });
    expect(body.mainIndices.map((m: { code: string; name: string }) => [m.code, m.name])).toContainEqual([
      'M1',
      'Chính quyền số',
    ]);
    // Đại Phúc takes part but was not approved when the period was published: listed, not silently missing.
    expect(body.unpublished).toEqual([{ unitId: units.communeB, unitName: 'Xã Đại Phúc' }]);
  });

  it('answers a malformed or unknown period id with problem+json, never a 500', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999999']) {
      const res = await call(null, 'GET', `/api/public/measure/periods/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const missing = await call(null, 'GET', '/api/public/measure/periods/987654');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});
