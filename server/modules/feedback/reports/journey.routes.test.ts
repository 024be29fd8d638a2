import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PNG_1X1 } from '../../../../test/helpers/file-fixtures.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type FeedbackScenario, feedbackScenario, photoWithGps } from '../feedback-test-fixtures.js';

// The whole journey on both databases: a citizen verifies an email with a one-time code (after a proof of work),
// uploads a photo (EXIF/GPS stripped), sends a report → the secretariat assigns it → the commune accepts and
// answers with evidence → the citizen, unsatisfied, reopens it → answered again → satisfied, closed; the KPIs
// and the public view follow, personal data stays masked, every write is audited.

describe.each(testDialects())('feedback journey on %s', (dialect) => {
  let s: FeedbackScenario;
  beforeAll(async () => {
    s = await feedbackScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  it('runs submit → assign → accept → answer → unsatisfied → reopened → answered → satisfied', async () => {
    const road = await s.category({ code: 'ROAD', nameVi: 'Giao thông', photoRequired: true });
    const email = 'nguoi.dan@example.vn';
    const contact = { kind: 'email' as const, value: email };

    // The photo is re-encoded: its GPS block is gone.
    const up = await s.uploadPhoto(await photoWithGps());
    expect(up.status).toBe(201);
    const file = await s.t.deps.files.getByPublicId(up.body.id);
    const stored = await sharp(s.t.deps.files.pathOf(file as never)).metadata();
    expect(stored.exif).toBeUndefined();
    expect(file?.mime).toBe('image/jpeg');

    const code1 = await s.otp(contact);
    expect(code1.sentTo).toBe('n***@example.vn');
    const base = {
      categoryId: road.id,
      title: 'Ổ gà lớn trên đường <script>alert(1)</script>',
      description: 'Gọi 0912345678 nếu cần. Ổ gà sâu 20 cm trước cổng trường.',
      lat: 21.3,
      lng: 105.6,
      areaUnitId: s.tree.communeA,
      address: 'Thôn Đông',
      contact,
      subscribe: true,
    };
    // A category that needs a photo refuses a report without one, and the code is not used up.
    const noPhoto = await s.call(null, 'POST', '/api/public/feedback/reports', { ...base, otp: code1.proof });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.errors[0].code).toBe('feedback.photo_required');

    const sent = await s.call(null, 'POST', '/api/public/feedback/reports', {
      ...base,
      otp: code1.proof,
      photoIds: [up.body.id],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.code).toMatch(/^PA-2026-[0-9A-Z]{8}$/);
    expect(sent.body.status).toBe('received');
    const code = sent.body.code as string;

    // The code cannot be replayed, nor the photo used twice.
    const replay = await s.call(null, 'POST', '/api/public/feedback/reports', {
      ...base,
      otp: code1.proof,
      photoIds: [up.body.id],
    });
    expect(replay.status).toBe(400);
    expect(replay.body.errors[0].code).toBe('feedback.otp_invalid');

    // Staff: the queue of the province shows it; the commune cannot see it before it is assigned.
    const queue = await s.call(s.secretariat, 'GET', '/api/feedback/reports?status=received');
    const item = queue.body.items.find((i: { code: string }) => i.code === code);
    expect(item).toMatchObject({ unitId: s.tree.province, status: 'received' });
    const id = item.id as number;
    expect((await s.call(s.officerA, 'GET', `/api/feedback/reports/${id}`)).status).toBe(403);

    const assigned = await s.call(s.secretariat, 'POST', `/api/feedback/reports/${id}/assign`, {
      unitId: s.tree.communeA,
    });
    expect(assigned.status).toBe(200);
    // Monday 2/3/2026 + 3 working days.
    expect(assigned.body).toMatchObject({
      status: 'assigned',
      unitId: s.tree.communeA,
      deadline: '2026-03-05',
    });
    const notice = await s.t.deps.db
      .selectFrom('notifications')
      .select('kind')
      .where('idempotencyKey', 'like', `feedback:report:${id}:assigned:%`)
      .execute();
    expect(notice).toHaveLength(1);

    // The public statistics (a cached answer) count it as received, not yet answered; the answer below must
    // show in them at once, since the cache is keyed by the tables' revisions.
    const early = await s.call(null, 'GET', '/api/public/feedback/stats?year=2026');
    expect(early.status).toBe(200);
    expect(early.body.units).toEqual([
      expect.objectContaining({ received: 1, answered: 0, onTime: 0, onTimeRate: null }),
    ]);

    // Another commune's officer cannot act; the commune accepts and answers with evidence.
    expect((await s.call(s.officerB, 'POST', `/api/feedback/reports/${id}/accept`)).status).toBe(403);
    expect((await s.call(s.officerA, 'POST', `/api/feedback/reports/${id}/accept`)).body.status).toBe(
      'in_progress',
    );
    const upload = multipartBody({ name: 'sau-khi-va.png', data: PNG_1X1, contentType: 'image/png' });
    const evidence = await s.t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=evidence',
      headers: { ...s.officerA.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(evidence.statusCode).toBe(201);
    const answered = await s.call(s.officerA, 'POST', `/api/feedback/reports/${id}/answer`, {
      answer: 'Đã vá ổ gà ngày 04/3/2026.',
      fileIds: [evidence.json().id],
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.events.at(-1).files).toHaveLength(1);
    expect(await s.kpi(s.tree.communeA, 'FEEDBACK_ON_TIME_RATE', '2026-Q1')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });

    // Public: the answer, the evidence, no contact, the phone in the text masked, the script kept as text.
    const pub = await s.call(null, 'GET', `/api/public/feedback/reports/${code.toLowerCase()}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'answered', canRate: true, reporter: null });
    expect(pub.body.title).toContain('<script>');
    expect(pub.raw).not.toContain(email);
    expect(pub.raw).not.toContain('0912345678');
    expect(pub.body.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'received',
      'assigned',
      'accepted',
      'answered',
    ]);
    const photo = await s.t.app.inject({
      url: `/api/public/feedback/reports/${code}/files/${pub.body.photos[0].id}`,
    });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');

    // Rating: the reporter's contact proves it; unsatisfied needs a reason and reopens.
    const rate = (body: Record<string, unknown>) =>
      s.call(null, 'POST', `/api/public/feedback/reports/${code}/rating`, body);
    expect((await rate({ satisfied: false, contact: email })).body.errors[0].code).toBe(
      'feedback.rate_reason_required',
    );
    expect((await rate({ satisfied: true, contact: 'other@example.vn' })).body.errors[0].code).toBe(
      'feedback.contact_mismatch',
    );
    const reopened = await rate({ satisfied: false, reason: 'Vá chưa phẳng, vẫn đọng nước', contact: email });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('reopened');
    expect(await s.kpi(s.tree.communeA, 'FEEDBACK_SATISFACTION_RATE', '2026-Q1')).toMatchObject({
      numerator: 0,
      denominator: 1,
    });

    const again = await s.call(s.officerA, 'POST', `/api/feedback/reports/${id}/answer`, {
      answer: 'Đã làm lại mặt đường.',
    });
    expect(again.body.status).toBe('answered');
    const closed = await rate({ satisfied: true, contact: email });
    expect(closed.body.status).toBe('closed');
    expect(await s.kpi(s.tree.communeA, 'FEEDBACK_SATISFACTION_RATE', '2026-Q1')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });

    // The subscriber was told of each status change, by email only.
    const updates = await s.t.deps.db
      .selectFrom('notifications')
      .select('idempotencyKey')
      .where('kind', '=', 'feedback.report_status')
      .where('idempotencyKey', 'like', `feedback:report:${id}:%`)
      .execute();
    expect(updates.length).toBeGreaterThanOrEqual(5);

    const audit = await s.t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('entity', '=', 'feedback_report')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'feedback.report.submit',
      'feedback.report.assign',
      'feedback.report.accept',
      'feedback.report.answer',
      'feedback.report.reopen',
      'feedback.report.answer',
      'feedback.report.rate',
    ]);
    expect(JSON.stringify(audit)).not.toContain(email);

    // Statistics: one report answered on time, one rating satisfied (the last one counts).
    const stats = await s.call(null, 'GET', '/api/public/feedback/stats?year=2026');
    const unit = stats.body.units.find(
      (u: { unitName: string; answered: number }) => u.unitName.length > 0 && u.answered === 1,
    );
    expect(unit).toMatchObject({ received: 1, answered: 1, onTime: 1, onTimeRate: 1, satisfactionRate: 1 });
  });

  it('routes by the category’s unit, refuses bad input with 4xx and saves nothing', async () => {
    const light = await s.category({
      code: 'LIGHT',
      nameVi: 'Chiếu sáng',
      defaultUnitId: s.tree.communeB,
      deadlineAmount: 2,
    });
    const contact = { kind: 'phone' as const, value: '0987 654 321' };
    const before = await s.t.deps.db
      .selectFrom('feedbackReports')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const otp = await s.otp(contact);
    expect(otp.sentTo).toBe('098****321');
    const base = {
      categoryId: light.id,
      title: 'Đèn hỏng',
      description: 'Đèn đường tắt cả tuần',
      contact,
      otp: otp.proof,
    };
    const bad = async (body: Record<string, unknown>, field: string, code: string) => {
      const res = await s.call(null, 'POST', '/api/public/feedback/reports', { ...base, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.find((e: { field: string }) => e.field === field)?.code).toBe(code);
    };
    await bad({ address: 'x', lat: 48.85, lng: 2.35 }, 'body.lat', 'feedback.outside_province');
    await bad({ address: 'x', categoryId: 999_999 }, 'body.categoryId', 'feedback.unknown_category');
    await bad({}, 'body.address', 'feedback.location_required');
    await bad({ address: 'x', photoIds: ['nope'] }, 'body.photoIds.0', 'feedback.unknown_photo');
    await bad(
      { address: 'x', otp: { ...otp.proof, code: otp.code === '000000' ? '111111' : '000000' } },
      'body.otp.code',
      'feedback.otp_invalid',
    );
    const notImage = await s.uploadPhoto(Buffer.from('%PDF-1.4 not an image'));
    expect(notImage.status).toBe(415);
    const after = await s.t.deps.db
      .selectFrom('feedbackReports')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    // Routed at once to the category's unit, with its deadline (2 working days).
    const ok = await s.call(null, 'POST', '/api/public/feedback/reports', { ...base, address: 'Ngõ 3' });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('assigned');
    const queue = await s.call(s.officerB, 'GET', '/api/feedback/reports');
    const mine = queue.body.items.find((i: { code: string }) => i.code === ok.body.code);
    expect(mine).toMatchObject({ unitId: s.tree.communeB, status: 'assigned' });
    // Officers of communeA do not see communeB's reports.
    const otherQueue = await s.call(s.officerA, 'GET', '/api/feedback/reports');
    expect(otherQueue.body.items.some((i: { code: string }) => i.code === ok.body.code)).toBe(false);
    const full = await s.call(s.officerB, 'GET', `/api/feedback/reports/${mine.id}`);
    expect(full.body.contact).toBe('0987654321');
    const leaderView = await s.call(s.leader, 'GET', `/api/feedback/reports/${mine.id}`);
    expect(leaderView.body.contact).toBe('098****321');
    expect(leaderView.body.can.actions).toEqual([]);

    // An officer cannot refuse (the secretariat does, with a reason); an internal note stays internal.
    expect(
      (
        await s.call(s.officerB, 'POST', `/api/feedback/reports/${mine.id}/refuse`, {
          kind: 'spam',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    await s.call(s.officerB, 'POST', `/api/feedback/reports/${mine.id}/notes`, {
      text: 'Đã gọi điện, hẹn thứ Năm',
    });
    const pub = await s.call(null, 'GET', `/api/public/feedback/reports/${ok.body.code}`);
    expect(pub.raw).not.toContain('hẹn thứ Năm');

    // Extension: asked by the unit, approved by the secretariat, the deadline moves by working days.
    const asked = await s.call(s.officerB, 'POST', `/api/feedback/reports/${mine.id}/extension`, {
      days: 3,
      reason: 'Chờ vật tư',
    });
    expect(asked.body.extension).toMatchObject({ status: 'pending', days: 3 });
    expect(
      (
        await s.call(s.officerB, 'POST', `/api/feedback/reports/${mine.id}/extension/decision`, {
          approve: true,
        })
      ).status,
    ).toBe(403);
    const approved = await s.call(
      s.secretariat,
      'POST',
      `/api/feedback/reports/${mine.id}/extension/decision`,
      { approve: true },
    );
    expect(approved.body.extension.status).toBe('approved');
    expect(approved.body.deadline > full.body.deadline).toBe(true);

    // Answering out of order: a closed action on an assigned report is a 409.
    expect((await s.call(s.secretariat, 'POST', `/api/feedback/reports/${mine.id}/close`, {})).status).toBe(
      409,
    );
  });

  it('reminds the handling unit once per deadline, however often the job runs', async () => {
    const services = (await import('../feedback.module.js')).createFeedbackServices(s.t.deps);
    s.t.clock.set('2026-04-20T02:00:00.000Z');
    const first = await services.reports.remindDue('2026-04-20');
    const second = await services.reports.remindDue('2026-04-20');
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(0);
  });

  it('reminds the unit of reports it has not routed by their receive-by time: soon, then overdue, once each', async () => {
    const services = (await import('../feedback.module.js')).createFeedbackServices(s.t.deps);
    const [late, soon] = await s.t.deps.db
      .selectFrom('feedbackReports')
      .select('id')
      .orderBy('id')
      .limit(2)
      .execute();
    const set = (id: number, receiveDueAt: string) =>
      s.t.deps.db
        .updateTable('feedbackReports')
        .set({ status: 'received', receiveDueAt })
        .where('id', '=', id)
        .execute();
    s.t.clock.set('2026-04-21T02:00:00.000Z');
    await set(late.id, '2026-04-21T01:00:00.000Z');
    await set(soon.id, '2026-04-21T03:30:00.000Z');
    const kinds = async () =>
      (
        await s.t.deps.db
          .selectFrom('notifications')
          .select(['kind', 'titleVi', 'bodyVi'])
          .where('kind', 'like', 'feedback.report_receive%')
          .orderBy('id')
          .execute()
      ).map((n) => [n.kind, n.bodyVi.match(/trước (.*)\./)?.[1]]);
    await services.reports.remindDue('2026-04-21');
    expect(await kinds()).toEqual([
      ['feedback.report_receive_overdue', '08:00 21/04/2026'],
      ['feedback.report_receive_due_soon', '10:30 21/04/2026'],
    ]);
    await services.reports.remindDue('2026-04-21');
    expect(await kinds()).toHaveLength(2);
    // The due-soon one passes its time: one overdue reminder more, still once, whether the daily job or the
    // 15-minute receive-by job (which runs remindReceive alone) gets there first.
    s.t.clock.set('2026-04-21T04:00:00.000Z');
    expect(await services.reports.remindReceive()).toBe(1);
    await services.reports.remindDue('2026-04-21');
    expect(await services.reports.remindReceive()).toBe(0);
    expect((await kinds()).map((k) => k[0])).toEqual([
      'feedback.report_receive_overdue',
      'feedback.report_receive_due_soon',
      'feedback.report_receive_overdue',
    ]);
  });

  it('checks receive-by times every 15 minutes, apart from the six-hourly daily work', async () => {
    const { startFeedbackJobsOnStartup, FEEDBACK_DAILY_JOB, FEEDBACK_RECEIVE_JOB } = await import(
      '../feedback.module.js'
    );
    const scheduled: [string, number][] = [];
    const jobs = {
      ...s.t.deps.jobs,
      async enqueue() {
        return 'held';
      },
      async schedule(name: string, everyMs: number) {
        scheduled.push([name, everyMs]);
      },
    };
    await startFeedbackJobsOnStartup({ jobs });
    expect(scheduled).toEqual([
      [FEEDBACK_DAILY_JOB, 6 * 60 * 60_000],
      [FEEDBACK_RECEIVE_JOB, 15 * 60_000],
    ]);
  });
});
