import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';
import { seedDemo } from '../../units/demo/demo-seed.js';
import { seedDemoFeedback } from './feedback-demo-seed.js';

// The demo feedback on the real demo province: reports in every state, some overdue, ratings both ways, the
// KPIs written; a second run adds nothing.

describe.each(testDialects())('Feedback demo on %s', (dialect) => {
  let t: TestApp;
  let lines: string[];
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-12-06T02:00:00.000Z' });
    await seedDemo(t.deps);
    await ensureKpiCatalogueOnStartup(t.deps);
    lines = await seedDemoFeedback(t.deps);
  }, 180_000);
  afterAll(async () => t.close());

  it('fills every state once, marked as demo', async () => {
    expect(lines[0]).toMatch(/6 lĩnh vực, 28 phản ánh mẫu/);
    expect(await seedDemoFeedback(t.deps)).toEqual([]);
    const rows = await t.deps.db
      .selectFrom('feedbackReports')
      .select(['status', 'isDemo', 'deadline'])
      .execute();
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['received', 'assigned', 'in_progress', 'answered', 'closed', 'reopened', 'refused'])
      expect(statuses, s).toContain(s);
    expect(rows.every((r) => r.isDemo === 1)).toBe(true);
    expect(
      rows.filter(
        (r) =>
          r.deadline !== null && r.deadline < '2026-12-06' && ['assigned', 'in_progress'].includes(r.status),
      ).length,
    ).toBeGreaterThan(2);
    const kpis = await t.deps.db
      .selectFrom('kpiValues')
      .innerJoin('kpiDefinitions', 'kpiDefinitions.id', 'kpiValues.kpiId')
      .select('kpiDefinitions.code')
      .where('kpiDefinitions.code', 'in', ['FEEDBACK_ON_TIME_RATE', 'FEEDBACK_SATISFACTION_RATE'])
      .execute();
    expect(new Set(kpis.map((k) => k.code)).size).toBe(2);
  });
});
