import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createMemoryJobQueue } from '../../../jobs/memory-queue.js';
import { createNotificationJobs, registerNotificationJobs } from '../notifications.module.js';
import {
  deliveriesOf,
  type NotificationsScenario,
  notificationsScenario,
  testEvent,
} from '../notifications-test-fixtures.js';
import { maskAddress, smsRequestBody } from './sms.js';
import { startWebhook } from './test-receivers.js';

// The SMS channel against a real HTTP gateway on a local port: the body template filled and escaped, the token
// header, retries through the delivery machinery, one send per row across processes, the phone masked.

const TOKEN = 'Bearer sms-gateway-token';

describe('the SMS request body', () => {
  it('JSON-escapes the values of a JSON template and form-encodes any other', () => {
    const json = smsRequestBody(
      '{"phone":"{to}","message":"{text}","brand":"UBND"}',
      '0912345678',
      'Mã "1" \\ \n',
    );
    expect(json.contentType).toBe('application/json');
    expect(JSON.parse(json.body)).toEqual({ phone: '0912345678', message: 'Mã "1" \\ \n', brand: 'UBND' });
    const form = smsRequestBody('to={to}&msg={text}', '+84912345678', 'Mã 123 & x=1');
    expect(form.contentType).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(form.body).get('msg')).toBe('Mã 123 & x=1');
    expect(new URLSearchParams(form.body).get('to')).toBe('+84912345678');
  });

  it('masks a phone or a mail address', () => {
    expect(maskAddress('0912345678')).toBe('091****678');
    expect(maskAddress('lan.nguyen@xa.gov.vn')).toBe('l***@xa.gov.vn');
  });
});

describe.each(testDialects())('SMS through the HTTP gateway on %s', (dialect) => {
  let s: NotificationsScenario;
  let gateway: Awaited<ReturnType<typeof startWebhook>>;
  let failNext = 0;
  let status = 200;

  beforeAll(async () => {
    gateway = await startWebhook(() => (failNext-- > 0 ? 502 : status));
    s = await notificationsScenario(dialect, {
      env: {
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_TOKEN: TOKEN,
        SMS_GATEWAY_BODY: '{"phone":"{to}","message":"{text}","brandname":"UBND-TINH"}',
        SMS_GATEWAY_TIMEOUT_MS: '2000',
      },
    });
  });
  afterAll(async () => {
    await s.close();
    await gateway.close();
  });

  const smsOf = async (notificationId: number) =>
    (await deliveriesOf(s, notificationId)).find((d) => d.channel === 'sms');
  const otp = (phone: string, code: string) =>
    testEvent({
      kind: 'feedback.otp',
      title: { vi: 'Mã xác thực', en: 'Verification code' },
      body: { vi: `Mã xác thực của bạn là ${code}.`, en: `Your code is ${code}.` },
      link: null,
      recipients: { phones: [phone] },
      transient: true,
      urgent: true,
    });

  it("sends a citizen's one-time code once, with the token, then erases the code and masks the phone", async () => {
    const before = gateway.calls.length;
    const r = await s.notify(otp('0912 345 678', '482913'));
    expect(r.deliveries).toMatchObject({ sms: 1, email: 0 });
    await vi.waitFor(async () => expect((await smsOf(r.notificationId))?.status).toBe('sent'), {
      timeout: 5000,
    });
    expect(gateway.calls.length - before).toBe(1);
    const call = gateway.calls[gateway.calls.length - 1];
    expect(call.headers.authorization).toBe(TOKEN);
    expect(call.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call.body)).toEqual({
      phone: '0912345678',
      message: 'Mã xác thực của bạn là 482913.',
      brandname: 'UBND-TINH',
    });
    await vi.waitFor(
      async () => {
        const row = await s.deps.db
          .selectFrom('notifications')
          .select(['bodyVi'])
          .where('id', '=', r.notificationId)
          .executeTakeFirstOrThrow();
        expect(row.bodyVi).toBe('');
        expect((await smsOf(r.notificationId))?.address).toBe('091****678');
      },
      { timeout: 10_000 },
    );
  });

  it('retries through the delivery machinery when the gateway fails, then sends', async () => {
    failNext = 2;
    const before = gateway.calls.length;
    const r = await s.notify(otp('0987654321', '111222'));
    await vi.waitFor(async () => expect((await smsOf(r.notificationId))?.status).toBe('sent'), {
      timeout: 5000,
    });
    expect(await smsOf(r.notificationId)).toMatchObject({ attempts: 3, lastError: null });
    expect(gateway.calls.length - before).toBe(3);
  });

  it('ends failed after the last attempt with an error that never shows the whole phone', async () => {
    status = 500;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const r = await s.notify(otp('0977111222', '333444'));
      await vi.waitFor(async () => expect((await smsOf(r.notificationId))?.status).toBe('failed'), {
        timeout: 5000,
      });
      const row = await smsOf(r.notificationId);
      expect(row?.lastError).toBe('SMS gateway answered HTTP 500 for 097****222');
      const logged = warn.mock.calls.map((c) => String(c[0])).join('\n');
      expect(logged).toContain('097****222');
      expect(logged).not.toContain('0977111222');
    } finally {
      warn.mockRestore();
      status = 200;
    }
  });

  it('lets one of two processes send an SMS both try at the same moment', async () => {
    const r = await s.notify({ ...otp('0911000111', '555666'), urgent: false });
    const row = await s.deps.db
      .selectFrom('notificationDeliveries')
      .select('id')
      .where('notificationId', '=', r.notificationId)
      .where('channel', '=', 'sms')
      .executeTakeFirstOrThrow();
    // The app's own queue may already be sending it: wait for its outcome, then race two more "processes".
    await vi.waitFor(async () => expect((await smsOf(r.notificationId))?.status).toBe('sent'));
    const before = gateway.calls.length;
    const processes = [0, 1].map(() => {
      const queue = createMemoryJobQueue({ backoffMs: 20 });
      const runner = createNotificationJobs({ ...s.deps, jobs: queue });
      registerNotificationJobs({ jobs: queue }, runner);
      return { queue, runner };
    });
    try {
      await s.deps.db
        .updateTable('notificationDeliveries')
        .set({ status: 'pending', attempts: 0 })
        .where('id', '=', row.id)
        .execute();
      await Promise.all(processes.map((p) => p.runner.deliver(row.id)));
      expect(gateway.calls.length - before).toBe(1);
      expect(await smsOf(r.notificationId)).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      for (const p of processes) await p.queue.close();
    }
  });
});

describe.each(testDialects())('without an SMS gateway on %s', (dialect) => {
  let s: NotificationsScenario;
  beforeAll(async () => {
    s = await notificationsScenario(dialect, { runJobs: false });
  });
  afterAll(() => s.close());

  it('records no SMS delivery for a phone (the log sender of development covers it)', async () => {
    const r = await s.notify(testEvent({ kind: 'feedback.otp', recipients: { phones: ['0912345678'] } }));
    expect(r.deliveries.sms).toBe(0);
    expect(await deliveriesOf(s, r.notificationId)).toEqual([]);
  });
});
