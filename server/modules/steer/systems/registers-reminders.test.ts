import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type RegistersScenario, registersScenario } from '../products/registers-test-fixtures.js';
import { createRegisterServices, createSteerTaskServices } from '../steer.module.js';
import { REGISTERS_REMINDER_JOB } from './registers-reminders.js';

// The registers' daily reminders on both databases, through the notification service: operating systems due for
// their yearly review (one notification per owner unit and month, listing its systems), review campaigns past
// their due date (once per unit, campaign and day); a second run, two runs at once, or the job queued again
// notify nobody twice; a system reviewed since is no longer listed.

describe.each(testDialects())('Steer registers reminders on %s', (dialect) => {
  let s: RegistersScenario;
  const ids: Record<string, number> = {};
  const job = () => createRegisterServices(s.t.deps, createSteerTaskServices(s.t.deps).tasks).reminders;
  const at = (date: string) => s.t.clock.set(`${date}T02:00:00.000Z`);
  const notifications = (kind: string) =>
    s.t.deps.db
      .selectFrom('notifications')
      .select(['idempotencyKey', 'titleVi', 'bodyVi', 'bodyEn'])
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();
  const centre = async (who: LoggedIn) =>
    (await s.call(who, 'GET', '/api/notifications?sort=newest')).body.items.map(
      (i: { title: string }) => i.title,
    ) as string[];

  const system = (unitId: number, name: string, extra: Record<string, unknown> = {}) => ({
    unitId,
    name,
    purpose: 'Quản lý văn bản đi, đến; điều hành công việc',
    purposeCategory: 'document_management',
    scope: 'unit',
    users: 'Cán bộ, công chức của đơn vị',
    status: 'operating',
    investmentVnd: null,
    yearlyBudgetVnd: null,
    startDate: '2021-03-01',
    goLiveDate: '2021-09-15',
    hosting: 'provincial_dc',
    lgspIntegrated: true,
    nationalDbs: [],
    securityLevel: 2,
    securityPlanApproved: true,
    securityDecisionNumber: '123/QĐ-STTTT',
    securityDecisionDate: '2022-01-10',
    ...extra,
  });

  beforeAll(async () => {
    s = await registersScenario(dialect);
    const add = async (key: string, who: LoggedIn, body: object) => {
      const res = await s.call(who, 'POST', '/api/steer/systems', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[key] = res.body.id;
    };
    // Live since 2021, never reviewed: due since 15/09/2022.
    await add('docs', s.officerDept, system(s.tree.department, 'Hệ thống quản lý văn bản và điều hành'));
    // Reviewed on 01/06/2025: due on 01/06/2026.
    await add('portal', s.officerDept, system(s.tree.department, 'Cổng thông tin điện tử của Sở'));
    // Still being built: never due.
    await add(
      'camera',
      s.officerA,
      system(s.tree.communeA, 'Camera giám sát', { status: 'building', goLiveDate: null }),
    );
    // Live on 10/01/2025, never reviewed: due on 10/01/2026.
    await add(
      'oneStop',
      s.officerB,
      system(s.tree.communeB, 'Phần mềm một cửa', { goLiveDate: '2025-01-10' }),
    );
    await s.t.deps.db
      .updateTable('steerSystems')
      .set({ lastReviewDate: '2025-06-01' })
      .where('id', '=', ids.portal)
      .execute();
  }, 60_000);
  afterAll(async () => s?.t.close());

  it('reminds each owner unit once of its systems due for review, whatever runs again', async () => {
    const first = await job().run();
    expect(first).toEqual({ date: '2026-03-02', campaignUnits: 0, reviewDueUnits: 2, systemsDue: 2 });
    // Again, and twice at once (two processes): the keys are taken.
    const again = await Promise.all([job().run(), job().run(), job().run()]);
    expect(again.map((r) => r.reviewDueUnits)).toEqual([0, 0, 0]);
    const rows = await notifications('steer.system_review_due');
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(
      [
        `steer:system-review-due:unit:${s.tree.communeB}:2026-03`,
        `steer:system-review-due:unit:${s.tree.department}:2026-03`,
      ].sort(),
    );
    const dept = rows.find((r) => r.idempotencyKey.includes(`unit:${s.tree.department}:`));
    expect(dept?.titleVi).toBe('Đến hạn rà soát 1 hệ thống thông tin');
    expect(dept?.bodyVi).toContain(
      '“Hệ thống quản lý văn bản và điều hành” (chưa rà soát, đến hạn 15/09/2022)',
    );
    expect(dept?.bodyVi).not.toContain('Cổng thông tin');
    expect(dept?.bodyEn).toContain('due for their yearly review');

    expect((await centre(s.officerDept)).filter((t) => t.startsWith('Đến hạn rà soát'))).toHaveLength(1);
    expect((await centre(s.officerB)).filter((t) => t.startsWith('Đến hạn rà soát'))).toHaveLength(1);
    expect((await centre(s.officerA)).filter((t) => t.startsWith('Đến hạn rà soát'))).toEqual([]);
  });

  it('reminds units of a review campaign past its due date once a day, and of due reviews again next month', async () => {
    const opened = await s.call(s.secretariat, 'POST', '/api/steer/system-reviews', {
      name: 'Rà soát hệ thống thông tin năm 2026',
      rootUnitId: s.tree.province,
      dueDate: '2026-03-31',
    });
    expect(opened.status).toBe(201);
    // Before the due date the job leaves the campaign alone.
    expect((await job().run()).campaignUnits).toBe(0);
    at('2026-04-02');
    const april = await job().run();
    // Unconfirmed after 31/03: department (2 systems), commune A (1), commune B (1).
    expect(april).toEqual({ date: '2026-04-02', campaignUnits: 3, reviewDueUnits: 2, systemsDue: 2 });
    expect(await job().run()).toMatchObject({ campaignUnits: 0, reviewDueUnits: 0 });
    const campaign = await notifications('steer.system_review_reminder');
    expect(campaign.filter((r) => r.idempotencyKey.endsWith(':2026-04-02'))).toHaveLength(3);
  });

  it('a system reviewed since is no longer listed; the job runs from the queue', async () => {
    await s.t.deps.db
      .updateTable('steerSystems')
      .set({ lastReviewDate: '2026-04-20' })
      .where('id', '=', ids.docs)
      .execute();
    at('2026-05-04');
    const before = (await notifications('steer.system_review_due')).length;
    await s.t.deps.jobs.enqueue(REGISTERS_REMINDER_JOB, null);
    await vi.waitFor(
      async () => expect((await notifications('steer.system_review_due')).length).toBe(before + 1),
      { timeout: 10_000, interval: 100 },
    );
    const may = (await notifications('steer.system_review_due')).filter((r) =>
      r.idempotencyKey.endsWith(':2026-05'),
    );
    expect(may.map((r) => r.idempotencyKey)).toEqual([
      `steer:system-review-due:unit:${s.tree.communeB}:2026-05`,
    ]);
    expect(await job().run()).toMatchObject({ reviewDueUnits: 0, systemsDue: 1 });
  });
});
