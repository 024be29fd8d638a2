import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';
import { seedDemo } from '../../units/demo/demo-seed.js';
import { createSteerTaskServices } from '../tasks/tasks.feature.js';
import { seedDemoTasks } from './tasks-demo.js';

// The demo plan on the real demo province: every lifecycle state and deadline form, overdue tasks, an approved
// and a pending extension, a task of a merged unit under its successor; a second run adds nothing.

describe.each(testDialects())('Steer tasks demo on %s', (dialect) => {
  let t: TestApp;
  let lines: string[];
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-12-06T02:00:00.000Z' });
    await seedDemo(t.deps);
    await ensureKpiCatalogueOnStartup(t.deps);
    lines = await seedDemoTasks(t.deps);
  }, 180_000);
  afterAll(async () => t.close());

  it('loads a year plan in groups with tasks in every state, and only once', async () => {
    expect(lines[0]).toMatch(/15\/KH-BCĐCĐS with 20 tasks/);
    expect(await seedDemoTasks(t.deps)).toEqual([]);
    const admin = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'thamdinh@demo.dxboard.vn')
      .executeTakeFirstOrThrow();
    const province = await t.deps.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '19')
      .where('parentId', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const actor = {
      kind: 'user' as const,
      userId: admin.id,
      email: 'thamdinh@demo.dxboard.vn',
      fullName: 'Tổ thẩm định',
      sessionId: 'x',
      grants: [{ role: 'secretariat' as const, unitId: province.id }],
    };
    const { tasks } = createSteerTaskServices(t.deps);
    const list = await tasks.listTasks(actor, { pageSize: 1000 });
    expect(list.items.every((x) => x.isDemo)).toBe(true);
    expect(new Set(list.items.map((x) => x.state))).toEqual(
      new Set([
        'not_started',
        'in_progress',
        'reported_done',
        'verified_done',
        'returned',
        'paused',
        'cancelled',
      ]),
    );
    expect(new Set(list.items.map((x) => x.deadline.kind))).toEqual(
      new Set(['date', 'month', 'quarter', 'half', 'year', 'range', 'ongoing']),
    );
    const statuses = new Set(list.items.map((x) => x.status?.status));
    for (const s of [
      'done_on_time',
      'done_late',
      'overdue',
      'due_soon',
      'in_progress',
      'paused',
      'cancelled',
    ])
      expect(statuses).toContain(s);
    const extended = list.items.find((x) => x.extended);
    expect(extended?.deadline.due).toBe('2026-07-31');
    expect(extended?.currentDue).toBe('2026-11-30');
    const merged = list.items.find((x) => x.originalLeadUnit);
    expect(merged?.originalLeadUnit?.name).toBe('Sở Thông tin và Truyền thông');
    expect(merged?.leadUnit.name).toBe('Sở Khoa học và Công nghệ');
    const pending = await tasks.detail(actor, list.items.find((x) => x.code === '16')!.id);
    expect(pending.extensions.map((e) => e.status)).toEqual(['pending']);
  });
});
