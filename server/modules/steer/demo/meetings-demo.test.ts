import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';
import { unzip } from '../../measure/exports/exports.test-helpers.js';
import { seedDemo } from '../../units/demo/demo-seed.js';
import { createMeetingsServices } from '../meetings/meetings.feature.js';
import { createSteerTaskServices } from '../tasks/tasks.feature.js';
import { demoMeetingDate, seedDemoMeetings } from './meetings-demo.js';
import { seedDemoTasks } from './tasks-demo.js';

// The demo meeting on the real demo province, after the demo plan: a quarterly meeting of the committee with its
// notice and five conclusions, three turned into tasks citing the notice; its briefing pack; a second run adds
// nothing.

describe('the demo meeting date', () => {
  it('is the 10th of the latest quarter start at least three days back', () => {
    expect(demoMeetingDate('2026-12-06')).toBe('2026-10-10');
    expect(demoMeetingDate('2026-04-12')).toBe('2026-01-10');
    expect(demoMeetingDate('2026-04-13')).toBe('2026-04-10');
    expect(demoMeetingDate('2026-01-05')).toBe('2025-10-10');
  });
});

describe.each(testDialects())('Steer meetings demo on %s', (dialect) => {
  let t: TestApp;
  let lines: string[];
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-12-06T02:00:00.000Z' });
    await seedDemo(t.deps);
    await ensureKpiCatalogueOnStartup(t.deps);
    await seedDemoTasks(t.deps);
    lines = await seedDemoMeetings(t.deps);
  }, 180_000);
  afterAll(async () => t.close());

  it('records one quarterly meeting with its notice and conclusions, three turned into tasks, once', async () => {
    expect(lines[0]).toMatch(/5 conclusions, 3 turned into tasks/);
    expect(await seedDemoMeetings(t.deps)).toEqual([]);
    const user = await t.deps.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', '=', 'thamdinh@demo.dxboard.vn')
      .executeTakeFirstOrThrow();
    const province = await t.deps.db
      .selectFrom('units')
      .innerJoin('structures', 'structures.id', 'units.structureId')
      .select('units.id')
      .where('structures.name', '=', '2025-07-01')
      .where('units.code', '=', '19')
      .executeTakeFirstOrThrow();
    const actor = {
      kind: 'user' as const,
      userId: user.id,
      email: user.email,
      fullName: 'Tổ thẩm định',
      sessionId: 'x',
      grants: [{ role: 'secretariat' as const, unitId: province.id }],
    };
    const { meetings, briefing } = createMeetingsServices(t.deps, createSteerTaskServices(t.deps).tasks);
    const list = await meetings.list(actor, {});
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'regular_quarterly',
      date: '2026-10-10',
      noticeNumber: '24/TB-BCĐCĐS',
      conclusionCount: 5,
      convertedCount: 3,
      isDemo: true,
    });
    const detail = await meetings.get(actor, list.items[0].id);
    expect(detail.attendees.length).toBeGreaterThan(5);
    expect(detail.conclusions.map((c) => c.task?.deadlineWritten ?? null)).toEqual([
      '30/11/2026',
      'Quý IV/2026',
      'Thường xuyên, báo cáo hằng tháng',
      null,
      null,
    ]);
    // The first is late by now (due 30/11, reported at 70%), the second still within its quarter.
    expect(detail.conclusions[0].task).toMatchObject({ status: 'overdue', daysOverdue: 6 });
    expect(detail.conclusions[1].task?.status).toBe('in_progress');
    const task = await t.deps.db
      .selectFrom('steerTasks')
      .select(['sourceLabel', 'isDemo'])
      .where('id', '=', detail.conclusions[0].task?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({
      sourceLabel: 'Thông báo kết luận số 24/TB-BCĐCĐS ngày 13/10/2026, kết luận số 1',
      isDemo: 1,
    });

    const pack = await briefing.briefingDocx(actor, detail.id);
    const text = (
      unzip(Buffer.from(pack.body as Uint8Array))
        .get('word/document.xml')
        ?.toString('utf8') ?? ''
    )
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"');
    expect(text).toContain('UBND TỈNH THÁI NGUYÊN');
    expect(text).toMatch(/Từ ngày 01\/01\/2026 đến ngày 10\/10\/2026 có \d+ nhiệm vụ đến hạn/);
    expect(text).toContain('III. CÁC ĐƠN VỊ BÁO CÁO TIẾN ĐỘ');
    expect(text).toContain('Sở Khoa học và Công nghệ');
  });
});
