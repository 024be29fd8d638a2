import type { Generated } from 'kysely';

// The notification service: events (once per idempotency key), deliveries per (recipient, channel), per-user
// preferences per category, and one daily digest per (user, Vietnam date).

export interface NotificationsTable {
  id: Generated<number>;
  idempotencyKey: string;
  kind: string;
  category: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  link: string | null;
  urgent: Generated<number>;
  isDemo: Generated<number>;
  /** 1: the body is erased and addresses masked once every delivery has finished (one-time codes). */
  transient: Generated<number>;
  createdAt: string;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'digest' | 'digested';

export interface NotificationDeliveriesTable {
  id: Generated<number>;
  notificationId: number;
  recipientKey: string;
  userId: number | null;
  address: string | null;
  channel: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  lastError: string | null;
  claimedAt: string | null;
  sentAt: string | null;
  readAt: string | null;
  digestId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationDigestsTable {
  id: Generated<number>;
  userId: number;
  digestDate: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  itemCount: number;
  attempts: Generated<number>;
  lastError: string | null;
  claimedAt: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationPreferencesTable {
  id: Generated<number>;
  userId: number;
  category: string;
  emailMode: string;
  webhookMode: string;
  updatedAt: string;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notificationDeliveries: NotificationDeliveriesTable;
  notificationDigests: NotificationDigestsTable;
  notificationPreferences: NotificationPreferencesTable;
}
