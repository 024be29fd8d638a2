import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { seedDemoNotifications } from '../demo/notifications-demo-seed.js';
import {
  type NotificationsScenario,
  notificationsScenario,
  testEvent,
} from '../notifications-test-fixtures.js';

describe.each(testDialects())('the notification centre on %s', (dialect) => {
  let s: NotificationsScenario;
  let me: LoggedIn;
  let other: LoggedIn;
  let admin: LoggedIn;
  const mine: number[] = [];

  beforeAll(async () => {
    s = await notificationsScenario(dialect, { runJobs: false });
    me = await loginAs(s, { role: 'officer', unitId: s.tree.communeA });
    other = await loginAs(s, { role: 'officer', unitId: s.tree.communeA });
    admin = await loginAs(s, { role: 'admin', unitId: s.tree.province });
    for (let i = 1; i <= 5; i++) {
      s.clock.advance(60_000);
      await s.notify(
        testEvent({
          title: { vi: `Thông báo ${i}`, en: `Notice ${i}` },
          body: { vi: `Nội dung ${i}`, en: `Body ${i}` },
          recipients: { userIds: [me.userId] },
        }),
      );
    }
    await s.notify(
      testEvent({
        title: { vi: 'Của người khác', en: 'Someone else’s' },
        recipients: { userIds: [other.userId] },
      }),
    );
    const rows = await s.deps.db
      .selectFrom('notificationDeliveries')
      .select('id')
      .where('userId', '=', me.userId)
      .where('channel', '=', 'in_app')
      .orderBy('id')
      .execute();
    mine.push(...rows.map((r) => r.id));
  });
  afterAll(async () => s.close());

  const get = (url: string, who?: LoggedIn | { headers: Record<string, string> }, lang = 'vi') =>
    s.app.inject({ method: 'GET', url, headers: { ...(who?.headers ?? {}), 'accept-language': lang } });
  const post = (url: string, who: { headers: Record<string, string> }, payload?: object) =>
    s.app.inject({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('401 for anonymous callers on every operation', async () => {
    expect((await get('/api/notifications')).statusCode).toBe(401);
    expect((await get('/api/notifications/unread-count')).statusCode).toBe(401);
    expect((await get('/api/notifications/preferences')).statusCode).toBe(401);
    expect((await s.app.inject({ method: 'POST', url: '/api/notifications/read-all' })).statusCode).toBe(401);
  });

  it('400 on malformed queries and bodies', async () => {
    for (const q of ['?page=0', '?pageSize=101', '?sort=oldest', '?unreadOnly=yes', '?x=1']) {
      expect((await get(`/api/notifications${q}`, me)).statusCode, q).toBe(400);
    }
    expect((await post('/api/notifications/read', me, { ids: [] })).statusCode).toBe(400);
    expect((await post('/api/notifications/read', me, { ids: [-1] })).statusCode).toBe(400);
    const badPrefs = await s.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: me.headers,
      payload: { items: [{ category: 'steer', email: 'hourly', webhook: 'off' }] },
    });
    expect(badPrefs.statusCode).toBe(400);
  });

  it('403 for an API token, even one with every permission: a machine client has no inbox', async () => {
    const token = await createApiToken(s, {
      unitId: s.tree.province,
      permissions: ['units.read', 'audit.read'],
    });
    const res = await get('/api/notifications', token);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/notifications/unread-count', token)).statusCode).toBe(403);
  });

  it('lists only my own notifications, newest first, in the language asked for, with paging', async () => {
    const res = await get('/api/notifications?sort=newest&pageSize=2', me);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 5, unread: 5, page: 1, pageSize: 2 });
    expect(page.items.map((i: { title: string }) => i.title)).toEqual(['Thông báo 5', 'Thông báo 4']);
    expect(page.items[0]).toMatchObject({
      kind: 'steer.task_due_soon',
      category: 'steer',
      body: 'Nội dung 5',
      link: '/app/steer/tasks/1',
      readAt: null,
      isDemo: false,
      urgent: false,
    });
    const third = (await get('/api/notifications?sort=newest&pageSize=2&page=3', me, 'en')).json();
    expect(third.items.map((i: { title: string }) => i.title)).toEqual(['Notice 1']);
    const everyone = [me, other, admin];
    const titles = await Promise.all(
      everyone.map(async (who) =>
        (await get('/api/notifications?pageSize=100', who))
          .json()
          .items.map((i: { title: string }) => i.title),
      ),
    );
    expect(titles[1]).toEqual(['Của người khác']);
    // The province's admin sees none of the officers' notifications.
    expect(titles[2]).toEqual([]);
  });

  it('marks one read (ignoring ids that are not mine), shows unread first, and counts unread for the bell', async () => {
    const othersId = (
      await s.deps.db
        .selectFrom('notificationDeliveries')
        .select('id')
        .where('userId', '=', other.userId)
        .executeTakeFirstOrThrow()
    ).id;
    const res = await post('/api/notifications/read', me, { ids: [mine[4], othersId, 999_999] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 1, unread: 4 });
    // Marking it again changes nothing.
    expect((await post('/api/notifications/read', me, { ids: [mine[4]] })).json()).toEqual({
      updated: 0,
      unread: 4,
    });
    expect((await get('/api/notifications/unread-count', other)).json()).toEqual({ unread: 1 });
    expect((await get('/api/notifications/unread-count', me)).json()).toEqual({ unread: 4 });
    const unreadFirst = (await get('/api/notifications', me)).json();
    expect(unreadFirst.items.map((i: { title: string }) => i.title)).toEqual([
      'Thông báo 4',
      'Thông báo 3',
      'Thông báo 2',
      'Thông báo 1',
      'Thông báo 5',
    ]);
    expect(unreadFirst.items[4].readAt).toBe(s.clock.now().toISOString());
    const onlyUnread = (await get('/api/notifications?unreadOnly=true', me)).json();
    expect(onlyUnread).toMatchObject({ total: 4, unread: 4 });
    const audit = await s.deps.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId', 'afterJson'])
      .where('action', '=', 'notification.read')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actorUserId).toBe(me.userId);
    expect(JSON.parse(audit[0].afterJson ?? '{}').ids).toEqual([mine[4]]);
  });

  it('marks all mine read and leaves others’ unread', async () => {
    const res = await post('/api/notifications/read-all', me);
    expect(res.json()).toEqual({ updated: 4, unread: 0 });
    expect((await get('/api/notifications/unread-count', me)).json()).toEqual({ unread: 0 });
    expect((await get('/api/notifications/unread-count', other)).json()).toEqual({ unread: 1 });
  });

  it('shows default preferences and saves my choices (audited), which the next notify follows', async () => {
    const prefs = (await get('/api/notifications/preferences', me)).json();
    expect(prefs.webhookAvailable).toBe(false);
    expect(prefs.digestHour).toBe(7);
    expect(prefs.items).toContainEqual({ category: 'steer', email: 'digest', webhook: 'immediate' });
    expect(prefs.items).toHaveLength(5);
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: me.headers,
      payload: { items: [{ category: 'steer', email: 'off', webhook: 'off' }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toContainEqual({ category: 'steer', email: 'off', webhook: 'off' });
    expect(put.json().items).toContainEqual({ category: 'feedback', email: 'digest', webhook: 'immediate' });
    const r = await s.notify(testEvent({ recipients: { userIds: [me.userId] } }));
    expect(r.deliveries).toEqual({ in_app: 1, email: 0, webhook: 0, sms: 0 });
    const audit = await s.deps.db
      .selectFrom('auditLog')
      .select(['entityId', 'beforeJson', 'afterJson'])
      .where('action', '=', 'notification_preferences.updated')
      .executeTakeFirstOrThrow();
    expect(audit.entityId).toBe(String(me.userId));
    expect(JSON.parse(audit.beforeJson ?? '[]')).toContainEqual({
      category: 'steer',
      email: 'digest',
      webhook: 'immediate',
    });
    expect(JSON.parse(audit.afterJson ?? '[]')).toContainEqual({
      category: 'steer',
      email: 'off',
      webhook: 'off',
    });
  });

  it('gives the demo users a few in-app demo notifications, once however often it runs', async () => {
    const demo = await loginAs(s, { role: 'viewer', unitId: s.tree.communeB, email: 'xem@demo.dxboard.vn' });
    expect(await seedDemoNotifications(s.deps)).toBe(4);
    expect(await seedDemoNotifications(s.deps)).toBe(0);
    const page = (await get('/api/notifications', demo)).json();
    expect(page.total).toBe(4);
    expect(page.items.every((i: { isDemo: boolean }) => i.isDemo)).toBe(true);
    const channels = await s.deps.db
      .selectFrom('notificationDeliveries')
      .select('channel')
      .distinct()
      .where('userId', '=', demo.userId)
      .execute();
    expect(channels).toEqual([{ channel: 'in_app' }]);
    expect(
      (await get('/api/notifications', me)).json().items.some((i: { isDemo: boolean }) => i.isDemo),
    ).toBe(false);
  });
});
