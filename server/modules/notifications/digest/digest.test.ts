import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import {
  type NotificationsScenario,
  notificationsScenario,
  testEvent,
} from '../notifications-test-fixtures.js';

// The clock starts on 2026-03-02 at 06:00 in Vietnam (23:00 UTC the day before); the digest hour is 7.
const START = '2026-03-01T23:00:00.000Z';
const HOUR = 60 * 60_000;

describe.each(testDialects())('the daily digest on %s', (dialect) => {
  let s: NotificationsScenario;
  let lan: number;
  let minh: number;
  let quiet: number;

  beforeAll(async () => {
    s = await notificationsScenario(dialect, { now: START, runJobs: false });
    lan = await s.user('officer', s.tree.communeA, 'lan@xa.gov.vn');
    minh = await s.user('officer', s.tree.communeB, 'minh@xa.gov.vn');
    quiet = await s.user('viewer', s.tree.communeB, 'quiet@xa.gov.vn');
    await s.deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', minh).execute();
  });
  afterAll(async () => s.close());

  /** Runs the digest and then each digest job the run queued, as the queue would. */
  async function runDigest(options?: { force?: boolean }) {
    const before = s.enqueued.length;
    const result = await s.jobs.runDigest(options);
    for (const job of s.enqueued.slice(before)) {
      if (job.name === 'notifications.digest-send')
        await s.jobs.sendDigest((job.payload as { digestId: number }).digestId);
    }
    return result;
  }
  const mailsTo = (email: string) => s.sentMail.filter((m) => m.to === email);

  it('sends nothing before the digest hour, and nothing to someone with nothing waiting', async () => {
    await s.notify(
      testEvent({ recipients: { userIds: [lan, minh] }, title: { vi: 'Việc một', en: 'Task one' } }),
    );
    await s.notify(
      testEvent({
        kind: 'feedback.assigned',
        recipients: { userIds: [lan] },
        title: { vi: 'Phản ánh hai', en: 'Report two' },
      }),
    );
    expect(await runDigest()).toEqual({ date: '2026-03-02', digests: 0, items: 0 });
    expect(s.sentMail).toEqual([]);
    s.clock.advance(2 * HOUR); // 08:00 in Vietnam
    expect(await runDigest()).toEqual({ date: '2026-03-02', digests: 2, items: 3 });
    expect(mailsTo('quiet@xa.gov.vn')).toEqual([]);
    expect(
      await s.deps.db
        .selectFrom('notificationDigests')
        .select('userId')
        .where('userId', '=', quiet)
        .execute(),
    ).toEqual([]);
  });

  it('gathers each user’s waiting items into ONE email in their language and marks them digested', async () => {
    const [lanMail] = mailsTo('lan@xa.gov.vn');
    expect(mailsTo('lan@xa.gov.vn')).toHaveLength(1);
    expect(lanMail.subject).toBe('[DXBoard] Tổng hợp 2 thông báo ngày 02/03/2026');
    expect(lanMail.text).toContain('• Việc một');
    expect(lanMail.text).toContain('• Phản ánh hai');
    expect(lanMail.text).toContain('ĐIỀU HÀNH, NHIỆM VỤ');
    const [minhMail] = mailsTo('minh@xa.gov.vn');
    expect(minhMail.subject).toBe('[DXBoard] Daily digest: 1 notifications, 2026-03-02');
    expect(minhMail.text).toContain('• Task one');
    const waiting = await s.deps.db
      .selectFrom('notificationDeliveries')
      .select(['status'])
      .where('channel', '=', 'email')
      .where('userId', 'in', [lan, minh])
      .execute();
    expect(waiting.map((w) => w.status)).toEqual(['digested', 'digested', 'digested']);
    const digests = await s.deps.db
      .selectFrom('notificationDigests')
      .select(['userId', 'digestDate', 'status', 'itemCount', 'attempts'])
      .orderBy('userId')
      .execute();
    expect(digests).toEqual([
      { userId: lan, digestDate: '2026-03-02', status: 'sent', itemCount: 2, attempts: 1 },
      { userId: minh, digestDate: '2026-03-02', status: 'sent', itemCount: 1, attempts: 1 },
    ]);
  });

  it('sends once per user and Vietnam date: later runs that day wait for tomorrow, and then send again', async () => {
    await s.notify(testEvent({ recipients: { userIds: [lan] }, title: { vi: 'Việc ba', en: 'Task three' } }));
    s.clock.advance(HOUR);
    expect(await runDigest()).toEqual({ date: '2026-03-02', digests: 0, items: 0 });
    expect(await runDigest({ force: true })).toMatchObject({ digests: 0 });
    expect(mailsTo('lan@xa.gov.vn')).toHaveLength(1);
    // Two runs of tomorrow's digest at once (two processes): one digest, one email.
    s.clock.advance(24 * HOUR);
    const both = await Promise.all([runDigest(), runDigest()]);
    expect(both.map((b) => b.digests).sort()).toEqual([0, 1]);
    const lanMails = mailsTo('lan@xa.gov.vn');
    expect(lanMails).toHaveLength(2);
    expect(lanMails[1].subject).toBe('[DXBoard] Tổng hợp 1 thông báo ngày 03/03/2026');
    expect(lanMails[1].text).not.toContain('Việc một');
    expect(mailsTo('minh@xa.gov.vn')).toHaveLength(1);
  });

  it('leaves urgent and immediate email out of the digest (they were sent on their own)', async () => {
    s.clock.advance(24 * HOUR);
    await s.notify(testEvent({ urgent: true, recipients: { userIds: [minh] } }));
    expect(await runDigest()).toEqual({ date: '2026-03-04', digests: 0, items: 0 });
  });
});
