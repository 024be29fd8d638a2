import { describe, expect, it } from 'vitest';
import {
  categoryOfKind,
  effectivePreferences,
  NOTIFICATION_CATEGORIES,
} from '../../../core/notifications/categories.js';
import { loadConfig } from '../../config.js';
import type { UserActor } from '../../lib/actor.js';
import { absoluteLink, notificationMail, safeError, signWebhook } from './delivery/channels.js';
import type { DeliveryToSend } from './delivery/delivery.repository.js';
import { sendOnce } from './delivery/send-once.js';
import { digestMail } from './digest/digest-mail.js';
import { canUseNotificationCentre, isRecipient } from './notifications.policy.js';

// Fast tests of the pure pieces: categories and defaults, the policy, the channels' texts and signature, masking,
// and the once-only send's outcomes on a fake row.

const DEV = { publicUrl: undefined, production: false, host: '0.0.0.0', port: 3000 };
const PROD = { publicUrl: undefined, production: true, host: '0.0.0.0', port: 3000 };

const delivery = (over: Partial<DeliveryToSend> = {}): DeliveryToSend => ({
  id: 7,
  notificationId: 3,
  channel: 'email',
  attempts: 1,
  address: 'lan@xa.gov.vn',
  userId: 5,
  userEmail: 'lan@xa.gov.vn',
  userFullName: 'Lan',
  userLocale: 'vi',
  kind: 'steer.task_due_soon',
  category: 'steer',
  titleVi: 'Sắp đến hạn',
  titleEn: 'Due soon',
  bodyVi: 'Còn 3 ngày',
  bodyEn: '3 days left',
  link: '/app/steer/tasks/1',
  urgent: 0,
  createdAt: '2026-03-02T02:00:00.000Z',
  ...over,
});

describe('categories and preferences', () => {
  it('finds the category from the kind, unknown prefixes counting as system', () => {
    expect(categoryOfKind('feedback.report_answered')).toBe('feedback');
    expect(categoryOfKind('contest.otp')).toBe('contest');
    expect(categoryOfKind('billing.invoice')).toBe('system');
  });

  it('fills every category with the stored choice or the default (daily digest, relay at once)', () => {
    const prefs = effectivePreferences([{ category: 'contest', email: 'off', webhook: 'off' }]);
    expect(prefs.map((p) => p.category)).toEqual([...NOTIFICATION_CATEGORIES]);
    expect(prefs.find((p) => p.category === 'contest')).toEqual({
      category: 'contest',
      email: 'off',
      webhook: 'off',
    });
    expect(prefs.find((p) => p.category === 'steer')).toEqual({
      category: 'steer',
      email: 'digest',
      webhook: 'immediate',
    });
  });
});

describe('notification centre policy', () => {
  const person: UserActor = {
    kind: 'user',
    userId: 5,
    email: 'a@b.vn',
    fullName: 'A',
    sessionId: 's',
    grants: [],
  };
  it('lets a signed-in person in, never a token or nobody', () => {
    expect(canUseNotificationCentre(person)).toBe(true);
    expect(canUseNotificationCentre({ kind: 'token', tokenId: 1, userId: 5, name: 't', grants: [] })).toBe(
      false,
    );
    expect(canUseNotificationCentre(null)).toBe(false);
  });
  it('shows a notification to its recipient alone', () => {
    expect(isRecipient(person, 5)).toBe(true);
    expect(isRecipient(person, 6)).toBe(false);
    expect(isRecipient(person, null)).toBe(false);
  });
});

describe('channels', () => {
  it('makes links absolute from the configured base, never inventing one in production', () => {
    expect(absoluteLink('/app/x', DEV)).toBe('http://127.0.0.1:3000/app/x');
    expect(absoluteLink('/app/x', { ...PROD, publicUrl: 'https://dx.tinh.gov.vn/' })).toBe(
      'https://dx.tinh.gov.vn/app/x',
    );
    expect(absoluteLink('/app/x', PROD)).toBe('/app/x');
    expect(absoluteLink('https://other.example/x', DEV)).toBe('https://other.example/x');
    expect(absoluteLink(null, DEV)).toBeNull();
  });

  it('writes the mail in the recipient’s language; people without an account get no settings link', () => {
    const vi = notificationMail(delivery(), DEV);
    expect(vi).toEqual({
      to: 'lan@xa.gov.vn',
      subject: '[DXBoard] Sắp đến hạn',
      text: expect.stringContaining('Còn 3 ngày\n\nhttp://127.0.0.1:3000/app/steer/tasks/1'),
    });
    expect(vi.text).toContain('/app/notifications');
    const en = notificationMail(delivery({ userLocale: 'en' }), DEV);
    expect(en.subject).toBe('[DXBoard] Due soon');
    const citizen = notificationMail(delivery({ userId: null, userEmail: null, address: 'dan@x.vn' }), DEV);
    expect(citizen.to).toBe('dan@x.vn');
    expect(citizen.text).not.toContain('/app/notifications');
  });

  it('signs "<timestamp>.<body>" with HMAC-SHA256 (a known vector)', () => {
    // The same as: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(signWebhook('secret', '1700000000', '{"a":1}')).toBe(
      'sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686',
    );
    expect(signWebhook('secret', '1700000000', '{"a":1}')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signWebhook('secret', '1700000001', '{"a":1}')).not.toBe(
      signWebhook('secret', '1700000000', '{"a":1}'),
    );
  });

  it('masks phones, CCCD numbers and mail addresses in stored and logged errors', () => {
    const text = safeError(
      new Error('550 mailbox lan.nguyen@xa.gov.vn unknown; call 0912345678, CCCD 001234567890'),
    );
    expect(text).not.toContain('lan.nguyen@');
    expect(text).toContain('l***@xa.gov.vn');
    expect(text).not.toContain('0912345678');
    expect(text).not.toContain('001234567890');
    expect(safeError('x'.repeat(900))).toHaveLength(500);
  });
});

