import type { Insertable } from 'kysely';
import {
  categoryOfKind,
  defaultPreference,
  KIND_PATTERN,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from '../../../../core/notifications/categories.js';
import type { NotificationDeliveriesTable } from '../../../db/schema-notifications.js';
import type { Deps } from '../../../deps.js';
import type { Localised, NotificationEvent, Notifier, NotifyResult } from '../notifications.types.js';
import type { NotifyRepository } from './notify.repository.js';
import { renderTemplate } from './templates.js';

// The one way a module tells people something: notify(trx, event) writes the notification and its deliveries
// in the caller's transaction (so a rolled-back write notifies nobody), once per idempotency key. Sending is
// left to background jobs: a dispatch job shortly after, and the sweep for anything it missed.

export const DISPATCH_JOB = 'notifications.dispatch';

export type NotifierDeps = Pick<Deps, 'clock' | 'config' | 'jobs'> & {
  repo: NotifyRepository;
  /** Gives the caller's transaction time to commit before the dispatch job looks for the rows. */
  dispatchDelayMs?: number;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?\d{8,15}$/;
/** '0912 345 678', '0912.345.678' → '0912345678'; a leading '+' (international form) is kept. */
const normalisePhone = (value: string) => value.trim().replace(/[\s.()-]/g, '');
const TITLE_MAX = 300;
const BODY_MAX = 4000;

function textsOf(event: NotificationEvent): { title: Localised; body: Localised } {
  if (event.message) return renderTemplate(event.message.key, event.message.params);
  if (!event.title) throw new Error('notify: an event needs a title (or a message key)');
  return { title: event.title, body: event.body ?? { vi: '', en: '' } };
}

function check(event: NotificationEvent, texts: { title: Localised; body: Localised }) {
  // Mistakes here are the calling module's bugs, not a user's input: plain errors, caught by its tests.
  if (!KIND_PATTERN.test(event.kind))
    throw new Error(`notify: kind "${event.kind}" is not '<category>.<name>'`);
  const key = event.idempotencyKey;
  if (!key || key.length > 200) throw new Error('notify: idempotencyKey must have 1–200 characters');
  if (!texts.title.vi.trim() || !texts.title.en.trim()) throw new Error('notify: empty title');
  if (event.link && !/^(\/|https?:\/\/)/.test(event.link))
    throw new Error('notify: link must be a path or an http(s) URL');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function createNotifier({
  clock,
  config,
  jobs,
  repo,
  dispatchDelayMs = 1000,
}: NotifierDeps): Notifier {
  return {
    async notify(exec, event) {
      const texts = textsOf(event);
      check(event, texts);
      const category = categoryOfKind(event.kind);
      const now = clock.now().toISOString();
      const empty = Object.fromEntries(
        NOTIFICATION_CHANNELS.map((c) => [c, 0]),
      ) as NotifyResult['deliveries'];
      const notificationId = await repo.insertNotification(
        {
          idempotencyKey: event.idempotencyKey,
          kind: event.kind,
          category,
          titleVi: clip(texts.title.vi, TITLE_MAX),
          titleEn: clip(texts.title.en, TITLE_MAX),
          bodyVi: clip(texts.body.vi, BODY_MAX),
          bodyEn: clip(texts.body.en, BODY_MAX),
          link: event.link ?? null,
          urgent: event.urgent ? 1 : 0,
          isDemo: event.isDemo ? 1 : 0,
          transient: event.transient ? 1 : 0,
          createdAt: now,
        },
        exec,
      );
      if (notificationId === undefined) {
        const existing = await repo.notificationIdByKey(event.idempotencyKey, exec);
        return { notificationId: existing ?? 0, created: false, deliveries: empty };
      }

      const ids = new Set(event.recipients.userIds ?? []);
      for (const r of event.recipients.roles ?? []) {
        for (const id of await repo.userIdsByRole(r, exec)) ids.add(id);
      }
      const users = await repo.activeUsers([...ids], exec);
      const stored = new Map(
        (
          await repo.preferencesOf(
            users.map((u) => u.id),
            category,
            exec,
          )
        ).map((p) => [p.userId, p]),
      );
      const allowed = new Set<NotificationChannel>(event.channels ?? NOTIFICATION_CHANNELS);
      const webhookOn = !!config.notify.webhookUrl && allowed.has('webhook');
      const rows: Insertable<NotificationDeliveriesTable>[] = [];
      const row = (
        recipientKey: string,
        channel: NotificationChannel,
        status: NotificationDeliveriesTable['status'],
        userId: number | null,
        address: string | null,
      ) => ({
        notificationId,
        recipientKey,
        userId,
        address,
        channel,
        status,
        sentAt: status === 'sent' ? now : null,
        createdAt: now,
        updatedAt: now,
      });
      for (const user of users) {
        const key = `user:${user.id}`;
        const pref = stored.get(user.id);
        const email = pref?.emailMode ?? defaultPreference(category).email;
        const webhook = pref?.webhookMode ?? defaultPreference(category).webhook;
        if (allowed.has('in_app')) rows.push(row(key, 'in_app', 'sent', user.id, null));
        if (allowed.has('email') && email !== 'off') {
          const now_ = event.urgent || event.transient || email === 'immediate';
          rows.push(row(key, 'email', now_ ? 'pending' : 'digest', user.id, user.email));
        }
        if (webhookOn && webhook === 'immediate') rows.push(row(key, 'webhook', 'pending', user.id, null));
      }
      if (allowed.has('email')) {
        const addresses = new Set((event.recipients.emails ?? []).map((e) => e.trim().toLowerCase()));
        for (const address of addresses) {
          if (!EMAIL.test(address)) throw new Error('notify: a recipient email address is malformed');
          rows.push(row(`email:${address}`, 'email', 'pending', null, address));
        }
      }
      if (allowed.has('sms') && config.notify.sms) {
        for (const phone of new Set((event.recipients.phones ?? []).map(normalisePhone))) {
          if (!PHONE.test(phone)) throw new Error('notify: a recipient phone number is malformed');
          rows.push(row(`phone:${phone}`, 'sms', 'pending', null, phone));
        }
      }
      await repo.insertDeliveries(rows, exec);

      const deliveries = { ...empty };
      for (const r of rows) deliveries[r.channel as NotificationChannel]++;
      if (rows.some((r) => r.status === 'pending')) {
        // Never fail the caller's write because the queue is unreachable: the sweep finds pending rows later.
        await jobs
          .enqueue(
            DISPATCH_JOB,
            { notificationId },
            { jobId: `notify_dispatch_${notificationId}`, delayMs: dispatchDelayMs },
          )
          .catch((error: unknown) =>
            console.warn(
              `[notifications] dispatch of ${notificationId} not queued; the sweep will send it:`,
              error,
            ),
          );
      }
      return { notificationId, created: true, deliveries };
    },
  };
}
