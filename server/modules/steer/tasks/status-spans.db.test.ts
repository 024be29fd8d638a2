import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../core/steer/calendar.js';
import { deriveTaskStatus, type TaskStatusInput } from '../../../../core/steer/task-status.js';
import { DEADLINE_CYCLES, LIFECYCLE_STATES } from '../../../../core/steer/types.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { rebuildStatusSpans, refreshStatusSpans } from './status-spans.js';
import { createSteerTestApp, insertPlan, type SteerTestContext } from './steer-tasks-test-fixtures.js';
import { loadStatusInputs } from './task-views.js';

// The stored status spans against the rule: on random tasks (every deadline form, extensions approved and
// refused, any lifecycle history, progress reports, some confidential), for many dates — each deadline day and
// the days around it, extension approvals and new deadlines, quarter ends, dates before and long after —
// the status and bucket each task's span gives equal deriveTaskStatus over the task's stored inputs, and the
// tasks list's counts, status filter and page statuses agree with it; then again after writes made behind the
// service's back (the triggers mark the tasks stale).

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TASKS = 120;
const BASE = '2025-10-01';

describe.each(testDialects())('Steer status spans on %s', (dialect) => {
  let c: SteerTestContext;
  const dates = new Set<string>([
    '2025-12-31',
    '2026-03-31',
    '2026-06-30',
    '2026-09-30',
    '2026-12-31',
    '2024-01-01',
  ]);
  beforeAll(async () => {
    c = await createSteerTestApp(dialect);
    const planId = (await insertPlan(c)).id;
    const rand = prng(dialect === 'sqlite' ? 11 : 17);
    const int = (n: number) => Math.floor(rand() * n);
    const day = (span = 540) => addDays(BASE, int(span));
    const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
    const db = c.t.deps.db;
    const now = c.t.clock.now().toISOString();
    const units = [c.tree.province, c.tree.communeA, c.tree.communeB, c.tree.department];
    for (let i = 0; i < TASKS; i++) {
      const assignedOn = day(300);
      const ongoing = rand() < 0.35;
      const due = addDays(assignedOn, 10 + int(300));
      const cycle = ongoing ? pick(DEADLINE_CYCLES) : null;
      const task = await db
        .insertInto('steerTasks')
        .values({
          planId,
          groupId: null,
          parentId: null,
          ownerUnitId: c.tree.province,
          code: null,
          title: `Nhiệm vụ ${i}`,
          description: null,
          leadUnitId: pick(units),
          expectedProduct: null,
          kpiCode: null,
          deadlineWritten: ongoing ? 'Thường xuyên' : due,
          deadlineKind: ongoing ? 'ongoing' : 'date',
          deadlineDue: ongoing ? (rand() < 0.5 ? due : null) : due,
          deadlineStart: ongoing ? day(200) : null,
          deadlineCycle: cycle,
          currentDue: due,
          state: 'not_started',
          stateOn: assignedOn,
          confidential: rand() < 0.1 ? 1 : 0,
          assignedOn,
          sourceKind: 'plan',
          sourceRef: null,
          sourceLabel: null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!ongoing) for (const d of [due, addDays(due, -7), addDays(due, 1)]) dates.add(d);
      let on = assignedOn;
      for (let h = int(5); h > 0; h--) {
        on = addDays(on, int(90));
        await db
          .insertInto('steerTaskHistory')
          .values({
            taskId: task.id,
            at: now,
            onDate: on,
            actorUserId: null,
            actorLabel: 'test',
            kind: 'state',
            field: 'state',
            oldValue: null,
            newValue: pick(LIFECYCLE_STATES),
            note: null,
          })
          .execute();
      }
      for (let e = int(3) - 1; e > 0; e--) {
        const approved = rand() < 0.7;
        const decidedOn = addDays(assignedOn, int(200));
        const requestedDue = addDays(due, 5 + int(120));
        if (approved) for (const d of [decidedOn, requestedDue, addDays(requestedDue, 1)]) dates.add(d);
        await db
          .insertInto('steerTaskExtensions')
          .values({
            taskId: task.id,
            requestedDue,
            previousDue: due,
            reason: 'test',
            status: approved ? 'approved' : 'refused',
            requestedBy: null,
            requestedAt: now,
            decidedBy: null,
            decidedAt: now,
            decidedOn,
            decisionNote: null,
          })
          .execute();
      }
      const reports = ongoing ? int(12) : int(3);
      for (let p = 0; p < reports; p++)
        await db
          .insertInto('steerProgressUpdates')
          .values({
            taskId: task.id,
            unitId: c.tree.communeA,
            kind: 'progress',
            percent: null,
            text: 'báo cáo',
            difficulties: null,
            proposals: null,
            reportedOn: addDays(assignedOn, int(400)),
            createdBy: null,
            createdAt: now,
            answer: null,
            answeredBy: null,
            answeredAt: null,
          })
          .execute();
    }
    for (let k = 0; k < 12; k++) dates.add(day(900));
  });
  afterAll(async () => c.t.close());

  /** deriveTaskStatus over every task's stored inputs, against each task's span on each date. */
  async function expectSpansMatchRule(asOfs: string[]) {
    await refreshStatusSpans(c.services.repo, c.t.deps.db);
    const rows = await c.services.repo.listTasks({ scopeRoots: null });
    const inputs = await loadStatusInputs(c.services.repo, rows);
    for (const asOf of asOfs) {
      const spans = await c.services.repo.statusSpansAsOf(
        rows.map((r) => r.id),
        asOf,
      );
      expect(spans.length).toBe(rows.length);
      const got = new Map(spans.map((s) => [s.taskId, { status: s.status, bucket: s.bucket }]));
      const want: Record<string, number> = {};
      for (const r of rows) {
        const derived = deriveTaskStatus(inputs.get(r.id)!, asOf);
        expect({ asOf, task: r.id, ...got.get(r.id) }).toEqual({
          asOf,
          task: r.id,
          status: derived.status,
          bucket: derived.bucket,
        });
        const key = `${derived.status}|${derived.bucket}`;
        want[key] = (want[key] ?? 0) + 1;
      }
      // Every task's count (no filter) comes from the spans' running sums, kept by triggers: the same counts.
      const sums = await c.services.repo.statusCountsAsOf({ scopeRoots: null }, asOf);
      expect({
        asOf,
        ...Object.fromEntries(sums.map((s) => [`${s.status}|${s.bucket}`, Number(s.n)])),
      }).toEqual({
        asOf,
        ...want,
      });
    }
    return { rows, inputs };
  }

  it('gives every task, on every date tried, the status deriveTaskStatus gives', async () => {
    expect(dates.size).toBeGreaterThan(100);
    await expectSpansMatchRule([...dates].sort());
  });

  it('reads a page of status inputs in one statement exactly as the chunked reads give them', async () => {
    const rows = await c.services.repo.listTasks({ scopeRoots: null });
    const one = await loadStatusInputs(c.services.repo, rows, undefined, 'one');
    const chunked = await loadStatusInputs(c.services.repo, rows, undefined, 'chunked');
    expect(rows.length).toBeGreaterThan(10);
    // The data has state changes, approved extensions and ongoing tasks' reports to compare.
    const all = [...one.values()];
    expect(all.some((i) => (i.history?.length ?? 0) > 0)).toBe(true);
    expect(all.some((i) => (i.extensions?.length ?? 0) > 0)).toBe(true);
    expect(all.some((i) => (i.progressReports?.length ?? 0) > 0)).toBe(true);
    // Progress dates are a set to the rule (its property tests give them in any order); the chunked read gives
    // them in no particular order.
    const sorted = (i: TaskStatusInput | undefined) => ({
      ...i,
      progressReports: [...(i?.progressReports ?? [])].sort(),
    });
    for (const [id, input] of one)
      expect({ id, ...sorted(input) }).toEqual({ id, ...sorted(chunked.get(id)) });
  });

  it('lists counts, a status filter and page statuses that agree with deriveTaskStatus', async () => {
    const { rows, inputs } = await expectSpansMatchRule([]);
    const sorted = [...dates].sort();
    const cases = ['2026-03-31', '2026-06-30', sorted[40], sorted[90]].flatMap((asOf) =>
      [
        c.people.secretariat,
        c.people.officerA,
        c.people.deptOfficer,
        c.people.provinceOfficer,
        c.people.viewer,
      ].map((actor) => ({ asOf, actor })),
    );
    let hiddenSeen = false;
    for (const { asOf, actor } of cases) {
      const list = await c.services.tasks.listTasks(actor, { asOf, pageSize: 1000 });
      if (list.total < rows.length) hiddenSeen = true;
      const derived = rows.map((r) => ({ id: r.id, s: deriveTaskStatus(inputs.get(r.id)!, asOf) }));
      const visible = new Set(list.items.map((i) => i.id));
      const status: Record<string, number> = {};
      const bucket: Record<string, number> = {};
      for (const d of derived.filter((x) => visible.has(x.id))) {
        status[d.s.status] = (status[d.s.status] ?? 0) + 1;
        if (d.s.bucket) bucket[d.s.bucket] = (bucket[d.s.bucket] ?? 0) + 1;
      }
      const nonZero = (o: Record<string, number>) =>
        Object.fromEntries(Object.entries(o).filter(([, n]) => n));
      expect(nonZero(list.counts.status)).toEqual(status);
      expect(nonZero(list.counts.bucket)).toEqual(bucket);
      expect(list.total).toBe(list.items.length);
      for (const item of list.items)
        expect(item.status?.status).toBe(derived.find((d) => d.id === item.id)?.s.status);
      const overdue = await c.services.tasks.listTasks(actor, {
        asOf,
        bucket: 'overdue',
        pageSize: 1000,
      });
      expect(overdue.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(
        derived
          .filter((d) => visible.has(d.id) && d.s.bucket === 'overdue')
          .map((d) => d.id)
          .sort((a, b) => a - b),
      );
      expect(overdue.total).toBe(bucket.overdue ?? 0);
      const page = await c.services.tasks.listTasks(actor, { asOf, page: 2, pageSize: 7 });
      expect(page.items.map((i) => i.id)).toEqual(list.items.slice(7, 14).map((i) => i.id));
    }
    // The unit officers see only their units' tasks (and not every confidential one): the counts are theirs.
    expect(hiddenSeen).toBe(true);
  });

  it('follows writes made behind the service (history, extensions, progress, deadlines, deletes)', async () => {
    const db = c.t.deps.db;
    const rows = await c.services.repo.listTasks({ scopeRoots: null });
    const [a, b, d, e] = rows;
    await db
      .insertInto('steerTaskHistory')
      .values({
        taskId: a.id,
        at: '2026-03-02T02:00:00.000Z',
        onDate: '2026-02-01',
        actorUserId: null,
        actorLabel: 'hand edit',
        kind: 'state',
        field: 'state',
        oldValue: null,
        newValue: 'cancelled',
        note: null,
      })
      .execute();
    await db
      .updateTable('steerTaskExtensions')
      .set({ status: 'approved', decidedOn: '2026-01-10' })
      .execute();
    await db
      .updateTable('steerTasks')
      .set({ deadlineDue: '2026-02-15', deadlineCycle: null })
      .where('id', '=', b.id)
      .execute();
    await db.deleteFrom('steerProgressUpdates').where('taskId', '=', d.id).execute();
    await db.deleteFrom('steerTaskHistory').where('taskId', '=', e.id).execute();
    expect(await c.services.repo.anyStaleStatus()).toBe(true);
    await expectSpansMatchRule([...dates].sort().filter((_, i) => i % 3 === 0));
  });

  it('rebuilds every task from nothing (npx dxboard rebuild-steer-status)', async () => {
    await c.t.deps.db.deleteFrom('steerTaskStatusSpans').execute();
    // Running sums gone wrong by a path the triggers never saw: the rebuild recomputes them from the spans.
    await c.t.deps.db.updateTable('steerTaskStatusDayCounts').set({ n: 7 }).execute();
    expect(await rebuildStatusSpans(c.services.repo, c.t.deps.db)).toBe(TASKS);
    await expectSpansMatchRule([...dates].sort().filter((_, i) => i % 5 === 0));
  });
});
