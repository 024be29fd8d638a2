import type { Role } from '../../../core/accounts/permissions.js';
import type {
  MarkReadResult,
  NotificationListQuery,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  UnreadCount,
} from '../../../core/contracts/notifications.js';
import type { Locale, LocalisedText } from '../../../core/i18n/locale.js';
import type { NotificationChannel } from '../../../core/notifications/categories.js';
import type { Executor } from '../../db/executor.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';

// The notification module's public face (types). Other modules record events with `Notifier.notify(trx, event)`
// inside their own transaction; delivery (in-app, email, webhook) and the daily digest run in background jobs.

/** What the module needs from the container. */
export type NotificationsModuleDeps = Pick<Deps, 'db' | 'clock' | 'audit' | 'config' | 'jobs' | 'mailer'>;

export type Localised = LocalisedText;

/**
 * "The users holding `role` on `unitId`": `reach: 'unit'` those granted on that very unit; `'covering'` every
 * grant whose scope covers it (the unit, its parents, and successors through lineage — unit_closure).
 */
export type RoleRecipients = { role: Role; unitId: number; reach: 'unit' | 'covering' };

export type NotificationRecipients = {
  userIds?: number[];
  roles?: RoleRecipients[];
  /** People without an account (a citizen following a report, a contest participant): email only, at once. */
  emails?: string[];
  /** Phones of people without an account: SMS at once through the HTTP gateway (SMS_GATEWAY_URL), else none. */
  phones?: string[];
};

export type NotificationEvent = {
  /** '<category>.<name>', e.g. 'steer.task_due_soon'; the category selects the recipients' preferences. */
  kind: string;
  recipients: NotificationRecipients;
  /** Either the texts themselves… */
  title?: Localised;
  body?: Localised;
  /** …or a template registered with registerNotificationTemplates and its parameters. */
  message?: { key: string; params?: Record<string, string | number> };
  /** A path inside the staff app ('/app/steer/tasks/12') or an absolute https link. */
  link?: string | null;
  /** The same key twice records one notification: the second call is a no-op. */
  idempotencyKey: string;
  /** Skips the digest (a deadline today, a one-time code): email goes at once unless the user turned it off. */
  urgent?: boolean;
  /** Restricts the channels (e.g. ['in_app']); by default every channel the recipient's preferences allow. */
  channels?: NotificationChannel[];
  /**
   * The body holds a secret (a one-time code) or the event concerns a citizen: sent at once (never in a digest),
   * and once every delivery has finished the body is erased and mail addresses are masked in the stored rows.
   */
  transient?: boolean;
  isDemo?: boolean;
};

export type NotifyResult = {
  notificationId: number;
  /** False when the idempotency key was already recorded (nothing new was written). */
  created: boolean;
  /** Deliveries written per channel (0 when not created). */
  deliveries: Record<NotificationChannel, number>;
};

export type Notifier = {
  /** Records the event in the caller's transaction; background jobs deliver it once that transaction commits. */
  notify(exec: Executor, event: NotificationEvent): Promise<NotifyResult>;
  /** The same for many events in a few statements (a job's batch); results in the events' order. */
  notifyMany(exec: Executor, events: readonly NotificationEvent[]): Promise<NotifyResult[]>;
};

export type NotificationTemplate = { title: Localised; body: Localised };

/** Background work: deliveries, the sweep that finds pending ones again, the daily digest. */
export type NotificationJobs = {
  /**
   * Enqueues the pending deliveries of one notification (run shortly after notify). `attempt` is the job's try:
   * before the notifying transaction commits it throws (so the queue retries), at the last try it gives up.
   */
  dispatch(notificationId: number, attempt?: number): Promise<number>;
  /** Claims and sends one delivery; throws to let the queue retry with backoff; ends as 'failed' at the last try. */
  deliver(deliveryId: number): Promise<void>;
  /** Enqueues pending deliveries and digests whose jobs were lost (a restart) and frees stale claims. */
  sweep(): Promise<{ deliveries: number; digests: number; released: number }>;
  /** Gathers each user's waiting digest items into one digest for today (Vietnam date), once per day. */
  runDigest(options?: { force?: boolean }): Promise<{ date: string; digests: number; items: number }>;
  /** Claims and sends one digest email. */
  sendDigest(digestId: number): Promise<void>;
};

export type NotificationCentre = {
  list(actor: Actor | null, query: NotificationListQuery, locale: Locale): Promise<NotificationPage>;
  unreadCount(actor: Actor | null): Promise<UnreadCount>;
  markRead(actor: Actor | null, ctx: AuditContext, ids: number[]): Promise<MarkReadResult>;
  markAllRead(actor: Actor | null, ctx: AuditContext): Promise<MarkReadResult>;
  preferences(actor: Actor | null): Promise<NotificationPreferences>;
  updatePreferences(
    actor: Actor | null,
    ctx: AuditContext,
    body: NotificationPreferencesUpdate,
  ): Promise<NotificationPreferences>;
};
