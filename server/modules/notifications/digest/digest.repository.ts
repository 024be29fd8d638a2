import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import { createOutboxQueries } from '../delivery/outbox.repository.js';

// The daily digest: email deliveries waiting in 'digest' are attached to one digest row per (user, Vietnam date);
// the unique (user, date) key makes a second run that day, in any process, a no-op.
export function createDigestRepository(db: Kysely<DB>) {
  /** Email rows waiting for a digest, written up to `upTo` (the one definition the reads and the attach use). */
  const isWaiting = (eb: ExpressionBuilder<DB, 'notificationDeliveries'>, upTo: string) =>
    eb.and([
      eb('channel', '=', 'email'),
      eb('status', '=', 'digest'),
      eb('userId', 'is not', null),
      eb('createdAt', '<=', upTo),
    ]);
  const waiting = (exec: Executor, upTo: string) =>
    exec.selectFrom('notificationDeliveries').where((eb) => isWaiting(eb, upTo));

  return {
    ...createOutboxQueries(db, 'notificationDigests'),
    async usersWaiting(upTo: string, exec: Executor = db): Promise<number[]> {
      const rows = await waiting(exec, upTo).select('userId').distinct().execute();
      return rows.map((r) => r.userId as number).sort((a, b) => a - b);
    },

    async countWaiting(userId: number, upTo: string, exec: Executor = db): Promise<number> {
      const row = await waiting(exec, upTo)
        .where('userId', '=', userId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Waiting rows per user, for a batch of users (one query instead of one per user). */
    async countWaitingMany(userIds: readonly number[], upTo: string, exec: Executor = db) {
      const out = new Map<number, number>();
      if (!userIds.length) return out;
      const rows = await waiting(exec, upTo)
        .where('userId', 'in', [...userIds])
        .select((eb) => ['userId', eb.fn.countAll<number>().as('n')])
        .groupBy('userId')
        .execute();
      for (const r of rows) out.set(r.userId as number, Number(r.n));
      return out;
    },

    /** New digests for a batch of users (one statement); users who already have one for that date are left out. */
    async insertDigests(
      rows: readonly { userId: number; count: number }[],
      date: string,
      now: string,
      exec: Executor = db,
    ): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      if (!rows.length) return out;
      const made = await exec
        .insertInto('notificationDigests')
        .values(
          rows.map((r) => ({
            userId: r.userId,
            digestDate: date,
            status: 'pending' as const,
            itemCount: r.count,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflict((oc) => oc.columns(['userId', 'digestDate']).doNothing())
        .returning(['id', 'userId'])
        .execute();
      for (const r of made) out.set(r.userId, r.id);
      return out;
    },

    async deleteDigest(digestId: number, exec: Executor = db) {
      await exec.deleteFrom('notificationDigests').where('id', '=', digestId).execute();
    },

    /** The new digest's id, or undefined when the user already has one for that date. */
    async insertDigest(userId: number, date: string, count: number, now: string, exec: Executor = db) {
      const row = await exec
        .insertInto('notificationDigests')
        .values({
          userId,
          digestDate: date,
          status: 'pending',
          itemCount: count,
          createdAt: now,
          updatedAt: now,
        })
        .onConflict((oc) => oc.columns(['userId', 'digestDate']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    /**
     * Attaches each user's waiting rows to that user's digest, for a whole batch of users in one UPDATE (a
     * CASE picks the digest by user); returns how many rows each digest got. One statement per batch, not one
     * per user: on PostgreSQL each was a round trip (354 digests took 1.4 s in bench/steer.bench.ts).
     */
    async attachMany(
      pairs: readonly { userId: number; digestId: number }[],
      upTo: string,
      now: string,
      exec: Executor = db,
    ): Promise<Map<number, number>> {
      const counts = new Map<number, number>();
      if (!pairs.length) return counts;
      const rows = await exec
        .updateTable('notificationDeliveries')
        .set({
          status: 'digested',
          // Cast: PostgreSQL would otherwise type the parameters of a CASE as text.
          digestId: sql<number>`case user_id ${sql.join(
            pairs.map((p) => sql`when ${p.userId} then cast(${p.digestId} as integer)`),
            sql` `,
          )} end`,
          updatedAt: now,
        })
        .where((eb) => isWaiting(eb, upTo))
        .where(
          'userId',
          'in',
          pairs.map((p) => p.userId),
        )
        .returning('digestId')
        .execute();
      for (const r of rows)
        if (r.digestId !== null) counts.set(r.digestId, (counts.get(r.digestId) ?? 0) + 1);
      return counts;
    },

    async setCount(digestId: number, count: number, exec: Executor = db) {
      await exec
        .updateTable('notificationDigests')
        .set({ itemCount: count })
        .where('id', '=', digestId)
        .execute();
    },

    async toSend(id: number, exec: Executor = db) {
      return exec
        .selectFrom('notificationDigests as g')
        .innerJoin('users as u', 'u.id', 'g.userId')
        .select(['g.id', 'g.digestDate', 'g.attempts', 'u.email', 'u.locale'])
        .where('g.id', '=', id)
        .executeTakeFirst();
    },

    async items(digestId: number, exec: Executor = db) {
      return exec
        .selectFrom('notificationDeliveries as d')
        .innerJoin('notifications as n', 'n.id', 'd.notificationId')
        .select([
          'n.id',
          'n.category',
          'n.titleVi',
          'n.titleEn',
          'n.bodyVi',
          'n.bodyEn',
          'n.link',
          'n.createdAt',
        ])
        .where('d.digestId', '=', digestId)
        .orderBy('n.createdAt')
        .orderBy('n.id')
        .execute();
    },
  };
}
export type DigestRepository = ReturnType<typeof createDigestRepository>;
