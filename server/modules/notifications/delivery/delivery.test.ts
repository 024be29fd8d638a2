import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createMemoryJobQueue } from '../../../jobs/memory-queue.js';
import { createNotificationJobs, registerNotificationJobs, signWebhook } from '../notifications.module.js';
import {
  deliveriesOf,
  type NotificationsScenario,
  notificationsScenario,
  testEvent,
} from '../notifications-test-fixtures.js';
import { bodyText, startSmtp, startWebhook } from './test-receivers.js';

const SECRET = 'zalo-relay-shared-secret';

describe.each(testDialects())('delivery by background jobs on %s', (dialect) => {
  let s: NotificationsScenario;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let hook: Awaited<ReturnType<typeof startWebhook>>;
  let hookStatus = 200;
  let failNext = 0;

  beforeAll(async () => {
    smtp = await startSmtp();
    hook = await startWebhook(() => (failNext-- > 0 ? 500 : hookStatus));
    s = await notificationsScenario(dialect, {
      env: { SMTP_URL: smtp.url, NOTIFY_WEBHOOK_URL: hook.url, NOTIFY_WEBHOOK_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
    await hook.close();
  });

  const statusOf = async (notificationId: number, channel: string) =>
    (await deliveriesOf(s, notificationId)).find((d) => d.channel === channel);

  it('mails an urgent notification at once through the real SMTP mailer, once', async () => {
    const userId = await s.user('officer', s.tree.communeA, 'can.bo.a@xa.gov.vn');
    const r = await s.notify(
      testEvent({ urgent: true, recipients: { userIds: [userId] }, channels: ['email'] }),
    );
    await vi.waitFor(
      () => expect(smtp.inbox.filter((m) => m.to.includes('can.bo.a@xa.gov.vn'))).toHaveLength(1),
      {
        timeout: 5000,
      },
    );
    const mail = smtp.inbox.find((m) => m.to.includes('can.bo.a@xa.gov.vn'))!;
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?|Subject: \[DXBoard\]/);
    const text = bodyText(mail.raw);
    expect(text).toContain('Còn 3 ngày');
    // Links come from the configured base (the listening address in development), never from a request.
    expect(text).toContain('http://127.0.0.1:3000/app/steer/tasks/1');
    expect(text).toContain('http://127.0.0.1:3000/app/notifications');
    await vi.waitFor(async () => expect((await statusOf(r.notificationId, 'email'))?.status).toBe('sent'));
    expect((await statusOf(r.notificationId, 'email'))?.attempts).toBe(1);
  });

  it('mails a one-time code to a citizen at once, then erases the code and masks the address it keeps', async () => {
    const r = await s.notify(
      testEvent({
        kind: 'feedback.otp',
        title: { vi: 'Mã xác thực DXBoard', en: 'DXBoard verification code' },
        body: { vi: 'Mã của bạn: 482913 (hiệu lực 5 phút)', en: 'Your code: 482913 (valid 5 minutes)' },
        link: null,
        recipients: { emails: ['nguoi.dan@example.vn'] },
        transient: true,
      }),
    );
    await vi.waitFor(async () => expect((await statusOf(r.notificationId, 'email'))?.status).toBe('sent'), {
      timeout: 5000,
    });
    const mail = smtp.inbox.find((m) => m.to.includes('nguoi.dan@example.vn'))!;
    expect(bodyText(mail.raw)).toContain('482913');
    // A citizen has no account: no link to a notification centre.
    expect(bodyText(mail.raw)).not.toContain('/app/notifications');
    // Erased just after the send is recorded (a step after the status moves to 'sent': wait for it, as a slow
    // machine may read in between).
    const stored = () =>
      s.deps.db
        .selectFrom('notifications')
        .select(['titleVi', 'bodyVi', 'bodyEn'])
        .where('id', '=', r.notificationId)
        .executeTakeFirstOrThrow();
    // The body is erased and the address masked once the delivery has finished: wait for both (on a busy
    // machine the check can fall between the two).
    await vi.waitFor(
      async () => {
        expect(await stored()).toEqual({ titleVi: 'Mã xác thực DXBoard', bodyVi: '', bodyEn: '' });
        expect((await statusOf(r.notificationId, 'email'))?.address).toBe('n***@example.vn');
      },
      { timeout: 10_000 },
    );
  });

  it('posts the webhook as signed JSON the relay can verify', async () => {
    hookStatus = 200;
    const userId = await s.user('leader', s.tree.communeA, 'lanh.dao@xa.gov.vn');
    const before = hook.calls.length;
    const r = await s.notify(testEvent({ recipients: { userIds: [userId] }, channels: ['webhook'] }));
    await vi.waitFor(async () => expect((await statusOf(r.notificationId, 'webhook'))?.status).toBe('sent'), {
      timeout: 5000,
    });
    expect(hook.calls.length - before).toBe(1);
    const call = hook.calls[hook.calls.length - 1];
    const timestamp = String(call.headers['x-dxboard-timestamp']);
    expect(call.headers['x-dxboard-signature']).toBe(signWebhook(SECRET, timestamp, call.body));
    expect(call.headers['x-dxboard-signature']).not.toBe(
      signWebhook('another-secret-value', timestamp, call.body),
    );
    expect(JSON.parse(call.body)).toMatchObject({
      type: 'notification',
      notificationId: r.notificationId,
      kind: 'steer.task_due_soon',
      category: 'steer',
      recipient: { userId, email: 'lanh.dao@xa.gov.vn', locale: 'vi' },
      title: { vi: 'Nhiệm vụ sắp đến hạn', en: 'Task due soon' },
      link: 'http://127.0.0.1:3000/app/steer/tasks/1',
    });
  });

  it('retries a failing webhook with backoff, then ends failed with the error kept, and never resends it', async () => {
    hookStatus = 503;
    const userId = await s.user('leader', s.tree.communeB);
    const before = hook.calls.length;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const r = await s.notify(testEvent({ recipients: { userIds: [userId] }, channels: ['webhook'] }));
    await vi.waitFor(
      async () => expect((await statusOf(r.notificationId, 'webhook'))?.status).toBe('failed'),
      {
        timeout: 5000,
      },
    );
    const row = await statusOf(r.notificationId, 'webhook');
    expect(row).toMatchObject({ attempts: 3, lastError: 'webhook answered HTTP 503' });
    expect(hook.calls.length - before).toBe(3);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/failed after 3 attempt\(s\): webhook answered HTTP 503/),
    );
    warn.mockRestore();
    s.clock.advance(60 * 60_000);
    await s.jobs.sweep();
    await new Promise((done) => setTimeout(done, 150));
    expect(hook.calls.length - before).toBe(3);
    hookStatus = 200;
  });

  it('recovers after a failure within the attempts: the second try succeeds', async () => {
    hookStatus = 200;
    failNext = 1;
    const userId = await s.user('viewer', s.tree.communeB);
    const before = hook.calls.length;
    const r = await s.notify(testEvent({ recipients: { userIds: [userId] }, channels: ['webhook'] }));
    await vi.waitFor(async () => expect((await statusOf(r.notificationId, 'webhook'))?.status).toBe('sent'), {
      timeout: 5000,
    });
    expect(await statusOf(r.notificationId, 'webhook')).toMatchObject({ attempts: 2, lastError: null });
    expect(hook.calls.length - before).toBe(2);
  });
});

