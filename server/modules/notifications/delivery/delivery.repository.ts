import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import { createOutboxQueries } from './outbox.repository.js';

export type DeliveryToSend = {
  id: number;
  notificationId: number;
  channel: string;
  attempts: number;
  address: string | null;
  userId: number | null;
  userEmail: string | null;
  userFullName: string | null;
  userLocale: string | null;
  kind: string;
  category: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  link: string | null;
  urgent: number;
  createdAt: string;
};

// Sending deliveries: a row is claimed with a conditional UPDATE (pending → sending) so that, whichever process
// or retry runs the job, exactly one sender holds it; the outcome is written back on the same row.
export function createDeliveryRepository(db: Kysely<DB>) {
  /** For a transient notification whose deliveries have all finished: erase the body, mask the addresses. */
  async function forget(notificationId: number, mask: (address: string) => string, exec: Executor) {
    const open = await exec
      .selectFrom('notificationDeliveries')
      .select('id')
      .where('notificationId', '=', notificationId)
      .where('status', 'in', ['pending', 'sending', 'digest'])
      .limit(1)
      .executeTakeFirst();
    if (open) return false;
    const erased = await exec
      .updateTable('notifications')
      .set({ bodyVi: '', bodyEn: '' })
      .where('id', '=', notificationId)
      .where('transient', '=', 1)
      .executeTakeFirst();
    if (Number(erased.numUpdatedRows) === 0) return false;
    const rows = await exec
      .selectFrom('notificationDeliveries')
      .select(['id', 'address'])
      .where('notificationId', '=', notificationId)
      .where('address', 'is not', null)
      .execute();
    for (const r of rows) {
      await exec
        .updateTable('notificationDeliveries')
        .set({ address: mask(r.address as string) })
        .where('id', '=', r.id)
        .execute();
    }
    return true;
  }

  return {
    ...createOutboxQueries(db, 'notificationDeliveries'),
    async notificationExists(notificationId: number, exec: Executor = db): Promise<boolean> {
      const row = await exec
        .selectFrom('notifications')
        .select('id')
        .where('id', '=', notificationId)
        .executeTakeFirst();
      return !!row;
    },

    async pendingOf(notificationId: number, exec: Executor = db) {
      return exec
        .selectFrom('notificationDeliveries')
        .select(['id', 'attempts'])
        .where('notificationId', '=', notificationId)
        .where('status', '=', 'pending')
        .execute();
    },

    async toSend(id: number, exec: Executor = db): Promise<DeliveryToSend | undefined> {
      return exec
        .selectFrom('notificationDeliveries as d')
        .innerJoin('notifications as n', 'n.id', 'd.notificationId')
        .leftJoin('users as u', 'u.id', 'd.userId')
        .select([
          'd.id',
          'd.notificationId',
          'd.channel',
          'd.attempts',
          'd.address',
          'd.userId',
          'u.email as userEmail',
          'u.fullName as userFullName',
          'u.locale as userLocale',
          'n.kind',
          'n.category',
          'n.titleVi',
          'n.titleEn',
          'n.bodyVi',
          'n.bodyEn',
          'n.link',
          'n.urgent',
          'n.createdAt',
        ])
        .where('d.id', '=', id)
        .executeTakeFirst();
    },

    /**
     * For a transient notification whose deliveries have all finished: erase the body and mask the addresses.
     * Returns whether it did (false while any delivery is still to be sent).
     */
    async forgetIfFinished(notificationId: number, mask: (address: string) => string, exec: Executor = db) {
      // Erasing the body and masking the addresses commit together: never a code erased with its address whole.
      if (exec === db) return db.transaction().execute((trx) => forget(notificationId, mask, trx));
      return forget(notificationId, mask, exec);
    },
  };
}
export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;
