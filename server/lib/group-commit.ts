import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

// Group commit: small writes that arrive while a commit is flushing wait and go together in the next
// transaction, so many requests share one fsync (SQLite with synchronous=FULL spends ≈ 3 ms a commit on this
// kind of disk; PostgreSQL one WAL flush). Each caller's promise settles only after its transaction has
// committed, so a 2xx still means durably stored. If a batch fails, its writes are retried one transaction
// each, so one bad write (a unique key lost to a concurrent request) fails only its own caller.
// A write must be safe to run again after a rollback (it is: nothing of a rolled-back batch stays).
//
// Writes of one kind can also go as ONE statement for the whole batch (`commit.each(writer, item)`): the writer
// gets every item of its kind in the batch and answers one result per item, in order. On PostgreSQL each
// statement is a round trip (the client's write and the server's wake-up cost more than the row's update), so
// fifty submissions in one multi-row UPDATE cost about what one does. If the batch fails, each item is retried
// alone (the writer called with one item), as above.

export type BatchWriter<I, O> = (trx: Transaction<DB>, items: I[]) => Promise<O[]>;

export type GroupCommit = {
  <T>(write: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** Queues `item` for `writer`, which runs once per batch over all of its items. */
  each<I, O>(writer: BatchWriter<I, O>, item: I): Promise<O>;
};

type Pending = {
  write: ((trx: Transaction<DB>) => Promise<unknown>) | null;
  writer: BatchWriter<unknown, unknown> | null;
  item: unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

/** Runs one pending write alone (a batch writer with its one item). */
async function alone(trx: Transaction<DB>, p: Pending): Promise<unknown> {
  if (p.write) return p.write(trx);
  const out = await (p.writer as BatchWriter<unknown, unknown>)(trx, [p.item]);
  return out[0];
}

/** Runs a batch's writes in one transaction: plain writes in order, then each batch writer once. */
async function together(trx: Transaction<DB>, batch: Pending[]): Promise<unknown[]> {
  const out: unknown[] = new Array(batch.length);
  const kinds = new Map<BatchWriter<unknown, unknown>, number[]>();
  for (const [i, p] of batch.entries()) {
    if (p.write) out[i] = await p.write(trx);
    else {
      const at = kinds.get(p.writer as BatchWriter<unknown, unknown>);
      if (at) at.push(i);
      else kinds.set(p.writer as BatchWriter<unknown, unknown>, [i]);
    }
  }
  for (const [writer, at] of kinds) {
    const results = await writer(
      trx,
      at.map((i) => batch[i].item),
    );
    if (results.length !== at.length)
      throw new Error('group commit: a batch writer answered the wrong count');
    for (const [k, i] of at.entries()) out[i] = results[k];
  }
  return out;
}

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
        .execute((trx) => alone(trx, p))
        .then(p.resolve, p.reject);
      return;
    }
    try {
      const results = await db.transaction().execute((trx) => together(trx, batch));
      for (const [i, p] of batch.entries()) p.resolve(results[i]);
    } catch {
      for (const p of batch)
        await db
          .transaction()
          .execute((trx) => alone(trx, p))
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

  function enqueue(p: Omit<Pending, 'resolve' | 'reject'>) {
    return new Promise<unknown>((resolve, reject) => {
      queue.push({ ...p, resolve, reject });
      // Let the writes of requests already being handled in this turn of the event loop join the batch.
      if (busy < lanes) setImmediate(pump);
    });
  }

  const commit = (<T>(write: (trx: Transaction<DB>) => Promise<T>) =>
    enqueue({ write, writer: null, item: null }) as Promise<T>) as GroupCommit;
  commit.each = <I, O>(writer: BatchWriter<I, O>, item: I) =>
    enqueue({ write: null, writer: writer as BatchWriter<unknown, unknown>, item }) as Promise<O>;
  return commit;
}
