import { z } from 'zod';
import { EMAIL_MODES, NOTIFICATION_CATEGORIES, WEBHOOK_MODES } from '../notifications/categories.js';

// Request and response shapes of the notification centre (my notifications, unread count, mark read,
// preferences). The server validates with these; the staff app builds against the inferred types.

const IdNumber = z.number().int().positive().max(2_147_483_647);

export const NotificationCategorySchema = z.enum(NOTIFICATION_CATEGORIES);
export const EmailModeSchema = z.enum(EMAIL_MODES);
export const WebhookModeSchema = z.enum(WEBHOOK_MODES);

export const NotificationListQuerySchema = z.strictObject({
  /** 'unread': unread first, then newest; 'newest': by time only. */
  sort: z.enum(['unread', 'newest']).default('unread'),
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationItemSchema = z
  .object({
    id: z.number(),
    kind: z.string(),
    category: NotificationCategorySchema,
    /** In the language the request asked for (Accept-Language), Vietnamese by default. */
    title: z.string(),
    body: z.string(),
    /** A path inside the staff app (or an absolute link), or null. */
    link: z.string().nullable(),
    urgent: z.boolean(),
    isDemo: z.boolean(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationItem = z.infer<typeof NotificationItemSchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationItemSchema),
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const UnreadCountSchema = z.object({ unread: z.number() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const MarkReadBodySchema = z.strictObject({ ids: z.array(IdNumber).min(1).max(200) });
export type MarkReadBody = z.infer<typeof MarkReadBodySchema>;

export const MarkReadResultSchema = z.object({
  /** How many of the caller's notifications changed from unread to read (others' ids are ignored). */
  updated: z.number(),
  unread: z.number(),
});
export type MarkReadResult = z.infer<typeof MarkReadResultSchema>;

export const CategoryPreferenceSchema = z.strictObject({
  category: NotificationCategorySchema,
  email: EmailModeSchema,
  webhook: WebhookModeSchema,
});

export const NotificationPreferencesSchema = z.object({
  items: z.array(CategoryPreferenceSchema),
  /** Whether this deployment relays notifications to a webhook (NOTIFY_WEBHOOK_URL). */
  webhookAvailable: z.boolean(),
  /** The hour (Vietnam time) the daily digest is sent. */
  digestHour: z.number(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const NotificationPreferencesUpdateSchema = z.strictObject({
  items: z
    .array(CategoryPreferenceSchema)
    .min(1)
    .max(NOTIFICATION_CATEGORIES.length)
    .refine((items) => new Set(items.map((i) => i.category)).size === items.length, {
      message: 'duplicate category',
    }),
});
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdateSchema>;
