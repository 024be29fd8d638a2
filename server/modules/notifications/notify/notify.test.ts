import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import {
  deliveriesOf,
  type NotificationsScenario,
  notificationsScenario,
  testEvent,
} from '../notifications-test-fixtures.js';
import { registerNotificationTemplates } from './templates.js';

const WEBHOOK = {
  NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
  NOTIFY_WEBHOOK_SECRET: 'a-long-enough-secret',
};

describe.each(testDialects())('notify() on %s', (dialect) => {
  let s: NotificationsScenario;
  beforeAll(async () => {
    // The webhook is configured but unreachable; these tests never run the delivery jobs.
    s = await notificationsScenario(dialect, { env: WEBHOOK, runJobs: false });
  });
  afterAll(async () => s.close());

  it('records an event once per idempotency key: the second call writes nothing', async () => {
    const userId = await s.user('officer', s.tree.communeA);
    const event = testEvent({
      idempotencyKey: 'steer:task:7:due-soon:2026-03-02',
      recipients: { userIds: [userId] },
    });
    const first = await s.notify(event);
    const second = await s.notify({ ...event, title: { vi: 'Khác', en: 'Other' } });
    expect(first.created).toBe(true);
    expect(second).toEqual({
      notificationId: first.notificationId,
      created: false,
      deliveries: { in_app: 0, email: 0, webhook: 0, sms: 0 },
    });
    const rows = await s.deps.db
      .selectFrom('notifications')
      .select(['titleVi'])
      .where('idempotencyKey', '=', event.idempotencyKey)
      .execute();
    expect(rows).toEqual([{ titleVi: 'Nhiệm vụ sắp đến hạn' }]);
    expect(await deliveriesOf(s, first.notificationId)).toHaveLength(3);
    // One dispatch job for the one recorded notification, none for the repeat.
    expect(s.enqueued.filter((j) => j.name === 'notifications.dispatch')).toContainEqual(
      expect.objectContaining({ payload: { notificationId: first.notificationId } }),
    );
    expect(
      s.enqueued.filter(
        (j) => (j.payload as { notificationId?: number }).notificationId === first.notificationId,
      ),
    ).toHaveLength(1);
  });

  it('rolls back with the caller: a failed write leaves no notification', async () => {
    const userId = await s.user('officer', s.tree.communeA);
    const event = testEvent({ recipients: { userIds: [userId] } });
    await expect(
      s.deps.db.transaction().execute(async (trx) => {
        await s.notifier.notify(trx, event);
        throw new Error('the caller’s write failed');
      }),
    ).rejects.toThrow(/failed/);
    const found = await s.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('idempotencyKey', '=', event.idempotencyKey)
      .execute();
    expect(found).toEqual([]);
  });

  it('creates deliveries per channel as each recipient’s preferences say (defaults: digest email, webhook)', async () => {
    const byDefault = await s.user('officer', s.tree.communeB);
    const immediate = await s.user('officer', s.tree.communeB);
    const noEmail = await s.user('officer', s.tree.communeB);
    const now = s.clock.now().toISOString();
    await s.deps.db
      .insertInto('notificationPreferences')
      .values([
        { userId: immediate, category: 'steer', emailMode: 'immediate', webhookMode: 'off', updatedAt: now },
        { userId: noEmail, category: 'steer', emailMode: 'off', webhookMode: 'immediate', updatedAt: now },
        // Another category's choice does not apply to a steer event.
        { userId: byDefault, category: 'feedback', emailMode: 'off', webhookMode: 'off', updatedAt: now },
      ])
      .execute();
    const result = await s.notify(testEvent({ recipients: { userIds: [byDefault, immediate, noEmail] } }));
    expect(result.deliveries).toEqual({ in_app: 3, email: 2, webhook: 2, sms: 0 });
    const rows = await deliveriesOf(s, result.notificationId);
    const of = (id: number) => rows.filter((r) => r.userId === id).map((r) => [r.channel, r.status]);
    expect(of(byDefault)).toEqual([
      ['email', 'digest'],
      ['in_app', 'sent'],
      ['webhook', 'pending'],
    ]);
    expect(of(immediate)).toEqual([
      ['email', 'pending'],
      ['in_app', 'sent'],
    ]);
    expect(of(noEmail)).toEqual([
      ['in_app', 'sent'],
      ['webhook', 'pending'],
    ]);
    // Each row is unique per (notification, recipient, channel) in the database, not only in code.
    await expect(
      s.deps.db
        .insertInto('notificationDeliveries')
        .values({
          notificationId: result.notificationId,
          recipientKey: `user:${byDefault}`,
          userId: byDefault,
          address: null,
          channel: 'in_app',
          status: 'sent',
          createdAt: now,
          updatedAt: now,
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('sends an urgent event at once instead of in the digest, but never to someone who turned email off', async () => {
    const byDefault = await s.user('officer', s.tree.communeB);
    const noEmail = await s.user('officer', s.tree.communeB);
    await s.deps.db
      .insertInto('notificationPreferences')
      .values({
        userId: noEmail,
        category: 'steer',
        emailMode: 'off',
        webhookMode: 'off',
        updatedAt: s.clock.now().toISOString(),
      })
      .execute();
    const result = await s.notify(testEvent({ urgent: true, recipients: { userIds: [byDefault, noEmail] } }));
    const rows = await deliveriesOf(s, result.notificationId);
    expect(rows.filter((r) => r.channel === 'email').map((r) => [r.userId, r.status])).toEqual([
      [byDefault, 'pending'],
    ]);
  });

  it('restricts channels when the event says so, and mails people without an account at once', async () => {
    const userId = await s.user('officer', s.tree.communeA);
    const inApp = await s.notify(testEvent({ channels: ['in_app'], recipients: { userIds: [userId] } }));
    expect(inApp.deliveries).toEqual({ in_app: 1, email: 0, webhook: 0, sms: 0 });
    const otp = await s.notify(
      testEvent({
        kind: 'feedback.otp',
        recipients: { emails: ['Nguoi.Dan@Example.vn', 'nguoi.dan@example.vn'] },
      }),
    );
    expect(await deliveriesOf(s, otp.notificationId)).toEqual([
      expect.objectContaining({
        recipientKey: 'email:nguoi.dan@example.vn',
        channel: 'email',
        status: 'pending',
        userId: null,
        address: 'nguoi.dan@example.vn',
      }),
    ]);
  });

  it('resolves "role X on unit Y" through role assignments and unit_closure, active users only', async () => {
    const onCommune = await s.user('leader', s.tree.communeA);
    const onProvince = await s.user('leader', s.tree.province);
    const otherCommune = await s.user('leader', s.tree.communeB);
    const otherRole = await s.user('viewer', s.tree.communeA);
    const inactive = await s.user('leader', s.tree.communeA);
    await s.deps.db.updateTable('users').set({ isActive: 0 }).where('id', '=', inactive).execute();
    const recipients = async (reach: 'unit' | 'covering') => {
      const r = await s.notify(
        testEvent({
          channels: ['in_app'],
          recipients: { roles: [{ role: 'leader', unitId: s.tree.communeA, reach }] },
        }),
      );
      return (await deliveriesOf(s, r.notificationId)).map((d) => d.userId);
    };
    const exact = await recipients('unit');
    expect(exact).toContain(onCommune);
    expect(exact).not.toContain(onProvince);
    const covering = await recipients('covering');
    expect(covering).toEqual(expect.arrayContaining([onCommune, onProvince]));
    for (const id of [otherCommune, otherRole, inactive]) {
      expect(exact).not.toContain(id);
      expect(covering).not.toContain(id);
    }
  });

  it('follows lineage in unit_closure: the successor unit’s officers cover a merged unit', async () => {
    // communeB was merged into communeA: the closure holds (A → B) via lineage, as the units module writes it.
    await s.deps.db
      .insertInto('unitClosure')
      .values({ ancestorId: s.tree.communeA, descendantId: s.tree.communeB, depth: 1, viaLineage: 1 })
      .execute();
    const successor = await s.user('secretariat', s.tree.communeA);
    const r = await s.notify(
      testEvent({
        channels: ['in_app'],
        recipients: { roles: [{ role: 'secretariat', unitId: s.tree.communeB, reach: 'covering' }] },
      }),
    );
    expect((await deliveriesOf(s, r.notificationId)).map((d) => d.userId)).toContain(successor);
  });

  it('renders a registered template with its parameters, in both languages', async () => {
    registerNotificationTemplates({
      'steer.task_overdue': {
        title: { vi: 'Nhiệm vụ quá hạn {days} ngày', en: 'Task {days} days overdue' },
        body: { vi: '{task}', en: '{task}' },
      },
    });
    const r = await s.notify(
      testEvent({
        title: undefined,
        body: undefined,
        message: { key: 'steer.task_overdue', params: { days: 4, task: 'Số hoá hồ sơ' } },
      }),
    );
    const row = await s.deps.db
      .selectFrom('notifications')
      .select(['titleVi', 'titleEn', 'bodyEn', 'category'])
      .where('id', '=', r.notificationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      titleVi: 'Nhiệm vụ quá hạn 4 ngày',
      titleEn: 'Task 4 days overdue',
      bodyEn: 'Số hoá hồ sơ',
      category: 'steer',
    });
  });

  it('refuses a malformed event as a programming error', async () => {
    await expect(s.notify(testEvent({ kind: 'NoCategory' }))).rejects.toThrow(/kind/);
    await expect(s.notify(testEvent({ idempotencyKey: '' }))).rejects.toThrow(/idempotencyKey/);
    await expect(s.notify(testEvent({ link: 'javascript:alert(1)' }))).rejects.toThrow(/link/);
    await expect(s.notify(testEvent({ recipients: { emails: ['not an address'] } }))).rejects.toThrow(
      /email/,
    );
    await expect(s.notify(testEvent({ title: undefined, message: { key: 'nope.none' } }))).rejects.toThrow(
      /template/,
    );
  });
  it('records many events at once as notify() would one by one: keys once, roles resolved, results in order', async () => {
    const a = await s.user('officer', s.tree.communeA);
    const b = await s.user('officer', s.tree.communeB);
    const old = testEvent({ recipients: { userIds: [a] } });
    const before = await s.notify(old);
    const twice = testEvent({ recipients: { userIds: [b] } });
    const events = [
      testEvent({ recipients: { roles: [{ role: 'officer', unitId: s.tree.communeA, reach: 'unit' }] } }),
      old,
      twice,
      { ...twice, title: { vi: 'Lần hai', en: 'Second' } },
      testEvent({ kind: 'feedback.report_assigned', recipients: { userIds: [a, b] }, urgent: true }),
      // Officers of two units found in one read (per role): each event still reaches only its own unit's.
      testEvent({ recipients: { roles: [{ role: 'officer', unitId: s.tree.communeB, reach: 'unit' }] } }),
    ];
    const results = await s.deps.db.transaction().execute((trx) => s.notifier.notifyMany(trx, events));
    expect(results.map((r) => r.created)).toEqual([true, false, true, false, true, true]);
    expect(results[1].notificationId).toBe(before.notificationId);
    expect(results[3].notificationId).toBe(results[2].notificationId);
    // Each created event has exactly the deliveries a single notify() makes for the same recipients.
    const single = await s.notify({ ...events[0], idempotencyKey: `${events[0].idempotencyKey}:alone` });
    expect(results[0].deliveries).toEqual(single.deliveries);
    const recipients = async (id: number) =>
      [...new Set((await deliveriesOf(s, id)).map((d) => d.userId))].sort((x, y) => Number(x) - Number(y));
    expect(await recipients(results[0].notificationId)).toContain(a);
    expect(await recipients(results[0].notificationId)).not.toContain(b);
    expect(await recipients(results[4].notificationId)).toEqual([a, b].sort((x, y) => x - y));
    expect(await recipients(results[5].notificationId)).toContain(b);
    expect(await recipients(results[5].notificationId)).not.toContain(a);
    const urgentEmails = (await deliveriesOf(s, results[4].notificationId)).filter(
      (d) => d.channel === 'email',
    );
    expect(urgentEmails.map((d) => d.status)).toEqual(['pending', 'pending']);
  });

  it('resolves "covering" roles of many units in one batch exactly as one by one, lineage included', async () => {
    const onA = await s.user('viewer', s.tree.communeA);
    const onB = await s.user('viewer', s.tree.communeB);
    const onProvince = await s.user('viewer', s.tree.province);
    const onDepartment = await s.user('viewer', s.tree.department);
    const event = (unitId: number, tag: string) =>
      testEvent({
        idempotencyKey: `covering-batch:${tag}:${unitId}`,
        channels: ['in_app'],
        recipients: { roles: [{ role: 'viewer', unitId, reach: 'covering' }] },
      });
    const units = [s.tree.communeA, s.tree.communeB, s.tree.department];
    const batch = await s.deps.db.transaction().execute((trx) =>
      s.notifier.notifyMany(
        trx,
        units.map((u) => event(u, 'many')),
      ),
    );
    const recipients = async (id: number) =>
      [...new Set((await deliveriesOf(s, id)).map((d) => d.userId))].sort((x, y) => Number(x) - Number(y));
    for (const [i, unitId] of units.entries()) {
      const alone = await s.notify(event(unitId, 'alone'));
      expect(await recipients(batch[i].notificationId)).toEqual(await recipients(alone.notificationId));
    }
    expect(await recipients(batch[0].notificationId)).toEqual(expect.arrayContaining([onA, onProvince]));
    expect(await recipients(batch[0].notificationId)).not.toContain(onDepartment);
    expect(await recipients(batch[2].notificationId)).not.toContain(onA);
    // Lineage: B merged into A earlier in this file, so A's viewers cover B.
    expect(await recipients(batch[1].notificationId)).toEqual(expect.arrayContaining([onA, onB, onProvince]));
  });
});
