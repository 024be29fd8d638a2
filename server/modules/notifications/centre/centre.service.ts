import type { NotificationItem } from '../../../../core/contracts/notifications.js';
import { effectivePreferences } from '../../../../core/notifications/categories.js';
import type { Deps } from '../../../deps.js';
import type { Actor, UserActor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import { canUseNotificationCentre } from '../notifications.policy.js';
import type { NotificationCentre } from '../notifications.types.js';
import type { CentreRepository } from './centre.repository.js';

// The in-app notification centre: my notifications (unread first or newest first), the unread count for the
// bell, marking read, and my delivery preferences. Every query is keyed by the caller's own user id, so nobody
// (not even an admin) reads or marks another person's inbox; ids of others' rows are silently ignored.

export type CentreDeps = Pick<Deps, 'db' | 'clock' | 'audit' | 'config'> & { repo: CentreRepository };

function person(actor: Actor | null): UserActor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canUseNotificationCentre(actor)) throw new AppError('FORBIDDEN', { detailKey: 'auth.session_only' });
  return actor;
}

export function createNotificationCentre({ db, clock, audit, config, repo }: CentreDeps): NotificationCentre {
  const preferencesOf = async (userId: number) => ({
    items: effectivePreferences(await repo.preferences(userId)),
    webhookAvailable: !!config.notify.webhookUrl,
    digestHour: config.notify.digestHour,
  });

  return {
    async list(actor, q, locale) {
      const me = person(actor);
      const [rows, counts] = await Promise.all([
        repo.page(me.userId, {
          sort: q.sort,
          unreadOnly: q.unreadOnly,
          offset: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        }),
        repo.counts(me.userId),
      ]);
      const items: NotificationItem[] = rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        category: r.category as NotificationItem['category'],
        title: locale === 'en' ? r.titleEn : r.titleVi,
        body: locale === 'en' ? r.bodyEn : r.bodyVi,
        link: r.link,
        urgent: r.urgent === 1,
        isDemo: r.isDemo === 1,
        createdAt: r.createdAt,
        readAt: r.readAt,
      }));
      const total = q.unreadOnly ? counts.unread : counts.total;
      return { items, total, unread: counts.unread, page: q.page, pageSize: q.pageSize };
    },

    async unreadCount(actor) {
      const me = person(actor);
      return { unread: (await repo.counts(me.userId)).unread };
    },

    // Reading is recorded in the audit log: "the unit saw the reminder on …" is evidence a secretariat asks for.
    async markRead(actor, ctx, ids) {
      const me = person(actor);
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const changed = await repo.markRead(me.userId, ids, now, trx);
        if (changed.length) {
          await audit.record(trx, ctx, {
            action: 'notification.read',
            entity: 'notification',
            entityId: changed.length === 1 ? changed[0] : null,
            after: { ids: changed, readAt: now },
          });
        }
        return { updated: changed.length, unread: (await repo.counts(me.userId, trx)).unread };
      });
    },

    async markAllRead(actor, ctx) {
      const me = person(actor);
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const updated = await repo.markAllRead(me.userId, now, trx);
        if (updated) {
          await audit.record(trx, ctx, {
            action: 'notification.read_all',
            entity: 'user',
            entityId: me.userId,
            after: { count: updated, readAt: now },
          });
        }
        return { updated, unread: 0 };
      });
    },

    async preferences(actor) {
      return preferencesOf(person(actor).userId);
    },

    async updatePreferences(actor, ctx, body) {
      const me = person(actor);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const before = effectivePreferences(await repo.preferences(me.userId, trx));
        await repo.savePreferences(me.userId, body.items, now, trx);
        const after = effectivePreferences(await repo.preferences(me.userId, trx));
        await audit.record(trx, ctx, {
          action: 'notification_preferences.updated',
          entity: 'user',
          entityId: me.userId,
          before,
          after,
        });
      });
      return preferencesOf(me.userId);
    },
  };
}
