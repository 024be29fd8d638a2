import type { Config, SmsGatewayConfig } from '../../../config.js';
import { maskPhone } from '../../../lib/mask.js';
import { absoluteLink, type FetchLike, localeOf, maskEmail } from './channels.js';
import type { DeliveryToSend } from './delivery.repository.js';

// The SMS channel: one generic HTTP gateway adapter (most Vietnamese SMS brandname providers take a POST with
// the number and the text). SMS_GATEWAY_BODY is the request body with {to} and {text}: a JSON template gets
// JSON-escaped values, any other template form-encoded ones, so a message can never break the body's syntax.

type LinkConfig = Pick<Config, 'publicUrl' | 'production' | 'host' | 'port'>;

/** SMS are short and plain: the body (or the title when there is none) and the link; citizens read Vietnamese. */
export function smsText(d: DeliveryToSend, config: LinkConfig): string {
  const locale = localeOf(d.userLocale);
  const title = locale === 'en' ? d.titleEn : d.titleVi;
  const body = (locale === 'en' ? d.bodyEn : d.bodyVi).trim();
  const link = absoluteLink(d.link, config);
  return [body || title, link].filter(Boolean).join(' ');
}

const isJsonTemplate = (template: string) => /^\s*[[{]/.test(template);

/** The request body and its content type, with {to} and {text} filled in and escaped for the template's syntax. */
export function smsRequestBody(template: string, to: string, text: string) {
  const json = isJsonTemplate(template);
  const encodeValue = json ? (v: string) => JSON.stringify(v).slice(1, -1) : encodeURIComponent;
  const body = template.replace(/\{(to|text)\}/g, (_, name: string) =>
    encodeValue(name === 'to' ? to : text),
  );
  return { body, contentType: json ? 'application/json' : 'application/x-www-form-urlencoded' };
}

/** A phone or mail address as it may be stored once a transient message has been sent, or logged. */
export function maskAddress(address: string): string {
  return address.includes('@') ? maskEmail(address) : maskPhone(address);
}

export async function postSms(options: {
  gateway: SmsGatewayConfig;
  to: string;
  text: string;
  fetchImpl: FetchLike;
}): Promise<void> {
  const { gateway, to, text } = options;
  const { body, contentType } = smsRequestBody(gateway.bodyTemplate, to, text);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'user-agent': 'DXBoard-Notifications',
  };
  if (gateway.token) headers[gateway.authHeader.toLowerCase()] = gateway.token;
  const res = await options.fetchImpl(gateway.url, {
    method: 'POST',
    headers,
    body,
    redirect: 'error',
    signal: AbortSignal.timeout(gateway.timeoutMs),
  });
  // The gateway's answer is not read beyond its status; the number never appears in the error (it is logged).
  await res.body?.cancel().catch(() => {});
  if (!res.ok) throw new Error(`SMS gateway answered HTTP ${res.status} for ${maskPhone(to)}`);
}
