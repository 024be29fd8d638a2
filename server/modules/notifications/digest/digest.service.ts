import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import { DEFAULT_ATTEMPTS } from '../../../jobs/queue.js';
import { localeOf } from '../delivery/channels.js';
import { sendOnce } from '../delivery/send-once.js';
import type { NotificationJobs } from '../notifications.types.js';
import type { DigestRepository } from './digest.repository.js';
import { digestMail } from './digest-mail.js';

// The daily digest: from NOTIFY_DIGEST_HOUR (Vietnam time) each day, every user with email items waiting in
// 'digest' gets ONE email listing them. A digest is created only with at least one item, in the same transaction
// that attaches the items, and at most once per (user, Vietnam date) by a unique key, however many processes or
// hourly runs try; sending it is then a claimed, retried job like any delivery.

export const DIGEST_JOB = 'notifications.digest';
export const DIGEST_SEND_JOB = 'notifications.digest-send';

export type DigestDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'jobs' | 'mailer'> & {
  repo: DigestRepository;
  maxAttempts?: number;
};

/** What the sweep asks of the digest side. */
export type DigestJobs = Pick<NotificationJobs, 'runDigest' | 'sendDigest'> & {
  /** Frees stale claims and queues those digests again; returns how many. */
  releaseStale(claimedBefore: string): Promise<number>;
  requeue(quietSince: string, limit: number): Promise<number>;
};

const vietnamHour = (instant: Date) => (instant.getUTCHours() + 7) % 24;
const digestJobId = (id: number, attempts: number) => `notify_digest_${id}_${attempts}`;

/** Users whose digests one transaction makes. */
const DIGEST_BATCH = 100;

export function createDigestJobs({ db, clock, config, jobs, mailer, repo, ...rest }: DigestDeps): DigestJobs {
  const maxAttempts = rest.maxAttempts ?? DEFAULT_ATTEMPTS;
  const enqueue = (id: number, attempts: number) =>
    jobs.enqueue(DIGEST_SEND_JOB, { digestId: id }, { jobId: digestJobId(id, attempts) });

  return {
    async runDigest({ force = false } = {}) {
      const instant = clock.now();
      const date = vietnamDate(instant);
      if (!force && vietnamHour(instant) < config.notify.digestHour) return { date, digests: 0, items: 0 };
      const upTo = instant.toISOString();
      let digests = 0;
      let items = 0;
      // Users in batches: per batch one count, one multi-row insert, one UPDATE attaching every user's rows to
      // their digest, and one commit (not four statements and a commit per user). A digest whose rows
      // another run took in between is deleted in the same transaction, so none is ever sent empty.
      const users = await repo.usersWaiting(upTo);
      for (let i = 0; i < users.length; i += DIGEST_BATCH) {
        const batch = users.slice(i, i + DIGEST_BATCH);
        const made = await db.transaction().execute(async (trx) => {
          const counts = await repo.countWaitingMany(batch, upTo, trx);
          const wanted = batch
            .map((userId) => ({ userId, count: counts.get(userId) ?? 0 }))
            .filter((r) => r.count > 0);
          const ids = await repo.insertDigests(wanted, date, upTo, trx);
          const out: { id: number; attached: number }[] = [];
          const mine = wanted.flatMap(({ userId, count }) => {
            const id = ids.get(userId);
            return id === undefined ? [] : [{ userId, digestId: id, count }];
          });
          const attachedTo = await repo.attachMany(mine, upTo, upTo, trx);
          for (const { digestId: id, count } of mine) {
            const attached = attachedTo.get(id) ?? 0;
            if (attached === 0) {
              await repo.deleteDigest(id, trx);
              continue;
            }
            if (attached !== count) await repo.setCount(id, attached, trx);
            out.push({ id, attached });
          }
          return out;
        });
        for (const d of made) {
          digests++;
          items += d.attached;
          await enqueue(d.id, 0);
        }
      }
      return { date, digests, items };
    },

    async sendDigest(digestId) {
      const now = () => clock.now().toISOString();
      await sendOnce({
        label: `digest ${digestId}`,
        maxAttempts,
        claim: () => repo.claim(digestId, now()),
        load: () => repo.toSend(digestId),
        async send(digest) {
          const list = await repo.items(digestId);
          if (!list.length) throw new Error('a digest without items is never sent');
          await mailer.send(
            digestMail(digest.email, localeOf(digest.locale), digest.digestDate, list, config),
          );
        },
        finish: (status, error) => repo.finish(digestId, { status, error, now: now() }),
      });
    },

    async releaseStale(claimedBefore) {
      const freed = await repo.releaseStale(claimedBefore, clock.now().toISOString());
      for (const g of freed) await enqueue(g.id, g.attempts);
      return freed.length;
    },

    async requeue(quietSince, limit) {
      const rows = await repo.sweepable(quietSince, limit);
      for (const g of rows) await enqueue(g.id, g.attempts);
      return rows.length;
    },
  };
}
