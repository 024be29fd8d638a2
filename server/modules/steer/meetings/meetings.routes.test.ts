import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PNG_1X1 } from '../../../../test/helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { publishedPeriod, unzip } from '../../measure/exports/exports.test-helpers.js';
import { createSteerTestApp, type SteerTestContext } from '../tasks/steer-tasks-test-fixtures.js';

// Committee meetings on both databases: a meeting with attendees, agenda, documents and its notice; conclusions
// turned into tasks in one step (source: the notice), their live status on the meeting; refusals as Vietnamese
// problem+json with nothing half-saved; the briefing pack's content against seeded tasks, progress, a published
// DX-index period and KPI values. The clock stands at 20/05/2026 (Vietnam).

const NOW = '2026-05-20T02:00:00.000Z';

describe.each(testDialects())('Steer meetings API on %s', (dialect) => {
  let c: SteerTestContext;
  let secretariat: LoggedIn;
  let leader: LoggedIn;
  let officerB: LoggedIn;
  let deptOfficer: LoggedIn;
  let meetingId: number;
  beforeAll(async () => {
    c = await createSteerTestApp(dialect, NOW);
    secretariat = await c.login('secretariat', c.tree.province);
    leader = await c.login('leader', c.tree.province);
    officerB = await c.login('officer', c.tree.communeB);
    deptOfficer = await c.login('officer', c.tree.department);
  });
  afterAll(async () => c.t.close());

  const call = (who: LoggedIn | null, method: string, url: string, payload?: unknown, lang = 'vi') =>
    c.t.app.inject({
      method: method as 'POST',
      url,
      headers: { ...(who?.headers ?? {}), 'accept-language': lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const count = async (table: 'steerMeetings' | 'steerTasks' | 'steerMeetingConclusions' | 'auditLog') =>
    Number(
      (
        await c.t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const meetingUrl = (rest = '') => `/api/steer/meetings/${meetingId}${rest}`;
  const firstMeeting = {
    unitId: 0,
    title: 'Họp Ban Chỉ đạo quý I/2026',
    kind: 'regular_quarterly',
    date: '2026-03-10',
    time: '08:30',
    location: 'Phòng họp số 1, UBND tỉnh',
    chairName: 'Nguyễn Văn An',
    chairTitle: 'Chủ tịch UBND tỉnh, Trưởng ban',
    attendees: [
      { unitId: 0, representative: 'Giám đốc Sở' },
      { unitId: 0, representative: null },
    ],
    agenda: [{ title: 'Đánh giá kết quả quý I', presenterUnitId: 0 }, { title: 'Nhiệm vụ quý II' }],
  };

  it('records a meeting (Vietnam time), audited, and shows it to readers of the committee only', async () => {
    const auditBefore = await count('auditLog');
    const res = await call(secretariat, 'POST', '/api/steer/meetings', {
      ...firstMeeting,
      unitId: c.tree.province,
      attendees: [
        { unitId: c.tree.department, representative: 'Giám đốc Sở' },
        { unitId: c.tree.communeA, representative: null },
      ],
      agenda: [
        { title: 'Đánh giá kết quả quý I', presenterUnitId: c.tree.department },
        { title: 'Nhiệm vụ quý II' },
      ],
    });
    expect(res.statusCode).toBe(201);
    meetingId = res.json().id;
    expect(res.json()).toMatchObject({
      date: '2026-03-10',
      time: '08:30',
      startsAt: '2026-03-10T01:30:00.000Z',
      kind: 'regular_quarterly',
      chairName: 'Nguyễn Văn An',
      attendees: [
        { unitId: c.tree.department, representative: 'Giám đốc Sở' },
        { unitId: c.tree.communeA, representative: null },
      ],
      agenda: [
        { position: 1, title: 'Đánh giá kết quả quý I', presenterUnitId: c.tree.department },
        { position: 2, title: 'Nhiệm vụ quý II', presenterUnitId: null },
      ],
      notice: null,
      conclusions: [],
      previousMeeting: null,
      canManage: true,
    });
    expect(await count('auditLog')).toBe(auditBefore + 1);

    const asLeader = await call(leader, 'GET', meetingUrl());
    expect(asLeader.statusCode).toBe(200);
    expect(asLeader.json().canManage).toBe(false);
    const list = await call(leader, 'GET', '/api/steer/meetings?year=2026');
    expect(list.json().items.map((m: { id: number }) => m.id)).toEqual([meetingId]);
    expect((await call(officerB, 'GET', meetingUrl())).statusCode).toBe(403);
    expect((await call(officerB, 'GET', '/api/steer/meetings')).json().items).toEqual([]);
    expect((await call(null, 'GET', meetingUrl())).statusCode).toBe(401);
  });

  it('refuses bad input and writers without the right, in Vietnamese, saving nothing', async () => {
    const before = await count('steerMeetings');
    const bad = await call(secretariat, 'POST', '/api/steer/meetings', {
      ...firstMeeting,
      unitId: c.tree.province,
      attendees: [{ unitId: c.tree.communeA }, { unitId: c.tree.communeA }, { unitId: 99_999_999 }],
      agenda: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ field: 'body.attendees.1.unitId', message: 'Đơn vị đã có trong danh sách' }),
      expect.objectContaining({ field: 'body.attendees.2.unitId', message: 'Không có đơn vị này' }),
    ]);
    const badTime = await call(secretariat, 'POST', '/api/steer/meetings', {
      ...firstMeeting,
      unitId: c.tree.province,
      time: '25:00',
      attendees: [],
      agenda: [],
    });
    expect(badTime.statusCode).toBe(400);
    const asLeader = await call(leader, 'POST', '/api/steer/meetings', {
      ...firstMeeting,
      unitId: c.tree.province,
      attendees: [],
      agenda: [],
    });
    expect(asLeader.statusCode).toBe(403);
    expect(asLeader.json().title).toBe('Không có quyền thực hiện');
    expect(await count('steerMeetings')).toBe(before);
  });

  it('attaches documents (the file then belongs to the committee) and removes them', async () => {
    const body = multipartBody({ name: 'bao-cao-quy-1.png', data: PNG_1X1, contentType: 'image/png' });
    const upload = await c.t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=evidence',
      headers: { ...secretariat.headers, ...body.headers },
      payload: body.payload,
    });
    const fileId = upload.json().id;
    const added = await call(secretariat, 'POST', meetingUrl('/documents'), {
      fileId,
      title: 'Báo cáo quý I',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().documents).toEqual([
      expect.objectContaining({ title: 'Báo cáo quý I', fileId, fileName: 'bao-cao-quy-1.png' }),
    ]);
    // A reader of the province may now download it.
    expect((await call(leader, 'GET', `/api/files/${fileId}`)).statusCode).toBe(200);
    const unknown = await call(secretariat, 'POST', meetingUrl('/documents'), {
      fileId: 'AAAAAAAAAAAAAAAAAAAAAA',
      title: 'Không có',
    });
    expect(unknown.statusCode).toBe(400);
    const docId = added.json().documents[0].id;
    const removed = await call(secretariat, 'DELETE', meetingUrl(`/documents/${docId}`));
    expect(removed.statusCode).toBe(200);
    expect(removed.json().documents).toEqual([]);
    const again = await call(secretariat, 'DELETE', meetingUrl(`/documents/${docId}`));
    expect(again.statusCode).toBe(404);
    expect(again.json().detail).toBe('Không tìm thấy tài liệu của cuộc họp này');
  });

  it('numbers conclusions, renumbers after a deletion, and needs the notice before assigning', async () => {
    for (const text of [
      'Các xã hoàn thành số hoá hồ sơ thủ tục hành chính',
      'Nội dung ghi nhầm',
      'Sở Khoa học và Công nghệ hoàn thiện nền tảng tích hợp dữ liệu',
      'Đẩy mạnh thanh toán không dùng tiền mặt',
    ]) {
      expect((await call(secretariat, 'POST', meetingUrl('/conclusions'), { text })).statusCode).toBe(201);
    }
    const meeting = (await call(secretariat, 'GET', meetingUrl())).json();
    const wrong = meeting.conclusions[1];
    const after = await call(secretariat, 'DELETE', meetingUrl(`/conclusions/${wrong.id}`));
    expect(
      after.json().conclusions.map((x: { position: number; text: string }) => [x.position, x.text]),
    ).toEqual([
      [1, 'Các xã hoàn thành số hoá hồ sơ thủ tục hành chính'],
      [2, 'Sở Khoa học và Công nghệ hoàn thiện nền tảng tích hợp dữ liệu'],
      [3, 'Đẩy mạnh thanh toán không dùng tiền mặt'],
    ]);
    const first = after.json().conclusions[0];
    const noNotice = await call(secretariat, 'POST', meetingUrl(`/conclusions/${first.id}/task`), {
      leadUnitId: c.tree.communeA,
      deadline: '30/4/2026',
    });
    expect(noNotice.statusCode).toBe(409);
    expect(noNotice.json().detail).toContain('Cuộc họp chưa có thông báo kết luận');
    const notice = await call(secretariat, 'PUT', meetingUrl('/notice'), {
      numberSymbol: '12/TB-BCĐ',
      issuedOn: '2026-03-12',
      signer: 'Nguyễn Văn An',
    });
    expect(notice.statusCode).toBe(200);
    expect(notice.json().notice).toMatchObject({ numberSymbol: '12/TB-BCĐ', issuedOn: '2026-03-12' });
  });

  it('turns a conclusion into a tracked task in one step, with the notice as its source and its live status', async () => {
    const meeting = (await call(secretariat, 'GET', meetingUrl())).json();
    const [first] = meeting.conclusions;
    const tasksBefore = await count('steerTasks');
    const unreadable = await call(secretariat, 'POST', meetingUrl(`/conclusions/${first.id}/task`), {
      leadUnitId: c.tree.communeA,
      deadline: 'Quý 5/2026',
    });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().detail).toBe('Thời hạn "Quý 5/2026" không phải ngày, tháng hoặc quý có thật');
    expect(unreadable.json().errors[0]).toMatchObject({ field: 'body.deadline' });
    const english = await call(
      secretariat,
      'POST',
      meetingUrl(`/conclusions/${first.id}/task`),
      { leadUnitId: c.tree.communeA, deadline: 'sớm nhất có thể' },
      'en',
    );
    expect(english.json().detail).toContain('Cannot read the deadline "sớm nhất có thể"');
    const twoRoles = await call(secretariat, 'POST', meetingUrl(`/conclusions/${first.id}/task`), {
      leadUnitId: c.tree.communeA,
      coordinatingUnitIds: [c.tree.communeA],
      deadline: '30/4/2026',
    });
    expect(twoRoles.statusCode).toBe(400);
    expect(await count('steerTasks')).toBe(tasksBefore);

    const res = await call(secretariat, 'POST', meetingUrl(`/conclusions/${first.id}/task`), {
      leadUnitId: c.tree.communeA,
      coordinatingUnitIds: [c.tree.department],
      deadline: '30/4/2026',
      expectedProduct: 'Kho hồ sơ số',
    });
    expect(res.statusCode).toBe(201);
    const { taskId } = res.json();
    expect(res.json().conclusion).toMatchObject({
      id: first.id,
      task: {
        id: taskId,
        leadUnitId: c.tree.communeA,
        deadlineWritten: '30/4/2026',
        due: '2026-04-30',
        status: 'overdue',
        daysOverdue: 20,
      },
    });
    const task = (await call(leader, 'GET', `/api/steer/tasks/${taskId}`)).json();
    expect(task.task ?? task).toMatchObject({
      title: 'Các xã hoàn thành số hoá hồ sơ thủ tục hành chính',
      ownerUnitId: c.tree.province,
      source: {
        kind: 'conclusion',
        ref: String(first.id),
        label: 'Thông báo kết luận số 12/TB-BCĐ ngày 12/03/2026, kết luận số 1',
      },
    });
    expect(await count('steerTasks')).toBe(tasksBefore + 1);

    // Twice: 409, and nothing more is created; a converted conclusion no longer changes.
    const twice = await call(secretariat, 'POST', meetingUrl(`/conclusions/${first.id}/task`), {
      leadUnitId: c.tree.communeA,
      deadline: '30/4/2026',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain('đã được giao thành nhiệm vụ');
    expect(
      (await call(secretariat, 'PATCH', meetingUrl(`/conclusions/${first.id}`), { text: 'x' })).statusCode,
    ).toBe(409);
    expect((await call(secretariat, 'DELETE', meetingUrl(`/conclusions/${first.id}`))).statusCode).toBe(409);
    const renumber = await call(secretariat, 'PUT', meetingUrl('/notice'), {
      numberSymbol: '13/TB-BCĐ',
      issuedOn: '2026-03-12',
    });
    expect(renumber.statusCode).toBe(409);
    expect(await count('steerTasks')).toBe(tasksBefore + 1);

    // A leader sees the conclusion's task and its status; only the secretariat may assign.
    const seen = (await call(leader, 'GET', meetingUrl())).json();
    expect(seen.conclusions[0].task).toMatchObject({ id: taskId, status: 'overdue' });
    expect(seen.convertedCount).toBe(1);
    const asLeader = await call(leader, 'POST', meetingUrl(`/conclusions/${seen.conclusions[1].id}/task`), {
      leadUnitId: c.tree.department,
      deadline: '15/5/2026',
    });
    expect(asLeader.statusCode).toBe(403);
  });

  it('builds the briefing pack of the next meeting from tasks, progress, the DX index and KPIs', async () => {
    const first = (await call(secretariat, 'GET', meetingUrl())).json();
    // Conclusion 2 becomes a task of the department, which reports progress and then done, late.
    const second = await call(
      secretariat,
      'POST',
      meetingUrl(`/conclusions/${first.conclusions[1].id}/task`),
      {
        leadUnitId: c.tree.department,
        deadline: '15/5/2026',
      },
    );
    const taskId = second.json().taskId;
    expect(
      (
        await call(deptOfficer, 'POST', `/api/steer/tasks/${taskId}/progress`, {
          percent: 80,
          text: 'Đã kết nối 12 hệ thống',
          difficulties: 'Thiếu kinh phí',
          proposals: 'Bổ sung kinh phí năm 2026',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await call(deptOfficer, 'POST', `/api/steer/tasks/${taskId}/transitions`, {
          action: 'report_done',
          text: 'Hoàn thành nền tảng',
        })
      ).statusCode,
    ).toBe(200);
    // A published DX-index period and KPI values of communes.
    await publishedPeriod(c.t, c.tree, {
      secretariat,
      officerA: await c.login('officer', c.tree.communeA),
      officerB,
    });
    const admin = await loginAs(c.t, { role: 'admin', unitId: c.tree.province });
    const kpi = await call(admin, 'POST', '/api/kpis/values', {
      values: [
        { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2026-02', value: 100 },
        { kpiCode: 'EDOC_SENT', unitId: c.tree.communeA, period: '2026-04', value: 150 },
      ],
    });
    expect(kpi.statusCode).toBe(200);

    const next = await call(secretariat, 'POST', '/api/steer/meetings', {
      ...firstMeeting,
      unitId: c.tree.province,
      title: 'Họp Ban Chỉ đạo quý II/2026',
      date: '2026-05-25',
      time: '14:00',
      attendees: [],
      agenda: [],
    });
    expect(next.json().previousMeeting).toEqual({
      id: meetingId,
      title: firstMeeting.title,
      date: '2026-03-10',
    });
    const res = await call(leader, 'GET', `/api/steer/meetings/${next.json().id}/briefing.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = unzip(res.rawPayload).get('word/document.xml')?.toString('utf8') ?? '';
    const text = xml.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');
    expect(text).toContain('Tình hình thực hiện nhiệm vụ chuyển đổi số');
    expect(text).toContain('kể từ cuộc họp trước ("Họp Ban Chỉ đạo quý I/2026", ngày 10/03/2026)');
    expect(text).toContain(
      'Từ ngày 11/03/2026 đến ngày 25/05/2026 có 2 nhiệm vụ đến hạn: 0 hoàn thành đúng hạn, 1 hoàn thành quá hạn, 0 đang thực hiện trong hạn, 1 quá hạn chưa hoàn thành',
    );
    expect(text).toContain('Đến ngày 20/05/2026 có 1 nhiệm vụ quá hạn chưa hoàn thành');
    expect(text).toMatch(
      /Các xã hoàn thành số hoá hồ sơ thủ tục hành chính[^<]*30\/4\/2026 \(30\/04\/2026\)20/,
    );
    expect(text).toContain(
      'nhiệm vụ "Sở Khoa học và Công nghệ hoàn thiện nền tảng tích hợp dữ liệu": tiến độ 80%',
    );
    expect(text).toContain(
      'Khó khăn, vướng mắc: Thiếu kinh phí Kiến nghị, đề xuất: Bổ sung kinh phí năm 2026',
    );
    expect(text).toContain('báo cáo hoàn thành. Hoàn thành nền tảng');
    expect(text).toContain('Kết quả "Đánh giá 2025" (công bố ngày 20/05/2026): 2 đơn vị được xếp hạng.');
    expect(text).toContain('Số văn bản điện tử gửi, nhận trên môi trường mạng');
    expect(text).toMatch(/Quý I\/2026Quý II\/2026/);
    expect(text).toMatch(/100150\+50/);

    expect(
      (await call(officerB, 'GET', `/api/steer/meetings/${next.json().id}/briefing.docx`)).statusCode,
    ).toBe(403);
  });
});
