import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { bodyText, startSmtp } from '../../../../test/helpers/smtp-receiver.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { createSteerTaskServices, createUrgingServices } from '../steer.module.js';
import { docxParagraphs } from './urging-test-helpers.js';

// Reminders and urging letters on a real database: a task goes overdue → the daily job records one reminder,
// its email reaches a real SMTP server and the officer's notification centre shows it; running the job again,
// or twice at once, sends nothing more. The secretariat's letter to the unit: listed, logged in the tasks'
// history, audited, the unit notified, the DOCX as sent. Bad input: Vietnamese problems, nothing saved.

describe.each(testDialects())('Steer urging on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let tree: UnitTree;
  let secretariat: LoggedIn;
  let officer: LoggedIn;
  let otherOfficer: LoggedIn;
  let overdueTask: number;
  let soonTask: number;
  const services = () => createUrgingServices(t.deps, createSteerTaskServices(t.deps));

  const call = (
    who: LoggedIn | null,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
    lang = 'vi',
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...(who?.headers ?? {}), 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    // 09:00 in Hà Nội on 02/03/2026.
    t = await createTestApp(dialect, { now: '2026-03-02T02:00:00.000Z', env: { SMTP_URL: smtp.url } });
    tree = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: tree.province });
    officer = await loginAs(t, { role: 'officer', unitId: tree.communeA, email: 'can.bo.a@xa.example.vn' });
    otherOfficer = await loginAs(t, { role: 'officer', unitId: tree.communeB });
    const task = async (title: string, deadline: string) => {
      const res = await call(secretariat, 'POST', '/api/steer/tasks', {
        ownerUnitId: tree.province,
        title,
        leadUnitIds: [tree.communeA],
        deadline,
        assignedOn: '2026-01-10',
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    overdueTask = await task('Số hóa hồ sơ một cửa', '20/02/2026');
    soonTask = await task('Lắp đặt wifi công cộng', 'Tháng 3/2026');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('a task gone overdue: one reminder, mailed to the lead unit’s officer and shown in the centre; a second run sends nothing', async () => {
    const job = services().reminders;
    const first = await job.run();
    expect(first).toMatchObject({ date: '2026-03-02', ran: true, tasks: 2 });
    // Overdue (10 days) → the first overdue slot; due 31/03 → nothing yet (more than 7 days away).
    expect(first.sent).toBe(1);
    expect(await job.run()).toMatchObject({ ran: false, sent: 0 });
    // Forced, and two "processes" at once: every key is already logged.
    const [a, b] = await Promise.all([
      services().reminders.run({ force: true }),
      services().reminders.run({ force: true }),
    ]);
    expect(a.sent + b.sent).toBe(0);

    await vi.waitFor(
      () => expect(smtp.inbox.some((m) => m.to.includes('can.bo.a@xa.example.vn'))).toBe(true),
      {
        timeout: 15_000,
        interval: 100,
      },
    );
    const mails = smtp.inbox.filter((m) => m.to.includes('can.bo.a@xa.example.vn'));
    expect(mails).toHaveLength(1);
    const text = bodyText(mails[0].raw);
    expect(text).toContain('Số hóa hồ sơ một cửa');
    expect(text).toContain('quá hạn 10 ngày');
    expect(text).toContain('20/02/2026');

    const centre = await call(officer, 'GET', '/api/notifications?sort=newest');
    expect(centre.statusCode).toBe(200);
    const items = (centre.json() as { items: { title: string; link: string | null }[] }).items;
    expect(items.map((i) => i.title)).toContain('Nhiệm vụ quá hạn 10 ngày');
    // Another commune's officer was not told.
    const other = await call(otherOfficer, 'GET', '/api/notifications');
    expect((other.json() as { items: unknown[] }).items).toHaveLength(0);

    const log = await call(officer, 'GET', `/api/steer/urging/reminders?unitId=${tree.communeA}`);
    expect(log.statusCode).toBe(200);
    expect(log.json()).toMatchObject({
      total: 1,
      items: [{ taskId: overdueTask, kind: 'overdue', due: '2026-02-20', days: 10, sentOn: '2026-03-02' }],
    });
    // Settings show the run.
    const settings = await call(officer, 'GET', '/api/steer/urging/settings');
    expect(settings.json()).toMatchObject({
      beforeDays: [7, 1],
      overdueEveryDays: 7,
      lastRun: { on: '2026-03-02', reminders: 1 },
    });
  });

  it('the secretariat sees the unit, previews and sends the letter: logged, in the tasks’ history, audited, notified', async () => {
    const units = await call(secretariat, 'GET', '/api/steer/urging/units');
    expect(units.statusCode).toBe(200);
    expect(units.json()).toMatchObject({
      asOf: '2026-03-02',
      items: [{ unitId: tree.communeA, overdue: 1, dueSoon: 0, maxDaysOverdue: 10, lastLetter: null }],
    });
    const preview = await call(secretariat, 'GET', `/api/steer/urging/units/${tree.communeA}/preview`);
    expect(preview.json()).toMatchObject({
      overdue: [{ id: overdueTask, daysOverdue: 10 }],
      dueSoon: [],
      replyBy: '2026-03-09',
    });

    const sent = await call(secretariat, 'POST', `/api/steer/urging/units/${tree.communeA}/letters`, {
      number: '125',
      replyBy: '2026-03-10',
      signerName: 'Trần Văn Bình',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const letter = sent.json() as { id: number; overdueCount: number; number: string };
    expect(letter).toMatchObject({
      unitId: tree.communeA,
      number: '125',
      issuedOn: '2026-03-02',
      overdueCount: 1,
    });

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'steer.urging_letter.send')
      .execute();
    expect(audit).toHaveLength(1);
    expect(String(audit[0].entityId)).toBe(String(letter.id));

    const detail = await call(officer, 'GET', `/api/steer/tasks/${overdueTask}`);
    expect(detail.statusCode).toBe(200);
    const history = (detail.json() as { history: { kind: string; note: string | null }[] }).history;
    expect(history.find((h) => h.kind === 'urged')?.note).toContain('Văn bản đôn đốc số 125/SKHCN-CĐS');

    const centre = await call(officer, 'GET', '/api/notifications?sort=newest');
    expect((centre.json() as { items: { title: string }[] }).items[0].title).toBe(
      'Văn bản đôn đốc thực hiện nhiệm vụ',
    );

    const docx = await call(officer, 'GET', `/api/steer/urging/letters/${letter.id}/letter.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = docxParagraphs(docx.rawPayload);
    expect(text).toContain('Số: 125/SKHCN-CĐS');
    expect(text.join('\n')).toContain('Kính gửi: ');
    expect(text).toContain('Số hóa hồ sơ một cửa');
    expect(text).toContain('20/02/2026');
    expect(text).toContain('10');
    expect(text).toContain('Trần Văn Bình');
    expect(text.join('\n')).toContain('trước ngày 10 tháng 3 năm 2026');

    const list = await call(secretariat, 'GET', '/api/steer/urging/letters');
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: letter.id }] });
    const again = await call(secretariat, 'GET', '/api/steer/urging/units');
    expect(again.json()).toMatchObject({
      items: [{ lastLetter: { id: letter.id, issuedOn: '2026-03-02' } }],
    });
    // The other commune neither sees the letter nor may download it.
    expect((await call(otherOfficer, 'GET', '/api/steer/urging/letters')).json()).toMatchObject({ total: 0 });
    expect(
      (await call(otherOfficer, 'GET', `/api/steer/urging/letters/${letter.id}/letter.docx`)).statusCode,
    ).toBe(403);
  });

  it('the unit officer’s home lists the unit’s tasks by urgency, the letter and the reminders', async () => {
    const res = await call(officer, 'GET', '/api/steer/home');
    expect(res.statusCode, res.body).toBe(200);
    const home = res.json() as Record<string, unknown[]> & { unitId: number; weekEnd: string };
    expect(home.unitId).toBe(tree.communeA);
    expect(home.weekEnd).toBe('2026-03-08');
    expect(home.overdue).toMatchObject([{ id: overdueTask, daysOverdue: 10, deadlineWritten: '20/02/2026' }]);
    expect(home.inProgress).toMatchObject([{ id: soonTask }]);
    expect(home.letters).toMatchObject([{ number: '125' }]);
    expect(home.reminders.length).toBeGreaterThan(0);
    expect((await call(otherOfficer, 'GET', `/api/steer/home?unitId=${tree.communeA}`)).statusCode).toBe(403);
  });

  it('bad input: Vietnamese problems (English on request), nothing saved', async () => {
    const before = await t.deps.db.selectFrom('steerUrgingLetters').select('id').execute();
    const past = await call(secretariat, 'POST', `/api/steer/urging/units/${tree.communeA}/letters`, {
      replyBy: '2026-02-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.headers['content-type']).toContain('application/problem+json');
    expect(past.body).toContain('Hạn báo cáo không được trước ngày hôm nay (02/03/2026)');
    const nothing = await call(secretariat, 'POST', `/api/steer/urging/units/${tree.communeB}/letters`, {});
    expect(nothing.statusCode).toBeGreaterThanOrEqual(400);
    expect(nothing.statusCode).toBeLessThan(500);
    expect(nothing.json().detail).toContain('không có nhiệm vụ quá hạn hoặc sắp đến hạn');
    const en = await call(secretariat, 'POST', `/api/steer/urging/units/${tree.communeB}/letters`, {}, 'en');
    expect(en.json().detail).toContain('nothing to urge');
    const badNumber = await call(secretariat, 'POST', `/api/steer/urging/units/${tree.communeA}/letters`, {
      number: '<b>',
    });
    expect(badNumber.statusCode).toBe(400);
    const byOfficer = await call(officer, 'POST', `/api/steer/urging/units/${tree.communeA}/letters`, {});
    expect(byOfficer.statusCode).toBe(403);
    expect((await t.deps.db.selectFrom('steerUrgingLetters').select('id').execute()).length).toBe(
      before.length,
    );
    for (const body of [
      { beforeDays: [0], overdueEveryDays: 7, cycleBeforeDays: 7 },
      { beforeDays: [3, 3], overdueEveryDays: 7, cycleBeforeDays: 7 },
      { beforeDays: [7], overdueEveryDays: 0, cycleBeforeDays: 7 },
      { beforeDays: [7], overdueEveryDays: 7 },
    ]) {
      const res = await call(secretariat, 'PUT', '/api/steer/urging/settings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(
      (
        await call(officer, 'PUT', '/api/steer/urging/settings', {
          beforeDays: [3],
          overdueEveryDays: 2,
          cycleBeforeDays: 1,
        })
      ).statusCode,
    ).toBe(403);
    const ok = await call(secretariat, 'PUT', '/api/steer/urging/settings', {
      beforeDays: [3, 10],
      overdueEveryDays: 2,
      cycleBeforeDays: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ beforeDays: [10, 3], overdueEveryDays: 2, cycleBeforeDays: 1 });
  });
  it('later days, on the secretariat’s schedule (10 and 3 days before, every 2 days overdue): each slot once', async () => {
    t.clock.set('2026-03-24T02:00:00.000Z');
    officer = await loginAs(t, { role: 'officer', unitId: tree.communeA });
    const r = await services().reminders.run();
    // 31/03 is 7 days away (the 10-day slot, not sent yet); the overdue task is 32 days late → slot 15.
    expect(r.sent).toBe(2);
    const log = await call(officer, 'GET', `/api/steer/urging/reminders?unitId=${tree.communeA}`);
    const items = (log.json() as { items: { taskId: number; kind: string; days: number }[] }).items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ taskId: soonTask, kind: 'before', days: 7 }),
        expect.objectContaining({ taskId: overdueTask, kind: 'overdue', days: 32 }),
      ]),
    );
    // 33 days late: the next 2-day slot; 34 days late: still that slot.
    t.clock.set('2026-03-25T02:00:00.000Z');
    expect((await services().reminders.run()).sent).toBe(1);
    t.clock.set('2026-03-26T02:00:00.000Z');
    expect((await services().reminders.run()).sent).toBe(0);
  });
});
