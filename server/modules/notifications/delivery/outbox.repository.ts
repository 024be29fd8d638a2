import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';

// The outbox queries deliveries and digests share: both tables carry the same sending columns (status, attempts,
// claimed_at, last_error, sent_at, updated_at), and both are sent once through a claim (send-once.ts). Written
// once here against the deliveries table's type; the digests table has the same columns by construction
// (migration 2026-12-06-0200-notifications); the delivery and digest tests run these queries on both tables
// and both databases.

export type OutboxTable = 'notificationDeliveries' | 'notificationDigests';
type Outbox = Kysely<Pick<DB, 'notificationDeliveries'>>;

export type OutboxOutcome = { status: 'sent' | 'failed' | 'pending'; error: string | null; now: string };

export function createOutboxQueries(db: Kysely<DB>, tableName: OutboxTable) {
  // One table name for the type checker; the real one at run time.
  const table = tableName as 'notificationDeliveries';
  const on = (exec: Executor) => exec as unknown as Outbox;
  return {
    /** True when this caller now holds the row (it was pending); false if another sender has it or it is done. */
    async claim(id: number, now: string, exec: Executor = db): Promise<boolean> {
      const result = await on(exec)
        .updateTable(table)
        .set((eb) => ({
          status: 'sending',
          attempts: eb('attempts', '+', 1),
          claimedAt: now,
          updatedAt: now,
        }))
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Ends a claim: sent, failed for good, or pending again for the job queue's next try. */
    async finish(id: number, outcome: OutboxOutcome, exec: Executor = db) {
      await on(exec)
        .updateTable(table)
        .set({
          status: outcome.status,
          lastError: outcome.error,
          sentAt: outcome.status === 'sent' ? outcome.now : null,
          updatedAt: outcome.now,
        })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .execute();
    },

    /** Pending rows never tried, or last touched before `quietSince` (their job was lost, e.g. by a restart). */
    async sweepable(quietSince: string, limit: number, exec: Executor = db) {
      return on(exec)
        .selectFrom(table)
        .select(['id', 'attempts'])
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('attempts', '=', 0), eb('updatedAt', '<', quietSince)]))
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    /** Frees claims older than `claimedBefore` (their sender stopped); returns the rows, to be queued again. */
    async releaseStale(claimedBefore: string, now: string, exec: Executor = db) {
      return on(exec)
        .updateTable(table)
        .set({ status: 'pending', updatedAt: now, lastError: 'claim expired (sender stopped)' })
        .where('status', '=', 'sending')
        .where('claimedAt', '<', claimedBefore)
        .returning(['id', 'attempts'])
        .execute();
    },
  };
}
