import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { multipartBody } from '../../../test/helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { bodyText, startSmtp } from '../../../test/helpers/smtp-receiver.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createDeps } from '../../deps-factory.js';
import { createKpiReader } from '../kpis/kpis.module.js';
import { buildSampleAppendix, type SampleRow } from './import/appendix-sample.js';
import { createSteerTaskServices, createUrgingServices } from './steer.module.js';
import { createSteerTestApp, type SteerTestContext } from './tasks/steer-tasks-test-fixtures.js';
import { REMINDER_JOB } from './urging/reminders.service.js';

// Steer's journey over HTTP on both databases, with a second app instance on the same database (as two
// processes behind nginx) and a real SMTP server: the secretariat imports a plan's task appendix (preview,
// confirm) → lead units report progress → one task goes overdue (the injected clock moves) → the daily
// urging job, queued in BOTH instances and then forced again in both at once, records one reminder and the
// one notification service mails each recipient exactly once, the officer's centre shows it → the lead unit
// asks for an extension, the leader approves it → the task is reported done and verified by the secretariat
// → the Q1 report is issued and matches the hand-computed table → the on-time KPI of the lead unit is written
// where Measure reads it.

const ROWS: SampleRow[] = [
  { stt: 'I', title: 'CHÍNH QUYỀN SỐ' },
  {
    stt: 1,
    title: 'Triển khai nền tảng họp trực tuyến cấp tỉnh',
    lead: 'Sở KH&CN',
    coordinators: 'UBND phường Phan Đình Phùng',
    deadline: 'Tháng 2/2026',
    product: 'Nền tảng vận hành',
  },
  { stt: 2, title: 'Số hóa hồ sơ một cửa cấp xã', lead: 'UBND phường Phan Đình Phùng', deadline: 'Quý I' },
  { stt: 'II', title: 'KINH TẾ SỐ' },
  { stt: 1, title: 'Đào tạo kỹ năng số cho hộ kinh doanh', lead: 'UBND xã Đại Phúc', deadline: 'Quý II' },
];

