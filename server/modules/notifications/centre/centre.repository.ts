import { type Kysely, sql } from 'kysely';
import type { CategoryPreference } from '../../../../core/notifications/categories.js';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import { chunk } from '../../../lib/chunk.js';

// The in-app inbox is the user's 'in_app' delivery rows; read_at marks them read.
export function createCentreRepository(db: Kysely<DB>) {
  const inbox = (exec: Executor, userId: number) =>
    exec
      .selectFrom('notificationDeliveries as d')
      .where('d.userId', '=', userId)
      .where('d.channel', '=', 'in_app');

  return {
    async page(
      userId: number,
      q: { sort: 'unread' | 'newest'; unreadOnly: boolean; offset: number; limit: number },
      exec: Executor = db,
    ) {
      let query = inbox(exec, userId)
        .innerJoin('notifications as n', 'n.id', 'd.notificationId')
        .select([
          'd.id',
          'd.readAt',
          'n.kind',
          'n.category',
          'n.titleVi',
          'n.titleEn',
          'n.bodyVi',
          'n.bodyEn',
          'n.link',
          'n.urgent',
          'n.isDemo',
          'n.createdAt',
        ]);
      if (q.unreadOnly) query = query.where('d.readAt', 'is', null);
      if (q.sort === 'unread') query = query.orderBy(sql`case when d.read_at is null then 0 else 1 end`);
      return query
        .orderBy('n.createdAt', 'desc')
        .orderBy('d.id', 'desc')
        .offset(q.offset)
        .limit(q.limit)
        .execute();
    },

    async counts(userId: number, exec: Executor = db): Promise<{ total: number; unread: number }> {
      const row = await inbox(exec, userId)
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.count<number>(sql`case when d.read_at is null then 1 end`).as('unread'),
        ])
        .executeTakeFirstOrThrow();
      return { total: Number(row.total), unread: Number(row.unread) };
    },

    /** Marks the user's own unread rows among `ids`; returns the ids that changed. */
    async markRead(
      userId: number,
      ids: readonly number[],
      now: string,
      exec: Executor = db,
    ): Promise<number[]> {
      const changed: number[] = [];
      for (const part of chunk([...new Set(ids)])) {
        const rows = await exec
          .updateTable('notificationDeliveries')
          .set({ readAt: now, updatedAt: now })
          .where('id', 'in', part)
          .where('userId', '=', userId)
          .where('channel', '=', 'in_app')
          .where('readAt', 'is', null)
          .returning('id')
          .execute();
        changed.push(...rows.map((r) => r.id));
      }
      return changed.sort((a, b) => a - b);
    },

    async markAllRead(userId: number, now: string, exec: Executor = db): Promise<number> {
      const result = await exec
        .updateTable('notificationDeliveries')
        .set({ readAt: now, updatedAt: now })
        .where('userId', '=', userId)
        .where('channel', '=', 'in_app')
        .where('readAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async preferences(userId: number, exec: Executor = db): Promise<CategoryPreference[]> {
      const rows = await exec
        .selectFrom('notificationPreferences')
        .select(['category', 'emailMode', 'webhookMode'])
        .where('userId', '=', userId)
        .execute();
      return rows.map(
        (r) => ({ category: r.category, email: r.emailMode, webhook: r.webhookMode }) as CategoryPreference,
      );
    },

    async savePreferences(
      userId: number,
      items: readonly CategoryPreference[],
      now: string,
      exec: Executor = db,
    ) {
      for (const p of items) {
        await exec
          .insertInto('notificationPreferences')
          .values({
            userId,
            category: p.category,
            emailMode: p.email,
            webhookMode: p.webhook,
            updatedAt: now,
          })
          .onConflict((oc) =>
            oc
              .columns(['userId', 'category'])
              .doUpdateSet({ emailMode: p.email, webhookMode: p.webhook, updatedAt: now }),
          )
          .execute();
      }
    },
  };
}
export type CentreRepository = ReturnType<typeof createCentreRepository>;
