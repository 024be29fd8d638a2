import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { seedDemo } from '../../units/demo/demo-seed.js';
import { seedDemoMeasure } from './measure-demo-seed.js';

describe.each(testDialects())('Measure demo seed on %s', (dialect) => {
  let t: TestApp;
  let lines: string[];
  let seedMs: number;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-02T02:00:00.000Z' });
    await seedDemo(t.deps);
    const t0 = performance.now();
    lines = await seedDemoMeasure(t.deps);
    seedMs = performance.now() - t0;
  }, 180_000);
  afterAll(async () => t.close());

  it('publishes 2024 in the old structure and 2025 in the new, and leaves 2026 open', async () => {
    expect(lines).toHaveLength(4);
    const db = t.deps.db;
    const periods = await db
      .selectFrom('measurePeriods')
      .select(['id', 'year', 'status', 'name'])
      .orderBy('year')
      .orderBy('id')
      .execute();
    expect(periods.map((p) => [p.year, p.status])).toEqual([
      [2024, 'published'],
      [2024, 'published'],
      [2025, 'published'],
      [2026, 'open'],
    ]);
    expect(periods.every((p) => p.name.endsWith('(dữ liệu mẫu)'))).toBe(true);
    const statuses = await db
      .selectFrom('measureSubmissions')
      .select(['status', 'periodId'])
      .where('periodId', '=', periods[2].id)
      .execute();
    expect(statuses).toHaveLength(92);
    const count = (s: string) => statuses.filter((x) => x.status === s).length;
    expect(count('approved')).toBeGreaterThan(80);
    for (const s of ['draft', 'submitted', 'returned']) expect(count(s), s).toBeGreaterThan(0);
    const snapshot = await db
      .selectFrom('measureSnapshots')
      .select('resultsJson')
      .where('periodId', '=', periods[2].id)
      .executeTakeFirstOrThrow();
    const values = (JSON.parse(snapshot.resultsJson).units as { value: number }[]).map((u) => u.value);
    expect(values).toHaveLength(count('approved'));
    // Plausible and varied, not all equal.
    expect(Math.min(...values)).toBeGreaterThan(0.1);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.2);
    const officerDraft = await db
      .selectFrom('measureSubmissions as s')
      .innerJoin('units as u', 'u.id', 's.unitId')
      .select('s.status')
      .where('s.periodId', '=', periods[3].id)
      .where('u.code', '=', '05443')
      .executeTakeFirstOrThrow();
    expect(officerDraft.status).toBe('draft');
    // The rest of 2026 fills the appraiser's queue: first submissions, returns and resubmissions (round 2).
    const queue = await db
      .selectFrom('measureSubmissions')
      .select(['status', 'round'])
      .where('periodId', '=', periods[3].id)
      .execute();
    const has = (status: string, round: number) =>
      queue.some((q) => q.status === status && q.round === round);
    expect(has('submitted', 1) && has('returned', 1) && has('submitted', 2)).toBe(true);
    // 2025 and 2026 carry plan targets, so the demo profiles show the distance to them.
    const targets = await db
      .selectFrom('measurePeriods')
      .select('targetsJson')
      .where('id', 'in', [periods[2].id, periods[3].id])
      .orderBy('year')
      .execute();
    expect(targets.map((r) => JSON.parse(r.targetsJson ?? 'null')?.total)).toEqual([0.6, 0.65]);
  });

  it('is quick and idempotent', async () => {
    expect(seedMs).toBeLessThan(60_000);
    const before = await t.deps.db.selectFrom('measureValues').select('id').execute();
    expect(await seedDemoMeasure(t.deps)).toEqual([]);
    expect(await t.deps.db.selectFrom('measureValues').select('id').execute()).toHaveLength(before.length);
  });
});
