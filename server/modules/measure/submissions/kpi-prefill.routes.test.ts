import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkInput } from '../../../../core/contracts/measure-framework.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { ensureKpiCatalogue } from '../../kpis/definitions/kpi-definitions.service.js';
import { createKpisRepository } from '../../kpis/kpis.repository.js';
import { caller, testFramework } from '../measure-test-fixtures.js';

// C1 (meetings, steps 1/2/3/4 → 5/10/15/20) takes the yearly sum of EDOC_SENT; C2 (ratio × 40) takes the
// online-payment rate through the template alias. The KPI values are monthly; the period's year rolls them up.
function kpiFramework(): FrameworkInput {
  const fw = testFramework();
  const [c1, c2] = fw.groups[0].mainIndices[0].components;
  c1.kpiCode = 'EDOC_SENT';
  c2.kpiCode = 'dvc.online_payment_rate';
  return fw;
}

describe.each(testDialects())('measure prefill from KPIs on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const sub = (unitId: number, rest = '') =>
    `/api/measure/periods/${periodId}/units/${unitId}/submission${rest}`;
  const prefill = (who: LoggedIn | null, unitId: number) =>
    call(who, 'POST', sub(unitId, '/prefill-from-kpis'));
  const pushKpis = (who: LoggedIn, values: object[]) => call(who, 'POST', '/api/kpis/values', { values });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    units = await createUnitTree(t.deps.db);
    await ensureKpiCatalogue({ ...t.deps, repo: createKpisRepository(t.deps.db) });
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    officerB = await loginAs(t, { role: 'officer', unitId: units.communeB });
    const fw = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: kpiFramework(),
    });
    if (fw.statusCode !== 201) throw new Error(fw.body);
    const period = await call(secretariat, 'POST', '/api/measure/periods', {
      name: 'Đánh giá 2025',
      year: 2025,
      frameworkId: fw.json().framework.id,
      rootUnitId: units.province,
      unitKinds: ['commune', 'ward'],
      opensOn: '2026-03-01',
      dueOn: '2026-03-31',
    });
    if (period.statusCode !== 201) throw new Error(period.body);
    periodId = period.json().id;
    await call(secretariat, 'POST', `/api/measure/periods/${periodId}/open`);
  });
  afterAll(async () => t.close());

  it('answers 401 to anonymous callers and 403 to an officer of another unit', async () => {
    expect((await prefill(null, units.communeA)).statusCode).toBe(401);
    const res = await prefill(officerB, units.communeA);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('C1');
    expect((await call(officerA, 'GET', sub(units.communeA))).json().id).toBeNull();
  });

  it('lists every KPI-linked component as missing when the unit has no KPI data', async () => {
    const res = await prefill(officerA, units.communeA);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().prefilled).toEqual([]);
    expect(res.json().missing).toEqual([
      { code: 'C1', kpiCode: 'EDOC_SENT' },
      { code: 'C2', kpiCode: 'dvc.online_payment_rate' },
    ]);
    expect(res.json().components.every((c: { value: unknown }) => c.value === null)).toBe(true);
  });

  it('saves the year’s KPI figures as values with points, history and audit, idempotently', async () => {
    const a = units.communeA;
    const pushed = await pushKpis(officerA, [
      { kpiCode: 'EDOC_SENT', unitId: a, period: '2025-01', value: 2 },
      { kpiCode: 'EDOC_SENT', unitId: a, period: '2025-02', value: 1 },
      { kpiCode: 'ONLINE_PAYMENT_RATE', unitId: a, period: '2025-01', numerator: 40, denominator: 50 },
      { kpiCode: 'ONLINE_PAYMENT_RATE', unitId: a, period: '2025-02', numerator: 50, denominator: 50 },
      // Another year and another unit must not leak in.
      { kpiCode: 'EDOC_SENT', unitId: a, period: '2024-12', value: 7 },
    ]);
    expect(pushed.statusCode, pushed.body).toBe(200);
    await pushKpis(officerB, [{ kpiCode: 'EDOC_SENT', unitId: units.communeB, period: '2025-03', value: 9 }]);

    const res = await prefill(officerA, a);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.prefilled).toEqual([
      { code: 'C1', kpiCode: 'EDOC_SENT', value: { number: 3 } },
      { code: 'C2', kpiCode: 'dvc.online_payment_rate', value: { numerator: 90, denominator: 100 } },
    ]);
    expect(body.missing).toEqual([]);
    const byCode = new Map(body.components.map((c: { code: string }) => [c.code, c]));
    expect(byCode.get('C1')).toMatchObject({ value: { number: 3 }, selfPoints: 15 });
    expect(byCode.get('C2')).toMatchObject({ value: { numerator: 90, denominator: 100 }, selfPoints: 36 });
    expect(body.selfScore.total.points).toBeCloseTo(51, 9);

    const history = (await call(officerA, 'GET', sub(a, '/history'))).json();
    expect(history.map((h: { componentCode: string }) => h.componentCode).sort()).toEqual(['C1', 'C2']);
    const audits = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'measure.values.save')
      .execute();
    expect(audits).toHaveLength(1);

    const again = await prefill(officerA, a);
    expect(again.statusCode).toBe(200);
    expect(again.json().prefilled).toEqual(body.prefilled);
    expect((await call(officerA, 'GET', sub(a, '/history'))).json()).toHaveLength(2);
  });

  it('refuses with 409 once the submission is no longer editable', async () => {
    const a = units.communeA;
    const saved = await call(officerA, 'PUT', sub(a, '/values'), {
      values: { C3: { choice: 'chair' }, C4: { bool: true } },
    });
    expect(saved.statusCode).toBe(200);
    await call(officerA, 'POST', sub(a, '/evidence'), {
      componentCode: 'C1',
      document: { number: '5/BB', date: '2025-06-01', title: 'Biên bản' },
    });
    const submitted = await call(officerA, 'POST', sub(a, '/submit'));
    expect(submitted.statusCode, submitted.body).toBe(200);
    const res = await prefill(officerA, a);
    expect(res.statusCode).toBe(409);
    expect((await call(officerA, 'GET', sub(a, '/history'))).json()).toHaveLength(4);
  });
});
