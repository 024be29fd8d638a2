import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { type caller, enterAndSubmit, FULL_VALUES, measureScenario } from '../measure-test-fixtures.js';

// The appraiser's queue on both databases: 401 → 403 → the three stages with unit and period names, scoped to
// the units the caller may appraise; drafts, approved submissions and other scopes never appear.
describe.each(testDialects())('measure appraisal queue on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const QUEUE = '/api/measure/appraisal-queue';
  const sub = (unitId: number, rest: string) => `/api/measure/periods/${periodId}/units/${unitId}${rest}`;
  const summary = (body: { items: { unitId: number; stage: string; round: number }[] }) =>
    body.items.map((i) => [i.unitId, i.stage, i.round]);

  beforeAll(async () => {
    // Sessions expire after an idle hour, so the clock moves by minutes only.
    ({ t, call, units, secretariat, officerA, officerB, periodId } = await measureScenario(dialect, {
      now: '2026-03-10T02:00:00.000Z',
    }));
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses anonymous callers (401) and those who may not appraise (403)', async () => {
    expect((await call(null, 'GET', QUEUE)).statusCode).toBe(401);
    expect((await call(officerA, 'GET', QUEUE)).statusCode).toBe(403);
    const viewer = await loginAs(t, { role: 'viewer', unitId: units.province });
    expect((await call(viewer, 'GET', QUEUE)).statusCode).toBe(403);
  });

  it('is empty while units only draft', async () => {
    const draft = await call(officerA, 'PUT', sub(units.communeA, '/submission/values'), {
      values: { C1: { number: 2 } },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const res = await call(secretariat, 'GET', QUEUE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ counts: { waiting: 0, returned: 0, resubmitted: 0 }, items: [] });
  });

  it('lists waiting, returned and resubmitted submissions with names and dates', async () => {
    await enterAndSubmit(t, officerA, { periodId, unitId: units.communeA }, FULL_VALUES);
    t.clock.set('2026-03-10T02:10:00.000Z');
    await enterAndSubmit(t, officerB, { periodId, unitId: units.communeB }, FULL_VALUES);
    t.clock.set('2026-03-10T02:20:00.000Z');
    const returned = await call(secretariat, 'POST', sub(units.communeB, '/appraisal/return'), {
      comment: 'Bổ sung biên bản',
      components: [{ code: 'C1', comment: 'Thiếu chữ ký' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const res = await call(secretariat, 'GET', QUEUE);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ waiting: 1, returned: 1, resubmitted: 0 });
    expect(summary(body)).toEqual([
      [units.communeA, 'waiting', 1],
      [units.communeB, 'returned', 1],
    ]);
    expect(body.items[0]).toMatchObject({
      periodId,
      periodName: 'Đánh giá 2025',
      dueOn: '2026-03-31',
      unitName: 'Phường Phan Đình Phùng',
      submittedAt: '2026-03-10T02:00:00.000Z',
      returnedAt: null,
      returnComment: null,
    });
    expect(body.items[1]).toMatchObject({
      unitName: 'Xã Đại Phúc',
      returnedAt: '2026-03-10T02:20:00.000Z',
      returnComment: 'Bổ sung biên bản',
    });

    t.clock.set('2026-03-10T02:30:00.000Z');
    const again = await call(officerB, 'POST', sub(units.communeB, '/submission/submit'));
    expect(again.statusCode, again.body).toBe(200);
    const after = (await call(secretariat, 'GET', QUEUE)).json();
    expect(after.counts).toEqual({ waiting: 1, returned: 0, resubmitted: 1 });
    expect(summary(after)).toEqual([
      [units.communeA, 'waiting', 1],
      [units.communeB, 'resubmitted', 2],
    ]);
    expect(after.items[1].submittedAt).toBe('2026-03-10T02:30:00.000Z');
  });

  it('shows only the units of the caller’s own appraisal scope, and drops approved submissions', async () => {
    const communeStaff = await loginAs(t, { role: 'secretariat', unitId: units.communeB });
    const own = (await call(communeStaff, 'GET', QUEUE)).json();
    expect(summary(own)).toEqual([[units.communeB, 'resubmitted', 2]]);
    const approved = await call(secretariat, 'POST', sub(units.communeA, '/appraisal/approve'));
    expect(approved.statusCode, approved.body).toBe(200);
    const left = (await call(secretariat, 'GET', QUEUE)).json();
    expect(summary(left)).toEqual([[units.communeB, 'resubmitted', 2]]);
  });
});
