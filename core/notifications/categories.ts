import type { LocalisedText } from '../i18n/locale.js';
// Notification categories, channels and preference modes: shared by the server (who gets what, by which
// channel) and the staff app (the preferences form). Pure, no I/O.

/** A kind is '<category>.<event>' (e.g. 'steer.task_due_soon'); its category decides the preferences that apply. */
export const NOTIFICATION_CATEGORIES = ['steer', 'feedback', 'contest', 'measure', 'system'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** 'sms' reaches people without an account by phone (a citizen's one-time code) when a gateway is configured. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'webhook', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Email: each notification at once, one daily digest, or none. The in-app centre always receives everything. */
export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
/** The deployment's webhook relay (e.g. a Zalo OA): at once or not at all (a chat message has no digest). */
export const WEBHOOK_MODES = ['immediate', 'off'] as const;
export type WebhookMode = (typeof WEBHOOK_MODES)[number];

export type CategoryPreference = { category: NotificationCategory; email: EmailMode; webhook: WebhookMode };

/** A kind must be '<category>.<name>' in lower case: the category is found from the kind alone. */
export const KIND_PATTERN = /^[a-z][a-z0-9_]*\.[a-z0-9_.]+$/;

export function categoryOfKind(kind: string): NotificationCategory {
  const head = kind.split('.')[0];
  return (NOTIFICATION_CATEGORIES as readonly string[]).includes(head)
    ? (head as NotificationCategory)
    : 'system';
}

// Officers get many reminders: one mail a day by default, chat messages as they come; urgent events
// (a deadline today, a one-time code) skip the digest.
export function defaultPreference(category: NotificationCategory): CategoryPreference {
  return { category, email: 'digest', webhook: 'immediate' };
}

/** Every category with the stored choice where there is one and the default otherwise. */
export function effectivePreferences(stored: readonly CategoryPreference[]): CategoryPreference[] {
  return NOTIFICATION_CATEGORIES.map(
    (category) => stored.find((p) => p.category === category) ?? defaultPreference(category),
  );
}

export const CATEGORY_LABELS: Record<NotificationCategory, LocalisedText> = {
  steer: { vi: 'Điều hành, nhiệm vụ', en: 'Steering and tasks' },
  feedback: { vi: 'Phản ánh, kiến nghị', en: 'Citizen feedback' },
  contest: { vi: 'Cuộc thi', en: 'Contests' },
  measure: { vi: 'Đo lường, đánh giá', en: 'Measurement' },
  system: { vi: 'Hệ thống', en: 'System' },
};

export const EMAIL_MODE_LABELS: Record<EmailMode, LocalisedText> = {
  immediate: { vi: 'Gửi ngay', en: 'At once' },
  digest: { vi: 'Tổng hợp hằng ngày', en: 'Daily digest' },
  off: { vi: 'Không gửi', en: 'Off' },
};

export const WEBHOOK_MODE_LABELS: Record<WebhookMode, LocalisedText> = {
  immediate: { vi: 'Gửi ngay', en: 'At once' },
  off: { vi: 'Không gửi', en: 'Off' },
};