/** A second app process on the same database (its own connections, queue and SMTP mailer). */
async function secondInstance(c: SteerTestContext, smtpUrl: string) {
  const database = c.t.database.reopen();
  const config = loadConfig({
    DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/dxboard-test-data`,
    SMTP_URL: smtpUrl,
  });
  const deps = await createDeps(config, { database, clock: c.t.clock });
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

describe.each(testDialects())('Steer journey on %s', (dialect) => {
  let c: SteerTestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let b: Awaited<ReturnType<typeof secondInstance>>;
  let planId: number;
  const ids: Record<'meeting' | 'records' | 'training', number> = { meeting: 0, records: 0, training: 0 };
  // Fixed people (signing in again after the clock moves reuses them by e-mail).
  const EMAIL = {
    secretariat: 'thu.ky@bcd.example.vn',
    leader: 'lanh.dao@tinh.example.vn',
    dept: 'can.bo@skhcn.example.vn',
    communeA: 'can.bo@phandinhphung.example.vn',
  };
  const who: Record<keyof typeof EMAIL, LoggedIn> = {} as Record<keyof typeof EMAIL, LoggedIn>;

  const signIn = async () => {
    who.secretariat = await signInAs('secretariat', c.tree.province, EMAIL.secretariat);
    who.leader = await signInAs('leader', c.tree.province, EMAIL.leader);
    who.dept = await signInAs('officer', c.tree.department, EMAIL.dept);
    who.communeA = await signInAs('officer', c.tree.communeA, EMAIL.communeA);
  };
  const signInAs = (role: 'secretariat' | 'leader' | 'officer', unitId: number, email: string) =>
    loginAs(c.t, { role, unitId, email });
  /** 10:00 in Hà Nội on that date. */
  const at = async (date: string) => {
    c.t.clock.set(`${date}T03:00:00.000Z`);
    await signIn();
  };
  const call = (
    as: LoggedIn,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    app: FastifyInstance = c.t.app,
  ) =>
    app.inject({
      method,
      url,
      headers: { ...as.headers, 'accept-language': 'vi' },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    c = await createSteerTestApp(dialect, '2026-01-12T03:00:00.000Z', { SMTP_URL: smtp.url });
    b = await secondInstance(c, smtp.url);
    await signIn();
    const plan = await call(who.secretariat, 'POST', '/api/steer/plans', {
      numberSymbol: '12/KH-BCĐCĐS',
      issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh',
      issuingUnitId: c.tree.province,
      issuedOn: '2026-01-10',
      title: 'Kế hoạch chuyển đổi số năm 2026',
      legalBasis: [],
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = plan.json().id;
    expect((await call(who.secretariat, 'POST', `/api/steer/plans/${planId}/issue`, {})).statusCode).toBe(
      200,
    );
  }, 90_000);
  afterAll(async () => {
    await b?.close();
    await c?.t.close();
    await smtp?.close();
  });

  it('imports the task appendix: preview first, nothing saved, then confirmed', async () => {
    const file = await buildSampleAppendix(2026, { rows: ROWS });
    const body = multipartBody({ name: 'phu-luc.xlsx', data: file });
    const uploaded = await c.t.app.inject({
      method: 'POST',
      url: `/api/steer/plans/${planId}/imports`,
      headers: { ...who.secretariat.headers, ...body.headers, 'accept-language': 'vi' },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const preview = uploaded.json();
    expect(preview).toMatchObject({ status: 'ready', taskCount: 3, errorCount: 0, unresolved: [] });
    expect(
      await c.t.deps.db.selectFrom('steerTasks').select('id').where('planId', '=', planId).execute(),
    ).toEqual([]);
    const confirmed = await call(who.secretariat, 'POST', `/api/steer/imports/${preview.id}/confirm`, {
      resolutions: [],
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', result: { groups: 2, tasks: 3 } });
    const rows = await c.t.deps.db
      .selectFrom('steerTasks')
      .select(['id', 'title', 'leadUnitId', 'deadlineDue'])
      .where('planId', '=', planId)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.leadUnitId, r.deadlineDue])).toEqual([
      [c.tree.department, '2026-02-28'],
      [c.tree.communeA, '2026-03-31'],
      [c.tree.communeB, '2026-06-30'],
    ]);
    [ids.meeting, ids.records, ids.training] = rows.map((r) => r.id);
  });

  it('lead units report progress; a unit that is neither lead nor coordinator is refused', async () => {
    await at('2026-02-10');
    const dept = await call(who.dept, 'POST', `/api/steer/tasks/${ids.meeting}/progress`, {
      percent: 60,
      text: 'Đã lắp đặt thiết bị tại 5 điểm cầu',
      difficulties: 'Đường truyền cấp xã chưa ổn định',
    });
    expect(dept.statusCode, dept.body).toBe(201);
    expect(dept.json()).toMatchObject({ role: 'lead', percent: 60 });
    const coordinator = await call(who.communeA, 'POST', `/api/steer/tasks/${ids.meeting}/progress`, {
      text: 'Phường đã bố trí phòng họp',
    });
    expect(coordinator.json()).toMatchObject({ role: 'coordinator' });
    const records = await call(who.communeA, 'POST', `/api/steer/tasks/${ids.records}/progress`, {
      percent: 30,
      text: 'Đã số hóa 300 hồ sơ',
    });
    expect(records.statusCode).toBe(201);
    // Another commune does not even see the task; the province's officer sees it but may not report on it.
    const hidden = await call(who.communeA, 'POST', `/api/steer/tasks/${ids.training}/progress`, {
      text: 'X',
    });
    expect(hidden.statusCode).toBe(404);
    const above = await signInAs('officer', c.tree.province, 'can.bo@tinh.example.vn');
    const refused = await call(above, 'POST', `/api/steer/tasks/${ids.training}/progress`, { text: 'X' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toContain('Chỉ đơn vị chủ trì hoặc đơn vị phối hợp');
    const task = (await call(who.dept, 'GET', `/api/steer/tasks/${ids.meeting}`)).json().task;
    expect(task).toMatchObject({ state: 'in_progress', progressPercent: 60 });
  });

  it('the task goes overdue; the urging job in two instances, run twice, mails each recipient once', async () => {
    await at('2026-03-02');
    const status = (await call(who.dept, 'GET', `/api/steer/tasks/${ids.meeting}`)).json().task.status;
    expect(status).toMatchObject({ status: 'overdue', daysOverdue: 2 });

    // The hourly tick fires in both processes at once.
    await Promise.all([c.t.deps.jobs.enqueue(REMINDER_JOB, null), b.deps.jobs.enqueue(REMINDER_JOB, null)]);
    await vi.waitFor(
      async () =>
        expect(
          await c.t.deps.db
            .selectFrom('steerUrgingRuns')
            .selectAll()
            .where('runOn', '=', '2026-03-02')
            .execute(),
        ).toHaveLength(1),
      { timeout: 20_000, interval: 100 },
    );
    // And once more, forced, in both at once: every reminder of the day is already logged.
    const jobOf = (deps: typeof c.t.deps) =>
      createUrgingServices(deps, createSteerTaskServices(deps)).reminders;
    const again = await Promise.all([
      jobOf(c.t.deps).run({ force: true }),
      jobOf(b.deps).run({ force: true }),
    ]);
    expect(again.map((r) => r.sent)).toEqual([0, 0]);

    const reminders = await c.t.deps.db
      .selectFrom('steerReminders')
      .select(['taskId', 'kind', 'days', 'unitId'])
      .execute();
    // Records (due 31/03) and training (30/06) are more than 7 days away: nothing for them.
    expect(reminders).toEqual([{ taskId: ids.meeting, kind: 'overdue', days: 2, unitId: c.tree.department }]);

    // Recipients: the department's officers and those covering it (the province's officer from the fixture),
    // and whoever created the task (the secretariat who confirmed the import).
    const officers = await c.t.deps.db
      .selectFrom('roleAssignments')
      .innerJoin('users', 'users.id', 'roleAssignments.userId')
      .select('users.email')
      .where('roleAssignments.role', '=', 'officer')
      .where('roleAssignments.unitId', 'in', [c.tree.department, c.tree.province])
      .execute();
    const expected = [...officers.map((o) => o.email), EMAIL.secretariat].sort();
    expect(expected).toContain(EMAIL.dept);
    await vi.waitFor(() => expect([...new Set(smtp.inbox.flatMap((m) => m.to))].sort()).toEqual(expected), {
      timeout: 20_000,
      interval: 100,
    });
    // Give any duplicate job time to arrive, then count: exactly one message per person.
    await new Promise((r) => setTimeout(r, 1_500));
    for (const email of expected) expect(smtp.inbox.filter((m) => m.to.includes(email))).toHaveLength(1);
    expect(smtp.inbox).toHaveLength(expected.length);
    const mail = smtp.inbox.find((m) => m.to.includes(EMAIL.dept));
    const text = bodyText(mail?.raw ?? '');
    expect(text).toContain('Triển khai nền tảng họp trực tuyến cấp tỉnh');
    expect(text).toContain('quá hạn 2 ngày');
    expect(text).toContain('28/02/2026');

    // The notification centre (through the other instance) shows it once.
    const centre = await call(who.dept, 'GET', '/api/notifications?sort=newest', undefined, b.app);
    expect(centre.statusCode).toBe(200);
    const titles = (centre.json() as { items: { title: string }[] }).items.map((i) => i.title);
    expect(titles.filter((t) => t === 'Nhiệm vụ quá hạn 2 ngày')).toHaveLength(1);
    const otherCommune = await signInAs('officer', c.tree.communeB, 'can.bo@daiphuc.example.vn');
    expect((await call(otherCommune, 'GET', '/api/notifications')).json().items).toEqual([]);
  });

  it('the lead unit asks for an extension; the leader approves it; the original deadline is kept', async () => {
    const past = await call(who.dept, 'POST', `/api/steer/tasks/${ids.meeting}/extensions`, {
      requestedDue: '2026-02-27',
      reason: 'Chờ đường truyền',
    });
    expect(past.statusCode).toBe(400);
    const asked = await call(who.dept, 'POST', `/api/steer/tasks/${ids.meeting}/extensions`, {
      requestedDue: '2026-03-20',
      reason: 'Chờ nâng cấp đường truyền cấp xã',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const byOfficer = await call(
      who.dept,
      'POST',
      `/api/steer/tasks/${ids.meeting}/extensions/${asked.json().id}/decision`,
      { decision: 'approve' },
    );
    expect(byOfficer.statusCode).toBe(403);
    await at('2026-03-03');
    const decided = await call(
      who.leader,
      'POST',
      `/api/steer/tasks/${ids.meeting}/extensions/${asked.json().id}/decision`,
      { decision: 'approve' },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'approved',
      decidedOn: '2026-03-03',
      previousDue: '2026-02-28',
    });
    const task = (await call(who.dept, 'GET', `/api/steer/tasks/${ids.meeting}`)).json().task;
    expect(task).toMatchObject({ currentDue: '2026-03-20', extended: true, deadline: { due: '2026-02-28' } });
    expect(task.status).toMatchObject({ status: 'in_progress', extended: true });
  });

  it('reported done by the lead unit and verified by the secretariat', async () => {
    await at('2026-03-18');
    const done = await call(who.dept, 'POST', `/api/steer/tasks/${ids.meeting}/transitions`, {
      action: 'report_done',
      text: 'Nền tảng họp trực tuyến đã vận hành, Quyết định số 45/QĐ-SKHCN',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'reported_done', progressPercent: 100 });
    const selfVerify = await call(who.dept, 'POST', `/api/steer/tasks/${ids.meeting}/transitions`, {
      action: 'verify',
    });
    expect(selfVerify.statusCode).toBe(403);
    await at('2026-03-19');
    const verified = await call(who.secretariat, 'POST', `/api/steer/tasks/${ids.meeting}/transitions`, {
      action: 'verify',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    // Done before the extended deadline (on time), though after the original one.
    expect(verified.json()).toMatchObject({
      state: 'verified_done',
      status: { status: 'done_on_time', verified: true, lateAgainstOriginal: true },
    });
    // The records task is reported done after its deadline (31/03), on 03/04 — below.
  });

  it('issues the Q1 report: numbers as the hand-computed table; the on-time KPI written for the lead unit', async () => {
    await at('2026-04-03');
    const late = await call(who.communeA, 'POST', `/api/steer/tasks/${ids.records}/transitions`, {
      action: 'report_done',
      text: 'Hoàn thành số hóa',
    });
    expect(late.statusCode, late.body).toBe(200);
    await at('2026-04-06');
    // Q1/2026 as of 31/03: meeting (extended to 20/03, done 18/03) on time; records (due 31/03, not done on
    // 31/03) in progress on its last day; training (due 30/06) in progress, listed but not due in the quarter.
    const res = await call(who.secretariat, 'POST', '/api/steer/reports', {
      unitId: c.tree.province,
      period: '2026-Q1',
      numberSymbol: '30/BC-BCĐCĐS',
    });
    expect(res.statusCode, res.body).toBe(201);
    const issued = res.json();
    expect(issued).toMatchObject({ periodLabel: 'Quý I/2026', asOf: '2026-03-31', taskCount: 3 });
    const doc = (await call(who.leader, 'GET', `/api/steer/reports/${issued.id}`)).json().document;
    expect(doc.totals).toMatchObject({
      split: { done_on_time: 1, done_late: 0, in_progress: 2, overdue: 0 },
      total: 3,
      due: 2,
      completionRate: 0.5,
      onTimeRate: 0.5,
      overdue: 0,
    });
    const reader = createKpiReader(c.t.deps);
    expect(await reader.getKpiValue(c.tree.department, 'steer.task_on_time_rate', '2026-Q1')).toMatchObject({
      numerator: 1,
      denominator: 1,
      derived: 100,
    });
    expect(await reader.getKpiValue(c.tree.communeA, 'steer.task_on_time_rate', '2026-Q1')).toMatchObject({
      numerator: 0,
      denominator: 1,
      derived: 0,
    });
    // Read through the other instance too: one database, one truth.
    expect(
      await createKpiReader(b.deps).getKpiValue(c.tree.province, 'steer.task_on_time_rate', '2026-Q1'),
    ).toMatchObject({ numerator: 1, denominator: 2, derived: 50 });
  });
});