describe.each(testDialects())('once-only delivery across processes and restarts on %s', (dialect) => {
  let s: NotificationsScenario;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    // The app's own queue runs nothing: the rows stay pending, as after a crash before any job ran.
    s = await notificationsScenario(dialect, { env: { SMTP_URL: smtp.url }, runJobs: false });
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  /** A "process": its own in-process queue and job runner over the shared database and SMTP server. */
  function process_() {
    const queue = createMemoryJobQueue({ backoffMs: 20 });
    const runner = createNotificationJobs({ ...s.deps, jobs: queue });
    registerNotificationJobs({ jobs: queue }, runner);
    return { queue, runner };
  }

  it('sends each pending delivery exactly once when two processes sweep at the same time', async () => {
    const users: number[] = [];
    for (let i = 0; i < 12; i++) users.push(await s.user('officer', s.tree.communeA, `once.${i}@xa.gov.vn`));
    const r = await s.notify(
      testEvent({ urgent: true, channels: ['email'], recipients: { userIds: users } }),
    );
    expect(r.deliveries.email).toBe(12);
    const [a, b] = [process_(), process_()];
    try {
      const [ra, rb] = await Promise.all([a.runner.sweep(), b.runner.sweep()]);
      // Whatever each sweep found (the other may already be sending), all twelve were queued at least once.
      expect(ra.deliveries + rb.deliveries).toBeGreaterThanOrEqual(12);
      await vi.waitFor(
        async () =>
          expect((await deliveriesOf(s, r.notificationId)).every((d) => d.status === 'sent')).toBe(true),
        { timeout: 10_000 },
      );
      await new Promise((done) => setTimeout(done, 200));
      const received = smtp.inbox.filter((m) => m.to.some((to) => to.startsWith('once.')));
      expect(received).toHaveLength(12);
      expect(new Set(received.map((m) => m.to[0])).size).toBe(12);
      expect((await deliveriesOf(s, r.notificationId)).map((d) => d.attempts)).toEqual(Array(12).fill(1));
    } finally {
      await a.queue.close();
      await b.queue.close();
    }
  });

  it('lets one of two processes send a delivery both try at the same moment (a duplicated job)', async () => {
    const users: number[] = [];
    for (let i = 0; i < 8; i++) users.push(await s.user('leader', s.tree.communeA, `twice.${i}@xa.gov.vn`));
    const r = await s.notify(
      testEvent({ urgent: true, channels: ['email'], recipients: { userIds: users } }),
    );
    const ids = (
      await s.deps.db
        .selectFrom('notificationDeliveries')
        .select('id')
        .where('notificationId', '=', r.notificationId)
        .execute()
    ).map((d) => d.id);
    const [a, b] = [process_(), process_()];
    try {
      await Promise.all(ids.flatMap((id) => [a.runner.deliver(id), b.runner.deliver(id)]));
      const received = smtp.inbox.filter((m) => m.to.some((to) => to.startsWith('twice.')));
      expect(received).toHaveLength(8);
      expect(new Set(received.map((m) => m.to[0])).size).toBe(8);
      expect((await deliveriesOf(s, r.notificationId)).map((d) => [d.status, d.attempts])).toEqual(
        Array(8).fill(['sent', 1]),
      );
    } finally {
      await a.queue.close();
      await b.queue.close();
    }
  });

  it('picks up, after a restart, deliveries left pending and claims left by a process that stopped', async () => {
    const fresh = await s.user('officer', s.tree.communeB, 'after.restart@xa.gov.vn');
    const stuck = await s.user('officer', s.tree.communeB, 'stuck.claim@xa.gov.vn');
    const busy = await s.user('officer', s.tree.communeB, 'busy.claim@xa.gov.vn');
    const r = await s.notify(
      testEvent({ urgent: true, channels: ['email'], recipients: { userIds: [fresh, stuck, busy] } }),
    );
    const claim = (userId: number, at: string) =>
      s.deps.db
        .updateTable('notificationDeliveries')
        .set({ status: 'sending', attempts: 1, claimedAt: at, updatedAt: at })
        .where('notificationId', '=', r.notificationId)
        .where('userId', '=', userId)
        .execute();
    // One sender died 20 minutes ago mid-send; another claimed its row a minute ago and is still sending.
    await claim(stuck, new Date(s.clock.now().getTime() - 20 * 60_000).toISOString());
    await claim(busy, new Date(s.clock.now().getTime() - 60_000).toISOString());
    const restarted = process_();
    try {
      const swept = await restarted.runner.sweep();
      expect(swept).toMatchObject({ deliveries: 2, released: 1 });
      await vi.waitFor(
        () => expect(smtp.inbox.filter((m) => /after\.restart|stuck\.claim/.test(m.to[0]))).toHaveLength(2),
        {
          timeout: 5000,
        },
      );
      await vi.waitFor(async () =>
        expect((await deliveriesOf(s, r.notificationId)).map((d) => [d.userId, d.status])).toEqual(
          expect.arrayContaining([
            [fresh, 'sent'],
            [stuck, 'sent'],
            [busy, 'sending'],
          ]),
        ),
      );
      expect(smtp.inbox.some((m) => m.to[0] === 'busy.claim@xa.gov.vn')).toBe(false);
    } finally {
      await restarted.queue.close();
    }
  });
});