describe('digest mail', () => {
  it('lists the day’s items grouped by category, with the count and the Vietnamese date', () => {
    const item = (category: string, titleVi: string) => ({
      category,
      titleVi,
      titleEn: titleVi,
      bodyVi: 'Nội dung',
      bodyEn: 'Body',
      link: null,
    });
    const mail = digestMail(
      'lan@xa.gov.vn',
      'vi',
      '2026-03-02',
      [item('steer', 'Việc A'), item('feedback', 'Phản ánh B'), item('steer', 'Việc C')],
      DEV,
    );
    expect(mail.subject).toBe('[DXBoard] Tổng hợp 3 thông báo ngày 02/03/2026');
    const lines = mail.text.split('\n');
    expect(lines.indexOf('• Việc C')).toBeLessThan(lines.indexOf('PHẢN ÁNH, KIẾN NGHỊ'));
  });
});

describe('sendOnce', () => {
  const run = (over: { claim?: boolean; attempts?: number; fails?: boolean }) => {
    const finished: [string, string | null][] = [];
    let sent = 0;
    const result = sendOnce({
      label: 'delivery 1',
      maxAttempts: 3,
      claim: async () => over.claim ?? true,
      load: async () => ({ attempts: over.attempts ?? 1 }),
      send: async () => {
        sent++;
        if (over.fails) throw new Error('HTTP 500');
      },
      finish: async (status, error) => void finished.push([status, error]),
    });
    return { result, finished, sent: () => sent };
  };

  it('sends nothing when another sender holds the row', async () => {
    const r = run({ claim: false });
    expect(await r.result).toBe('skipped');
    expect(r.sent()).toBe(0);
    expect(r.finished).toEqual([]);
  });

  it('puts a failed row back to pending and rethrows before the last attempt', async () => {
    const r = run({ attempts: 2, fails: true });
    await expect(r.result).rejects.toThrow(/delivery 1: HTTP 500/);
    expect(r.finished).toEqual([['pending', 'HTTP 500']]);
  });

  it('ends as failed, with the error, at the last attempt (no throw: the queue must not retry it)', async () => {
    const r = run({ attempts: 3, fails: true });
    expect(await r.result).toBe('failed');
    expect(r.finished).toEqual([['failed', 'HTTP 500']]);
  });

  it('marks a successful send sent', async () => {
    const r = run({});
    expect(await r.result).toBe('sent');
    expect(r.finished).toEqual([['sent', null]]);
  });
});

describe('configuration', () => {
  it('reads the webhook, digest hour and sweep period, and refuses an unsigned relay', () => {
    expect(loadConfig({}).notify).toEqual({
      webhookUrl: undefined,
      webhookSecret: undefined,
      digestHour: 7,
      sweepSeconds: 60,
    });
    const env = {
      NOTIFY_WEBHOOK_URL: 'https://relay.tinh.gov.vn/zalo',
      NOTIFY_WEBHOOK_SECRET: 'sixteen-chars-ok',
      NOTIFY_DIGEST_HOUR: '17',
    };
    expect(loadConfig(env).notify).toMatchObject({
      webhookUrl: 'https://relay.tinh.gov.vn/zalo',
      webhookSecret: 'sixteen-chars-ok',
      digestHour: 17,
    });
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'https://relay.tinh.gov.vn/zalo' })).toThrow(
      /NOTIFY_WEBHOOK_SECRET/,
    );
    expect(() => loadConfig({ ...env, NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(/NOTIFY_WEBHOOK_SECRET/);
    expect(() => loadConfig({ NOTIFY_WEBHOOK_URL: 'ftp://relay' })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => loadConfig({ NOTIFY_DIGEST_HOUR: '24' })).toThrow(/NOTIFY_DIGEST_HOUR/);
  });
});
