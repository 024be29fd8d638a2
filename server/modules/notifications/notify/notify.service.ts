import type { Insertable } from 'kysely';
import {
  categoryOfKind,
  defaultPreference,
  KIND_PATTERN,
  NOTIFICATION_CHANNELS,
  type NotificationCategory,
  type NotificationChannel,
} from '../../../../core/notifications/categories.js';
import type { Executor } from '../../../db/executor.js';
import type { NotificationDeliveriesTable } from '../../../db/schema-notifications.js';
import type { Deps } from '../../../deps.js';
import type {
  Localised,
  NotificationEvent,
  Notifier,
  NotifyResult,
  RoleRecipients,
} from '../notifications.types.js';
import type { NotifyRepository, RecipientUser, StoredPreference } from './notify.repository.js';
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

type Prepared = {
  event: NotificationEvent;
  texts: { title: Localised; body: Localised };
  category: NotificationCategory;
};

export function createNotifier({
  clock,
  config,
  jobs,
  repo,
  dispatchDelayMs = 1000,
}: NotifierDeps): Notifier {
  const empty = () =>
    Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, 0])) as NotifyResult['deliveries'];

  // Many events in one go: one multi-row insert of the notifications, each distinct role recipient resolved
  // once, one read of the users and of their preferences per category, one multi-row insert of deliveries.
  // A job that tells 1,800 units in a morning (Steer's reminders) makes a handful of statements per batch
  // instead of eight per event (bench/steer.bench.ts). notify() is this with one event.
  async function notifyMany(exec: Executor, events: readonly NotificationEvent[]): Promise<NotifyResult[]> {
    const prepared: Prepared[] = events.map((event) => {
      const texts = textsOf(event);
      check(event, texts);
      return { event, texts, category: categoryOfKind(event.kind) };
    });
    const now = clock.now().toISOString();
    const created = await repo.insertNotifications(
      prepared.map(({ event, texts, category }) => ({
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
      })),
      exec,
    );
    // The same key twice in one batch: the first records it, the second is a no-op like a later call.
    const claimed = new Set<string>();
    const fresh = prepared.map(({ event }) => {
      const id = created.get(event.idempotencyKey);
      if (id === undefined || claimed.has(event.idempotencyKey)) return undefined;
      claimed.add(event.idempotencyKey);
      return id;
    });
    const existing = await repo.notificationIdsByKeys(
      prepared.filter((_, i) => fresh[i] === undefined).map((p) => p.event.idempotencyKey),
      exec,
    );

    // Role holders for every unit of the batch in one read per role and reach: a batch of new feedback
    // reports tells up to 200 different communes' officers (reach 'unit'), a batch of Steer's reminders 100
    // lead units' officers and those above them (reach 'covering'); one read per unit cost a round trip each.
    const atUnits = new Map<
      string,
      { role: RoleRecipients['role']; reach: RoleRecipients['reach']; units: Set<number> }
    >();
    for (let i = 0; i < prepared.length; i++)
      if (fresh[i] !== undefined)
        for (const r of prepared[i].event.recipients.roles ?? []) {
          const k = `${r.role}|${r.reach}`;
          const group = atUnits.get(k) ?? { role: r.role, reach: r.reach, units: new Set<number>() };
          group.units.add(r.unitId);
          atUnits.set(k, group);
        }
    const byRole = new Map<string, number[]>();
    for (const { role, reach, units } of atUnits.values()) {
      const found = await repo.userIdsByRoleAtUnits(role, [...units], exec, reach);
      for (const unitId of units) byRole.set(`${role}|${unitId}|${reach}`, found.get(unitId) ?? []);
    }
    const recipientsOf = (event: NotificationEvent) => {
      const ids = new Set(event.recipients.userIds ?? []);
      for (const r of event.recipients.roles ?? [])
        for (const id of byRole.get(`${r.role}|${r.unitId}|${r.reach}`) ?? []) ids.add(id);
      return ids;
    };
    const wanted: Set<number>[] = [];
    for (let i = 0; i < prepared.length; i++)
      wanted.push(fresh[i] === undefined ? new Set() : recipientsOf(prepared[i].event));
    const users = new Map(
      (
        await repo.activeUsers(
          wanted.flatMap((w) => [...w]),
          exec,
        )
      ).map((u) => [u.id, u]),
    );
    const preferences = new Map<NotificationCategory, Map<number, StoredPreference>>();
    for (const category of new Set(prepared.filter((_, i) => wanted[i].size).map((p) => p.category))) {
      const ids = [...users.keys()].filter((id) =>
        prepared.some((p, i) => p.category === category && wanted[i].has(id)),
      );
      preferences.set(
        category,
        new Map((await repo.preferencesOf(ids, category, exec)).map((p) => [p.userId, p])),
      );
    }

    const rows: Insertable<NotificationDeliveriesTable>[] = [];
    const results: NotifyResult[] = [];
    const dispatch: number[] = [];
    for (let i = 0; i < prepared.length; i++) {
      const { event, category } = prepared[i];
      const notificationId = fresh[i];
      if (notificationId === undefined) {
        results.push({
          notificationId: existing.get(event.idempotencyKey) ?? 0,
          created: false,
          deliveries: empty(),
        });
        continue;
      }
      const own = deliveriesOf(
        event,
        notificationId,
        [...wanted[i]].flatMap((id) => users.get(id) ?? []).sort((a, b) => a.id - b.id),
        preferences.get(category) ?? new Map(),
        category,
        now,
      );
      rows.push(...own);
      const deliveries = empty();
      for (const r of own) deliveries[r.channel as NotificationChannel]++;
      if (own.some((r) => r.status === 'pending')) dispatch.push(notificationId);
      results.push({ notificationId, created: true, deliveries });
    }
    await repo.insertDeliveries(rows, exec);
    for (const notificationId of dispatch) {
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
    return results;
  }

  function deliveriesOf(
    event: NotificationEvent,
    notificationId: number,
    users: RecipientUser[],
    stored: Map<number, StoredPreference>,
    category: NotificationCategory,
    now: string,
  ): Insertable<NotificationDeliveriesTable>[] {
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
    return rows;
  }

  return {
    async notify(exec, event) {
      const [result] = await notifyMany(exec, [event]);
      return result;
    },
    notifyMany,
  };
}
