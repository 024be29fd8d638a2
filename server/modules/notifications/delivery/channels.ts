import { createHmac } from 'node:crypto';
import type { Config } from '../../../config.js';
import { linkBaseUrl } from '../../../config.js';
import type { Mail } from '../../../deps.js';
import { maskText } from '../../../lib/mask.js';
import type { DeliveryToSend } from './delivery.repository.js';

// What each channel sends: the email of one notification, and the signed JSON a webhook relay receives.

type LinkConfig = Pick<Config, 'publicUrl' | 'production' | 'host' | 'port'>;

/** An absolute link for mail and relays; without a known base (production without PUBLIC_URL) the path stays. */
export function absoluteLink(link: string | null, config: LinkConfig): string | null {
  if (!link) return null;
  if (/^https?:\/\//.test(link)) return link;
  const base = linkBaseUrl(config);
  return base ? `${base}${link}` : link;
}

export const localeOf = (value: string | null | undefined): 'vi' | 'en' => (value === 'en' ? 'en' : 'vi');

const FOOTER = {
  vi: 'Bạn nhận thư này từ DXBoard. Đổi cách nhận thông báo tại',
  en: 'You receive this from DXBoard. Change how you are notified at',
};

export function notificationMail(d: DeliveryToSend, config: LinkConfig): Mail {
  const locale = localeOf(d.userLocale);
  const title = locale === 'en' ? d.titleEn : d.titleVi;
  const body = locale === 'en' ? d.bodyEn : d.bodyVi;
  const link = absoluteLink(d.link, config);
  const lines = [title, '', body];
  if (link) lines.push('', link);
  if (d.userId !== null) {
    lines.push('', '--', `${FOOTER[locale]} ${absoluteLink('/app/notifications', config)}`);
  }
  return { to: d.address ?? d.userEmail ?? '', subject: `[DXBoard] ${title}`, text: lines.join('\n') };
}

/** The signature a relay checks: HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret, in hex. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookPayload(d: DeliveryToSend, config: LinkConfig) {
  return {
    type: 'notification',
    deliveryId: d.id,
    notificationId: d.notificationId,
    kind: d.kind,
    category: d.category,
    urgent: d.urgent === 1,
    recipient: {
      userId: d.userId,
      email: d.userEmail,
      fullName: d.userFullName,
      locale: localeOf(d.userLocale),
    },
    title: { vi: d.titleVi, en: d.titleEn },
    body: { vi: d.bodyVi, en: d.bodyEn },
    link: absoluteLink(d.link, config),
    createdAt: d.createdAt,
  };
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export async function postWebhook(options: {
  url: string;
  secret: string;
  payload: unknown;
  deliveryId: number;
  now: Date;
  fetchImpl: FetchLike;
  timeoutMs?: number;
}): Promise<void> {
  const body = JSON.stringify(options.payload);
  const timestamp = String(Math.floor(options.now.getTime() / 1000));
  const res = await options.fetchImpl(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'DXBoard-Notifications',
      'x-dxboard-delivery': String(options.deliveryId),
      'x-dxboard-timestamp': timestamp,
      'x-dxboard-signature': signWebhook(options.secret, timestamp, body),
    },
    body,
    redirect: 'error',
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  // The relay's answer is not read beyond its status: it is untrusted and may be large.
  await res.body?.cancel().catch(() => {});
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
}

const EMAIL_IN_TEXT = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** 'lan.nguyen@xa.gov.vn' → 'l***@xa.gov.vn': enough to tell addresses apart, not to write to them. */
export function maskEmail(address: string): string {
  return address.replace(EMAIL_IN_TEXT, '$1***@$2');
}

/** An error as it may be stored and logged: phones, CCCD numbers and mail addresses masked, 500 characters. */
export function safeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return maskEmail(maskText(text)).slice(0, 500);
}
