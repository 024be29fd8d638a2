import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import { createKpiReader } from '../../kpis/kpis.module.js';
import { createSteerTestApp, insertPlan, type SteerTestContext } from '../tasks/steer-tasks-test-fixtures.js';
import { createReportsRepository } from './reports.repository.js';

// Periodic reports and the leader dashboard over HTTP, on both databases: five tasks of Q1/2026 with a
// hand-computed table, issuing a report (snapshot, audit, task KPIs that Measure's reader finds), the snapshot
// unchanged after the tasks change, the dashboard's cache following task writes, and refusals.

describe.each(testDialects())('Steer reports on %s', (dialect) => {
  let c: SteerTestContext;
  let secretariat: LoggedIn;
  let leader: LoggedIn;
  let officerB: LoggedIn;
  const ids: Record<string, number> = {};

  const at = (iso: string) => c.t.clock.set(`${iso}T03:00:00.000Z`);
  const get = async (who: LoggedIn, url: string) => {
    const res = await c.t.app.inject({ method: 'GET', url, headers: who.headers });
    return res;
  };
  // Sessions expire (12 h): sign in again after moving the clock.
  const signIn = async () => {
    secretariat = await c.login('secretariat', c.tree.province);
    leader = await c.login('leader', c.tree.province);
    officerB = await c.login('officer', c.tree.communeB);
  };

  beforeAll(async () => {
    c = await createSteerTestApp(dialect, '2026-01-06T03:00:00.000Z');
    const { tree, people } = c;
    const plan = await insertPlan(c, { issuedOn: '2026-01-05', numberSymbol: '15/KH-BCĐ' });
    const task = async (key: string, lead: number, deadline: string) => {
      const t = await c.services.tasks.createTask(c.ctx(people.secretariat), {
        planId: plan.id,
        title: `Nhiệm vụ ${key}`,
        leadUnitIds: [lead],
        deadline,
        isKey: key === 'T4',
      });
      ids[key] = t.id;
    };
    await task('T1', tree.communeA, '15/02/2026');
    await task('T2', tree.communeA, '28/02/2026');
    await task('T3', tree.communeB, '31/03/2026');
    await task('T4', tree.communeB, 'Tháng 2/2026');
    await task('T5', tree.department, 'Quý II/2026');
    const done = async (key: string, date: string) => {
      at(date);
      await c.services.tasks.transition(c.ctx(people.officerA), ids[key], {
        action: 'report_done',
        text: 'Xong',
      });
    };
    await done('T1', '2026-02-10');
    await done('T2', '2026-03-05');
    at('2026-04-02');
    await signIn();
  });
  afterAll(async () => c?.t.close());

  it('previews Q1/2026 as the hand-computed table says', async () => {
    const res = await get(leader, `/api/steer/reports/preview?unitId=${c.tree.province}&period=2026-Q1`);
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.asOf).toBe('2026-03-31');
    expect(doc.period.label).toBe('Quý I/2026');
    expect(doc.totals).toMatchObject({
      // T1 on time · T2 late · T3 (due 31/03) and T5 in progress · T4 overdue since 28/02
      split: { done_on_time: 1, done_late: 1, in_progress: 2, overdue: 1 },
      total: 5,
      due: 4,
      completionRate: 0.5,
      onTimeRate: 0.25,
      overdue: 1,
      overdueBefore: 0,
      overdueChange: 1,
    });
    expect(doc.units.map((u: { unitId: number; rank: number | null }) => [u.unitId, u.rank])).toEqual([
      [c.tree.communeA, 1],
      [c.tree.communeB, 2],
      [c.tree.department, null],
    ]);
    expect(doc.overdueList).toMatchObject([{ taskId: ids.T4, daysOverdue: 31, isKey: true }]);
  });

  it('issues the report: stored, audited, task KPIs written where Measure reads them', async () => {
    const res = await c.t.app.inject({
      method: 'POST',
      url: '/api/steer/reports',
      headers: secretariat.headers,
      payload: { unitId: c.tree.province, period: '2026-Q1', numberSymbol: '45/BC-SKHCN' },
    });
    expect(res.statusCode).toBe(201);
    const issued = res.json();
    ids.report = issued.id;
    expect(issued).toMatchObject({
      periodLabel: 'Quý I/2026',
      asOf: '2026-03-31',
      taskCount: 5,
      onTimeRate: 0.25,
    });
    const audit = await c.t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'unitId'])
      .where('entity', '=', 'steer_report')
      .execute();
    expect(audit).toEqual([{ action: 'steer.report.issue', unitId: c.tree.province }]);
    const reader = createKpiReader(c.t.deps);
    // The yearly figure a Measure component reads sums the quarters' parts.
    expect(await reader.getKpiValue(c.tree.province, 'steer.task_on_time_rate', '2026')).toMatchObject({
      numerator: 1,
      denominator: 4,
      derived: 25,
    });
    expect(await reader.getKpiValue(c.tree.communeA, 'steer.task_on_time_rate', '2026-Q1')).toMatchObject({
      derived: 50,
    });
    expect(await reader.getKpiValue(c.tree.communeB, 'STEER_TASK_COMPLETION_RATE', '2026-Q1')).toMatchObject({
      numerator: 0,
      denominator: 2,
    });
  });

  it('keeps the issued numbers after the tasks change; a new preview shows the change', async () => {
    at('2026-04-03');
    await c.services.tasks.updateTask(c.ctx(c.people.secretariat), ids.T3, {
      deadline: '15/03/2026',
      title: 'Nhiệm vụ T3 (đã sửa)',
    });
    await signIn();
    const preview = (
      await get(leader, `/api/steer/reports/preview?unitId=${c.tree.province}&period=2026-Q1`)
    ).json();
    expect(preview.totals.overdue).toBe(2);
    const issued = (await get(leader, `/api/steer/reports/${ids.report}`)).json();
    expect(issued.document.totals.overdue).toBe(1);
    expect(issued.document.totals.split).toEqual({
      done_on_time: 1,
      done_late: 1,
      in_progress: 2,
      overdue: 1,
    });
    const xlsx = await get(leader, `/api/steer/reports/${ids.report}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const overdueSheet = book.getWorksheet('Nhiệm vụ quá hạn')!;
    expect(overdueSheet.rowCount).toBe(2);
    expect(overdueSheet.getRow(2).getCell(3).value).toBe('Nhiệm vụ T4');
    const docx = await get(leader, `/api/steer/reports/${ids.report}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const list = (await get(leader, `/api/steer/reports?unitId=${c.tree.province}`)).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([ids.report]);
  });

  it('the dashboard: four-way split, what changed, key tasks overdue; follows task writes', async () => {
    const url = `/api/steer/dashboard?unitId=${c.tree.province}&asOf=2026-04-06`;
    const first = (await get(leader, url)).json();
    expect(first.period.code).toBe('2026-Q2');
    expect(first.previousAsOf).toBe('2026-03-31');
    // T3 now due 15/03 and not done: overdue with T4
    expect(first.totals.split).toEqual({ done_on_time: 1, done_late: 1, in_progress: 1, overdue: 2 });
    expect(first.keyOverdue.map((o: { taskId: number }) => o.taskId)).toEqual([ids.T4]);
    at('2026-04-05');
    await c.services.tasks.transition(c.ctx(c.people.officerB), ids.T4, {
      action: 'report_done',
      text: 'Xong',
    });
    await signIn();
    const second = (await get(leader, url)).json();
    expect(second.totals.split).toEqual({ done_on_time: 1, done_late: 2, in_progress: 1, overdue: 1 });
    expect(second.changeCounts['overdue>done_late']).toBe(1);
    expect(second.keyOverdue).toEqual([]);
  });

  it("the dashboard's one read equals the separate reads it replaced (closure rows, unit, stamp)", async () => {
    const repo = createReportsRepository(c.t.deps.db);
    // The merged commune inherits communeA's ancestors through lineage: closure rows of both kinds.
    for (const unitId of [c.tree.province, c.tree.communeA, c.tree.oldCommune]) {
      const head = await repo.scopeWithStamp(unitId);
      expect([...head.ancestors].sort()).toEqual([...(await unitAncestorIds(c.t.deps.db, unitId))].sort());
      expect(head.scope).toEqual(await repo.scopeUnit(unitId));
      expect(head.stamp).toBe(await repo.stamp());
    }
    const unknown = await repo.scopeWithStamp(987_654);
    expect(unknown).toEqual({ ancestors: [], scope: undefined, stamp: await repo.stamp() });
    // A unit's rename moves the stamp (names are part of the answer).
    const before = (await repo.scopeWithStamp(c.tree.province)).stamp;
    await c.t.deps.db
      .updateTable('units')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', c.tree.province)
      .execute();
    expect((await repo.scopeWithStamp(c.tree.province)).stamp).not.toBe(before);
    // An unknown unit is covered by nobody's scope: 403 before any 404, as the guard answers.
    expect((await get(leader, '/api/steer/dashboard?unitId=987654')).statusCode).toBe(403);
  });

  it('refuses a bad period, a future period, a unit outside the scope and an officer issuing', async () => {
    const bad = await get(leader, `/api/steer/reports/preview?unitId=${c.tree.province}&period=2026-Q5`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('problem+json');
    const future = await get(leader, `/api/steer/reports/preview?unitId=${c.tree.province}&period=2027`);
    expect(future.statusCode).toBe(400);
    expect(future.json().fieldErrors?.[0]?.message ?? future.body).toMatch(/chưa bắt đầu/);
    const outside = await get(officerB, `/api/steer/dashboard?unitId=${c.tree.communeA}`);
    expect(outside.statusCode).toBe(403);
    const officerIssue = await c.t.app.inject({
      method: 'POST',
      url: '/api/steer/reports',
      headers: officerB.headers,
      payload: { unitId: c.tree.communeB, period: '2026-Q1' },
    });
    expect(officerIssue.statusCode).toBe(403);
    const other = await get(officerB, `/api/steer/reports/${ids.report}`);
    expect(other.statusCode).toBe(403);
  });
});
