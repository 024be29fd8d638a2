import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { seedDemo } from '../../units/demo/demo-seed.js';
import { BUILTIN_KPIS } from '../definitions/kpi-catalogue.js';
import { createKpiReader } from '../kpis.module.js';
import { seedDemoKpis } from './kpi-demo-seed.js';

describe.each(testDialects())('KPI demo seed on %s', (dialect) => {
  let t: TestApp;
  let provinceId: number;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-02T02:00:00.000Z' });
    await seedDemo(t.deps);
    const province = await t.deps.db
      .selectFrom('units as u')
      .innerJoin('structures as s', 's.id', 'u.structureId')
      .select('u.id')
      .where('s.name', '=', '2025-07-01')
      .where('u.code', '=', '19')
      .executeTakeFirstOrThrow();
    provinceId = province.id;
  }, 120_000);
  afterAll(async () => t.close());

  it('seeds the catalogue and a year of demo values for the demo province, marked as demo', async () => {
    const lines = await seedDemoKpis(t.deps);
    // Every built-in KPI (modules add theirs to the catalogue) is added on a fresh database.
    expect(lines[0]).toMatch(new RegExp(`^KPIs: ${BUILTIN_KPIS.length} definitions added, \\d+ demo values`));
    const values = await t.deps.db
      .selectFrom('kpiValues')
      .select(['isDemo', 'enteredByLabel', 'periodCode'])
      .execute();
    expect(values.length).toBeGreaterThan(5_000);
    expect(values.every((v) => v.isDemo === 1 && v.enteredByLabel === 'demo')).toBe(true);
    const periods = new Set(values.map((v) => v.periodCode));
    expect(periods.has('2025-03')).toBe(true);
    expect(periods.has('2026-02')).toBe(true);
    expect(periods.has('2026-03')).toBe(false);
    const edocs = await createKpiReader(t.deps).getKpiValue(provinceId, 'EDOC_SENT', '2025');
    expect(edocs!.periodsReported).toBe(10);
    expect(edocs!.derived).toBeGreaterThan(2_500_000);
  });

  it('is idempotent and never overwrites a value someone entered', async () => {
    const edoc = await t.deps.db
      .selectFrom('kpiDefinitions')
      .select('id')
      .where('code', '=', 'EDOC_SENT')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('kpiValues')
      .set({ value: 7, isDemo: 0, enteredByLabel: 'officer@example.vn' })
      .where('kpiId', '=', edoc.id)
      .where('unitId', '=', provinceId)
      .where('periodCode', '=', '2025-12')
      .execute();
    const before = await t.deps.db
      .selectFrom('kpiValues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await seedDemoKpis(t.deps)).toEqual([expect.stringMatching(/0 definitions added, 0 demo values/)]);
    const after = await t.deps.db
      .selectFrom('kpiValues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const kept = await t.deps.db
      .selectFrom('kpiValues')
      .select('value')
      .where('kpiId', '=', edoc.id)
      .where('unitId', '=', provinceId)
      .where('periodCode', '=', '2025-12')
      .executeTakeFirstOrThrow();
    expect(kept.value).toBe(7);
  });
});
