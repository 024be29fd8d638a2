import type { Insertable, Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type { NotificationDeliveriesTable, NotificationsTable } from '../../../db/schema-notifications.js';
import { chunk } from '../../../lib/chunk.js';
import type { RoleRecipients } from '../notifications.types.js';

export type RecipientUser = { id: number; email: string };
export type StoredPreference = { userId: number; emailMode: string; webhookMode: string };

// Recording an event: the notification (once per key), who receives it, their preferences, the delivery rows.
export function createNotifyRepository(db: Kysely<DB>) {
  return {
    /** The ids of the notifications this call recorded, by key; a key already recorded is absent. */
    async insertNotifications(
      values: Insertable<NotificationsTable>[],
      exec: Executor = db,
    ): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      // 12 columns a row: 100 rows stay well under SQLite's bound-parameter limit.
      for (const part of chunk(values, 100)) {
        const rows = await exec
          .insertInto('notifications')
          .values(part)
          .onConflict((oc) => oc.column('idempotencyKey').doNothing())
          .returning(['id', 'idempotencyKey'])
          .execute();
        for (const r of rows) out.set(r.idempotencyKey, r.id);
      }
      return out;
    },

    async notificationIdsByKeys(keys: readonly string[], exec: Executor = db): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (const part of chunk([...new Set(keys)])) {
        const rows = await exec
          .selectFrom('notifications')
          .select(['id', 'idempotencyKey'])
          .where('idempotencyKey', 'in', part)
          .execute();
        for (const r of rows) out.set(r.idempotencyKey, r.id);
      }
      return out;
    },

    /**
     * The holders of `role` for each of `unitIds`, for many units in one read: at the unit itself (reach
     * 'unit'), or at the unit or any unit above it or succeeding it (reach 'covering', through the closure).
     */
    async userIdsByRoleAtUnits(
      role: RoleRecipients['role'],
      unitIds: readonly number[],
      exec: Executor = db,
      reach: RoleRecipients['reach'] = 'unit',
    ): Promise<Map<number, number[]>> {
      const out = new Map<number, number[]>();
      const add = (unitId: number, userId: number) => {
        const list = out.get(unitId) ?? [];
        if (!list.includes(userId)) list.push(userId);
        out.set(unitId, list);
      };
      for (const part of chunk([...new Set(unitIds)])) {
        if (reach === 'unit') {
          const rows = await exec
            .selectFrom('roleAssignments as ra')
            .select(['ra.unitId', 'ra.userId'])
            .distinct()
            .where('ra.role', '=', role)
            .where('ra.unitId', 'in', part)
            .execute();
          for (const row of rows) add(row.unitId, row.userId);
        } else {
          const rows = await exec
            .selectFrom('unitClosure as uc')
            .innerJoin('roleAssignments as ra', 'ra.unitId', 'uc.ancestorId')
            .select(['uc.descendantId as unitId', 'ra.userId'])
            .distinct()
            .where('ra.role', '=', role)
            .where('uc.descendantId', 'in', part)
            .execute();
          for (const row of rows) add(row.unitId, row.userId);
        }
      }
      return out;
    },

    async activeUsers(ids: readonly number[], exec: Executor = db): Promise<RecipientUser[]> {
      const out: RecipientUser[] = [];
      for (const part of chunk([...new Set(ids)])) {
        const rows = await exec
          .selectFrom('users')
          .select(['id', 'email'])
          .where('id', 'in', part)
          .where('isActive', '=', 1)
          .execute();
        out.push(...rows);
      }
      return out.sort((a, b) => a.id - b.id);
    },

    async preferencesOf(
      userIds: readonly number[],
      category: string,
      exec: Executor = db,
    ): Promise<StoredPreference[]> {
      const out: StoredPreference[] = [];
      for (const part of chunk(userIds)) {
        const rows = await exec
          .selectFrom('notificationPreferences')
          .select(['userId', 'emailMode', 'webhookMode'])
          .where('userId', 'in', part)
          .where('category', '=', category)
          .execute();
        out.push(...rows);
      }
      return out;
    },

    async insertDeliveries(rows: Insertable<NotificationDeliveriesTable>[], exec: Executor = db) {
      // 14 columns a row: stay well under SQLite's 32,766 bound parameters per statement.
      for (const part of chunk(rows, 200))
        await exec.insertInto('notificationDeliveries').values(part).execute();
    },
  };
}
export type NotifyRepository = ReturnType<typeof createNotifyRepository>;
