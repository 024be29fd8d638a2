import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PNG_1X1 } from '../../../../test/helpers/file-fixtures.js';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createSteerTestApp, type SteerTestContext } from './steer-tasks-test-fixtures.js';

// The plans/tasks/progress API on both databases: a plan issued and superseded, a task through its lifecycle with
// progress, evidence, proposals and an extension; status as of a date; bad input as Vietnamese problem+json with
// nothing half-saved.

describe.each(testDialects())('Steer plans and tasks API on %s', (dialect) => {
  let c: SteerTestContext;
  let secretariat: LoggedIn;
  let leader: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let dept: LoggedIn;
  let planId: number;
  let taskId: number;
  beforeAll(async () => {
    c = await createSteerTestApp(dialect);
    secretariat = await c.login('secretariat', c.tree.province);
    leader = await c.login('leader', c.tree.province);
    officerA = await c.login('officer', c.tree.communeA);
    officerB = await c.login('officer', c.tree.communeB);
    dept = await c.login('officer', c.tree.department);
  });
  afterAll(async () => c.t.close());

  const call = (who: LoggedIn | null, method: string, url: string, payload?: unknown) =>
    c.t.app.inject({
      method: method as 'POST',
      url,
      headers: { ...(who?.headers ?? {}), 'accept-language': 'vi' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const auditCount = async () =>
    Number(
      (
        await c.t.deps.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates, edits and issues a plan with its legal basis, audited', async () => {
    const created = await call(secretariat, 'POST', '/api/steer/plans', {
      numberSymbol: '3609/KH-BĐHCĐS',
      issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh',
      issuingUnitId: c.tree.province,
      issuedOn: '2026-01-15',
      title: 'Kế hoạch chuyển đổi số năm 2026',
      legalBasis: [{ title: 'Nghị quyết số 57-NQ/TW', url: 'https://example.vn/57' }],
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
    });
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    expect(created.json()).toMatchObject({
      status: 'draft',
      issuingUnit: { id: c.tree.province },
      legalBasis: [{ title: 'Nghị quyết số 57-NQ/TW', url: 'https://example.vn/57' }],
    });
    const issued = await call(secretariat, 'POST', `/api/steer/plans/${planId}/issue`);
    expect(issued.json().status).toBe('issued');
    const officerTry = await call(officerA, 'POST', '/api/steer/plans', {
      ...(created.json() as Record<string, unknown>),
      issuingUnitId: c.tree.province,
    });
    expect(officerTry.statusCode).toBe(400); // strict body: unknown fields refused before anything else
    const bad = await call(secretariat, 'POST', '/api/steer/plans', {
      numberSymbol: '1/KH',
      issuingBody: 'X',
      issuingUnitId: c.tree.province,
      issuedOn: '2026-01-15',
      title: 'X',
      periodFrom: '2026-12-01',
      periodTo: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe('Thời gian kế hoạch phải kết thúc sau khi bắt đầu');
  });

  it('assigns a task in a group; refuses two lead units and unreadable deadlines in Vietnamese', async () => {
    const group = await call(secretariat, 'POST', `/api/steer/plans/${planId}/groups`, {
      code: 'I',
      title: 'Chính quyền số',
    });
    expect(group.statusCode).toBe(201);
    const before = await auditCount();
    const two = await call(secretariat, 'POST', '/api/steer/tasks', {
      planId,
      title: 'X',
      leadUnitIds: [c.tree.communeA, c.tree.communeB],
      deadline: 'Quý II/2026',
    });
    expect(two.statusCode).toBe(400);
    expect(two.headers['content-type']).toContain('application/problem+json');
    expect(two.json().detail).toBe('Mỗi nhiệm vụ phải có đúng một đơn vị chủ trì (đang chọn 2)');
    const text = await call(secretariat, 'POST', '/api/steer/tasks', {
      planId,
      title: 'X',
      leadUnitIds: [c.tree.communeA],
      deadline: 'Quý V/2026',
    });
    expect(text.statusCode).toBe(400);
    expect(text.json().detail).toContain('"Quý V/2026"');
    expect(await auditCount()).toBe(before);
    const created = await call(secretariat, 'POST', '/api/steer/tasks', {
      planId,
      groupId: group.json().id,
      code: '1',
      title: 'Triển khai nền tảng số cấp xã',
      isKey: true,
      leadUnitIds: [c.tree.communeA],
      coordinatingUnitIds: [c.tree.department],
      kpiCode: 'EDOC_SENT',
      deadline: 'Tháng 6/2026',
    });
    expect(created.statusCode).toBe(201);
    taskId = created.json().id;
    expect(created.json().deadline).toMatchObject({
      written: 'Tháng 6/2026',
      kind: 'month',
      due: '2026-06-30',
    });
  });

  it('lets only the lead or a coordinating unit report progress, with evidence', async () => {
    const stranger = await call(officerB, 'POST', `/api/steer/tasks/${taskId}/progress`, { text: 'X' });
    expect(stranger.statusCode).toBe(404); // not even visible to a commune outside the task
    const provinceOfficer = await c.login('officer', c.tree.province);
    const above = await call(provinceOfficer, 'POST', `/api/steer/tasks/${taskId}/progress`, { text: 'X' });
    expect(above.statusCode).toBe(403);
    expect(above.json().detail).toContain('Chỉ đơn vị chủ trì hoặc đơn vị phối hợp');
    const upload = multipartBody({ name: 'bien-ban.png', data: PNG_1X1, contentType: 'image/png' });
    const file = await c.t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=evidence',
      headers: { ...officerA.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(file.statusCode).toBe(201);
    const report = await call(officerA, 'POST', `/api/steer/tasks/${taskId}/progress`, {
      percent: 40,
      text: 'Đã lắp đặt thiết bị',
      difficulties: 'Thiếu kinh phí',
      proposals: 'Đề nghị bổ sung kinh phí',
      fileIds: [file.json().id],
    });
    expect(report.statusCode).toBe(201);
    expect(report.json()).toMatchObject({ role: 'lead', percent: 40, files: [{ name: 'bien-ban.png' }] });
    const coord = await call(dept, 'POST', `/api/steer/tasks/${taskId}/progress`, {
      text: 'Sở đã hướng dẫn',
    });
    expect(coord.json()).toMatchObject({ role: 'coordinator', unit: { id: c.tree.department } });
    const answer = await call(
      secretariat,
      'POST',
      `/api/steer/tasks/${taskId}/progress/${report.json().id}/answer`,
      {
        answer: 'Đồng ý, Sở Tài chính bố trí',
      },
    );
    expect(answer.json().answer).toBe('Đồng ý, Sở Tài chính bố trí');
    const detail = (await call(officerA, 'GET', `/api/steer/tasks/${taskId}`)).json();
    expect(detail.task).toMatchObject({ state: 'in_progress', progressPercent: 40 });
    expect(detail.can).toMatchObject({ report: true, reportDone: true, verify: false, edit: false });
  });

  it('asks for an extension (not in the past), the committee decides, the original deadline is kept', async () => {
    const past = await call(officerA, 'POST', `/api/steer/tasks/${taskId}/extensions`, {
      requestedDue: '2026-01-10',
      reason: 'Chậm',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().detail).toBe(
      'Hạn mới 10/01/2026 đã qua (hôm nay là 02/03/2026); chọn một ngày từ hôm nay trở đi',
    );
    const byCoordinator = await call(dept, 'POST', `/api/steer/tasks/${taskId}/extensions`, {
      requestedDue: '2026-09-30',
      reason: 'Chậm',
    });
    expect(byCoordinator.statusCode).toBe(403);
    const asked = await call(officerA, 'POST', `/api/steer/tasks/${taskId}/extensions`, {
      requestedDue: '2026-09-30',
      reason: 'Chờ kinh phí',
    });
    expect(asked.statusCode).toBe(201);
    const byOfficer = await call(
      officerA,
      'POST',
      `/api/steer/tasks/${taskId}/extensions/${asked.json().id}/decision`,
      {
        decision: 'approve',
      },
    );
    expect(byOfficer.statusCode).toBe(403);
    c.t.clock.set('2026-03-05T03:00:00.000Z');
    // Sessions idle out over three days: sign in again.
    secretariat = await c.login('secretariat', c.tree.province);
    leader = await c.login('leader', c.tree.province);
    officerA = await c.login('officer', c.tree.communeA);
    officerB = await c.login('officer', c.tree.communeB);
    dept = await c.login('officer', c.tree.department);
    const decided = await call(
      leader,
      'POST',
      `/api/steer/tasks/${taskId}/extensions/${asked.json().id}/decision`,
      {
        decision: 'approve',
      },
    );
    expect(decided.json()).toMatchObject({
      status: 'approved',
      decidedOn: '2026-03-05',
      previousDue: '2026-06-30',
    });
    const task = (await call(officerA, 'GET', `/api/steer/tasks/${taskId}`)).json().task;
    expect(task).toMatchObject({ currentDue: '2026-09-30', extended: true, deadline: { due: '2026-06-30' } });
    // As of a day before the approval the original deadline was in force.
    const july = await call(officerA, 'GET', `/api/steer/tasks?asOf=2026-07-15&planId=${planId}`);
    expect(july.json().items[0].status).toMatchObject({ status: 'in_progress', extended: true });
    const early = (await call(officerA, 'GET', `/api/steer/tasks/${taskId}?asOf=2026-03-04`)).json().task
      .status;
    expect(early.extended).toBe(false);
  });

  it('runs the lifecycle: report done by the lead, verification by the secretariat only', async () => {
    const noEvidence = await call(officerA, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
      action: 'report_done',
    });
    expect(noEvidence.statusCode).toBe(400);
    const done = await call(officerA, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
      action: 'report_done',
      text: 'Hoàn thành, Quyết định số 12/QĐ-UBND',
    });
    expect(done.json()).toMatchObject({ state: 'reported_done', progressPercent: 100 });
    const selfVerify = await call(officerA, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
      action: 'verify',
    });
    expect(selfVerify.statusCode).toBe(403);
    expect(selfVerify.json().detail).toContain('Chỉ cơ quan thường trực');
    const noReason = await call(secretariat, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
      action: 'return',
    });
    expect(noReason.statusCode).toBe(400);
    const returned = await call(secretariat, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
      action: 'return',
      reason: 'Thiếu biên bản nghiệm thu',
    });
    expect(returned.json().state).toBe('returned');
    await call(officerA, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
      action: 'report_done',
      text: 'Bổ sung biên bản',
    });
    const verified = await call(secretariat, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
      action: 'verify',
    });
    expect(verified.json()).toMatchObject({
      state: 'verified_done',
      status: { status: 'done_on_time', verified: true },
    });
    const again = await call(secretariat, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
      action: 'return',
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
    const history = (await call(secretariat, 'GET', `/api/steer/tasks/${taskId}`)).json().history;
    expect(
      history
        .filter((h: { kind: string }) => h.kind === 'state')
        .map((h: { newValue: string }) => h.newValue),
    ).toEqual(['in_progress', 'reported_done', 'returned', 'reported_done', 'verified_done']);
  });

  it('filters the list by unit (with coordinators and subtree), key flag, status and due range', async () => {
    const overdue = await call(secretariat, 'POST', '/api/steer/tasks', {
      planId,
      title: 'Số hóa hồ sơ',
      leadUnitIds: [c.tree.communeB],
      deadline: '15/02/2026',
    });
    expect(overdue.statusCode).toBe(201);
    const byDept = (await call(secretariat, 'GET', `/api/steer/tasks?unitId=${c.tree.department}`)).json();
    expect(byDept.items.map((t: { id: number }) => t.id)).toEqual([taskId]);
    const leadOnly = (
      await call(secretariat, 'GET', `/api/steer/tasks?unitId=${c.tree.department}&role=lead`)
    ).json();
    expect(leadOnly.items).toEqual([]);
    const late = (await call(secretariat, 'GET', '/api/steer/tasks?status=overdue')).json();
    expect(late.items.map((t: { title: string }) => t.title)).toEqual(['Số hóa hồ sơ']);
    expect(late.items[0].status.daysOverdue).toBe(18);
    const key = (await call(secretariat, 'GET', '/api/steer/tasks?isKey=true')).json();
    expect(key.items.map((t: { id: number }) => t.id)).toEqual([taskId]);
    const range = (
      await call(secretariat, 'GET', '/api/steer/tasks?dueFrom=2026-02-01&dueTo=2026-02-28')
    ).json();
    expect(range.items.map((t: { title: string }) => t.title)).toEqual(['Số hóa hồ sơ']);
    const mine = (await call(officerB, 'GET', `/api/steer/plans/${planId}/tree`)).json();
    expect(mine.tasks.map((t: { title: string }) => t.title)).toEqual(['Số hóa hồ sơ']);
  });

  it('supersedes an issued plan by another; no task is added to a superseded plan', async () => {
    const next = await call(secretariat, 'POST', '/api/steer/plans', {
      numberSymbol: '4000/KH-BĐHCĐS',
      issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh',
      issuingUnitId: c.tree.province,
      issuedOn: '2026-03-01',
      title: 'Kế hoạch điều chỉnh',
      periodFrom: '2026-03-01',
      periodTo: '2026-12-31',
    });
    const draftTry = await call(secretariat, 'POST', `/api/steer/plans/${planId}/supersede`, {
      supersededById: next.json().id,
    });
    expect(draftTry.statusCode).toBe(409);
    await call(secretariat, 'POST', `/api/steer/plans/${next.json().id}/issue`);
    const done = await call(secretariat, 'POST', `/api/steer/plans/${planId}/supersede`, {
      supersededById: next.json().id,
    });
    expect(done.json()).toMatchObject({
      status: 'superseded',
      supersededBy: { numberSymbol: '4000/KH-BĐHCĐS' },
    });
    const late = await call(secretariat, 'POST', '/api/steer/tasks', {
      planId,
      title: 'X',
      leadUnitIds: [c.tree.communeA],
      deadline: '2026',
    });
    expect(late.statusCode).toBe(409);
  });
});
