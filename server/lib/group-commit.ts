import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

// Group commit: small writes that arrive while a commit is flushing wait and go together in the next
// transaction, so many requests share one fsync (SQLite with synchronous=FULL spends ≈ 3 ms a commit on this
// kind of disk; PostgreSQL one WAL flush). Each caller's promise settles only after its transaction has
// committed, so a 2xx still means durably stored. If a batch fails, its writes are retried one transaction
// each, so one bad write (a unique key lost to a concurrent request) fails only its own caller.
// A write must be safe to run again after a rollback (it is: nothing of a rolled-back batch stays).

export type GroupCommit = <T>(write: (trx: Transaction<DB>) => Promise<T>) => Promise<T>;

type Pending = {
  write: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

/**
 * `lanes`: transactions in flight at once (1 on SQLite, whose one connection serialises them anyway; a few on
 * PostgreSQL); `maxBatch`: writes per transaction.
 */
export function createGroupCommit(
  db: Kysely<DB>,
  { lanes = 1, maxBatch = 200 }: { lanes?: number; maxBatch?: number } = {},
): GroupCommit {
  const queue: Pending[] = [];
  let busy = 0;

  async function runBatch(batch: Pending[]) {
    if (batch.length === 1) {
      const [p] = batch;
      await db
        .transaction()
        .execute((trx) => p.write(trx))
        .then(p.resolve, p.reject);
      return;
    }
    try {
      const results = await db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const p of batch) out.push(await p.write(trx));
        return out;
      });
      for (const [i, p] of batch.entries()) p.resolve(results[i]);
    } catch {
      for (const p of batch)
        await db
          .transaction()
          .execute((trx) => p.write(trx))
          .then(p.resolve, p.reject);
    }
  }

  function pump() {
    while (busy < lanes && queue.length > 0) {
      busy++;
      const batch = queue.splice(0, maxBatch);
      void runBatch(batch).finally(() => {
        busy--;
        pump();
      });
    }
  }

  return <T>(write: (trx: Transaction<DB>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
      // Let the writes of requests already being handled in this turn of the event loop join the batch.
      if (busy < lanes) setImmediate(pump);
    });
}
