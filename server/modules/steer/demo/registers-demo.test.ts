import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createKpiReader, ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';
import { seedDemo } from '../../units/demo/demo-seed.js';
import { seedDemoRegisters } from './registers-demo.js';
import { registersScenarioCall } from './registers-demo.test-helpers.js';
import { seedDemoTasks } from './tasks-demo.js';

// The registers' demo on the real demo province: products in every state with units left without one, fifteen
// systems with one overlap and every problem list filled, an open review campaign half confirmed; KPIs written;
// a second run adds nothing.

describe.each(testDialects())('Steer registers demo on %s', (dialect) => {
  let t: TestApp;
  let lines: string[];
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-12-06T02:00:00.000Z' });
    await seedDemo(t.deps);
    await ensureKpiCatalogueOnStartup(t.deps);
    await seedDemoTasks(t.deps);
    lines = await seedDemoRegisters(t.deps);
  }, 240_000);
  afterAll(async () => t.close());

  it('fills every register screen, marks its rows as demo, and runs only once', async () => {
    expect(lines[0]).toMatch(/8 DX products, 15 information systems, 1 review campaign/);
    expect(await seedDemoRegisters(t.deps)).toEqual([]);
    const db = t.deps.db;
    const statuses = await db.selectFrom('steerProducts').select(['status', 'isDemo', 'unitId']).execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['accepted', 'returned', 'submitted']));
    expect(statuses.every((s) => s.isDemo === 1)).toBe(true);
    const call = registersScenarioCall(t);
    const province = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '19')
      .where('parentId', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const without = await call('GET', `/api/steer/products/units-without?unitId=${province.id}&year=2026`);
    expect(without.totals.department.without).toBeGreaterThan(2);
    expect(without.totals.commune.without).toBeGreaterThan(2);
    const problems = await call('GET', `/api/steer/systems/problems?unitId=${province.id}`);
    expect(problems.notIntegrated.length).toBeGreaterThan(2);
    expect(problems.withoutSecurity.length).toBeGreaterThan(2);
    expect(problems.overlaps).toEqual([
      expect.objectContaining({ purposeCategory: 'document_management', scope: 'province' }),
    ]);
    const campaigns = await call('GET', `/api/steer/system-reviews?unitId=${province.id}`);
    expect(campaigns.items[0]).toMatchObject({ status: 'open', progress: { total: 15, confirmed: 8 } });
    const accepted = statuses.find((s) => s.status === 'accepted');
    const kpi = await createKpiReader(t.deps).getKpiValue(
      accepted?.unitId ?? 0,
      'STEER_DX_PRODUCTS_ACCEPTED',
      '2026',
    );
    expect(kpi?.derived).toBe(1);
  });
});
