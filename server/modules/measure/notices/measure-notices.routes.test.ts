import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bodyText, startSmtp } from '../../../../test/helpers/smtp-receiver.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createMeasureServices } from '../measure.module.js';
import {
  enterAndSubmit,
  FULL_VALUES,
  type MeasureScenario,
  measureScenario,
} from '../measure-test-fixtures.js';

// Officers hear of their submission's return, approval and publication, and of the period's deadline: a row in
// their notification centre and, for what needs action at once (a return, the last day), an email at a real
// SMTP receiver. Each event is recorded once whatever repeats it.

async function waitFor<T>(what: string, read: () => T | undefined, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = read();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(testDialects())('Measure notices to officers on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let s: MeasureScenario;
  const rowsOf = (kind: string) =>
    s.t.deps.db
      .selectFrom('notifications as n')
      .innerJoin('notificationDeliveries as d', 'd.notificationId', 'n.id')
      .select(['n.kind', 'n.titleVi', 'n.bodyVi', 'n.bodyEn', 'n.link', 'd.userId', 'd.channel'])
      .where('n.kind', '=', kind)
      .orderBy('d.userId')
      .orderBy('d.channel')
      .execute();
  const mailTo = (email: string, words: string) =>
    smtp.inbox.find((m) => m.to.includes(email) && bodyText(m.raw).includes(words));

  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    smtp.inbox.length = 0;
    s = await measureScenario(dialect, { env: { SMTP_URL: smtp.url } });
  });
  afterEach(() => s.close());

  it('tells the officers of the unit when their entry is returned (in-app and email at once) and approved', async () => {
    const ids = { periodId: s.periodId, unitId: s.units.communeA };
    await enterAndSubmit(s.t, s.officerA, ids, FULL_VALUES);
    const base = `/api/measure/periods/${s.periodId}/units/${s.units.communeA}/appraisal`;
    const returned = await s.call(s.secretariat, 'POST', `${base}/return`, {
      comment: 'Bổ sung biên bản họp',
      components: [{ code: 'C1', comment: 'Thiếu chữ ký' }],
    });
    expect(returned.statusCode).toBe(200);

    const rows = await rowsOf('measure.submission_returned');
    // Only commune A's officer: not commune B's, not the secretariat who returned it.
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([s.officerA.userId]));
    expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'in_app']);
    expect(rows[0].bodyVi).toContain('1 mục');
    expect(rows[0].bodyVi).toContain('Bổ sung biên bản họp');
    expect(rows[0].link).toBe(`/app/measure/periods/${s.periodId}/units/${s.units.communeA}/entry`);

    const centre = await s.call(s.officerA, 'GET', '/api/notifications');
    expect(centre.statusCode).toBe(200);
    expect(centre.json().items.map((i: { title: string }) => i.title)).toContain(
      'Bản tự đánh giá bị trả lại: Đánh giá 2025',
    );
    const otherCentre = await s.call(s.officerB, 'GET', '/api/notifications');
    expect(otherCentre.json().items).toEqual([]);

    const mail = await waitFor('the return email', () => mailTo(s.officerA.email, 'Bổ sung biên bản họp'));
    expect(bodyText(mail.raw)).toContain('C1 Số cuộc họp Ban Chỉ đạo (Thiếu chữ ký)');

    // Fixed and sent again, then approved: a notice with the appraised points (mailed in the daily digest).
    const fix = await s.call(
      s.officerA,
      'PUT',
      `/api/measure/periods/${s.periodId}/units/${s.units.communeA}/submission/values`,
      { values: { C1: { number: 4 } } },
    );
    expect(fix.statusCode).toBe(200);
    const resubmit = await s.call(
      s.officerA,
      'POST',
      `/api/measure/periods/${s.periodId}/units/${s.units.communeA}/submission/submit`,
    );
    expect(resubmit.statusCode).toBe(200);
    expect((await s.call(s.secretariat, 'POST', `${base}/approve`)).statusCode).toBe(200);
    const approved = await rowsOf('measure.submission_approved');
    expect(new Set(approved.map((r) => r.userId))).toEqual(new Set([s.officerA.userId]));
    // C1 4 meetings 20 + C2 45/50 × 40 = 36 + C3 deputy 10 + C4 20 = 86.
    expect(approved[0].bodyVi).toContain('86 điểm');
    // Approving again is refused and records nothing more.
    expect((await s.call(s.secretariat, 'POST', `${base}/approve`)).statusCode).toBe(409);
    expect(await rowsOf('measure.submission_approved')).toHaveLength(approved.length);
  });

  it('tells every unit of the period its published result, or that it is not ranked, once per snapshot', async () => {
    await s.enterAndApprove(s.officerA, s.units.communeA, FULL_VALUES);
    expect((await s.call(s.secretariat, 'POST', `/api/measure/periods/${s.periodId}/close`)).statusCode).toBe(
      200,
    );
    const pub = await s.call(s.secretariat, 'POST', `/api/measure/periods/${s.periodId}/publish`);
    expect(pub.statusCode).toBe(201);
    const ranked = await rowsOf('measure.results_published');
    expect(new Set(ranked.map((r) => r.userId))).toEqual(new Set([s.officerA.userId]));
    expect(ranked[0].bodyVi).toContain('hạng 1');
    const unranked = await rowsOf('measure.results_published_unranked');
    expect(unranked.map((r) => r.userId)).toContain(s.officerB.userId);
    expect(unranked[0].bodyVi).toContain('chưa có trong bảng xếp hạng');
  });

  it('reminds the officers of units that have not submitted before the deadline, once however often it runs', async () => {
    const ids = { periodId: s.periodId, unitId: s.units.communeA };
    await enterAndSubmit(s.t, s.officerA, ids, FULL_VALUES);
    const reminders = createMeasureServices(s.t.deps).deadlineReminders;
    // 2026-03-02: the period is due 2026-03-31, outside the 3-day window.
    expect((await reminders.run()).reminded).toBe(0);
    // 30/03 (Vietnam): one day left: the reminder is urgent, so it is mailed at once.
    s.t.clock.set('2026-03-30T02:00:00.000Z');
    const first = await reminders.run();
    expect(first.reminded).toBeGreaterThan(0);
    const rows = await rowsOf('measure.deadline_soon');
    const users = new Set(rows.map((r) => r.userId));
    expect(users.has(s.officerB.userId)).toBe(true);
    // Commune A has sent its entry: no reminder.
    expect(users.has(s.officerA.userId)).toBe(false);
    expect(rows[0].bodyVi).toContain('31/03/2026');
    await waitFor('the reminder email', () => mailTo(s.officerB.email, '31/03/2026'));

    // Again (a second run the same day, a second process): nothing new is recorded or sent.
    expect((await reminders.run()).reminded).toBe(0);
    expect(await rowsOf('measure.deadline_soon')).toHaveLength(rows.length);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.inbox.filter((m) => m.to.includes(s.officerB.email))).toHaveLength(1);
  });
});
