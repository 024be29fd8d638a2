import type { Deps } from '../../../deps.js';
import { DEFAULT_ATTEMPTS } from '../../../jobs/queue.js';
import type { DigestJobs } from '../digest/digest.service.js';
import type { NotificationJobs } from '../notifications.types.js';
import { type FetchLike, notificationMail, postWebhook, webhookPayload } from './channels.js';
import type { DeliveryRepository } from './delivery.repository.js';
import { sendOnce } from './send-once.js';
import { maskAddress, postSms, smsText } from './sms.js';

// Background delivery: the dispatch job queues one notification's pending deliveries, each delivery job sends
// one (email through the mailer, webhook to the deployment's relay, SMS to the HTTP gateway), and the sweep re-queues what a restart or
// a lost job left pending. Job ids carry the delivery's attempt count, so a queue never holds two live jobs for
// one row, and a later retry is never mistaken for an old, failed job.

export const DELIVER_JOB = 'notifications.deliver';
export const SWEEP_JOB = 'notifications.sweep';

/** A pending row touched this long ago has no live job any more (retries back off far less than this). */
const QUIET_MS = 5 * 60_000;
/** A claim older than this belongs to a sender that stopped. */
const LEASE_MS = 10 * 60_000;
const SWEEP_BATCH = 500;

export type DeliveryJobsDeps = Pick<Deps, 'clock' | 'config' | 'jobs' | 'mailer'> & {
  repo: DeliveryRepository;
  digests: DigestJobs;
  /** The queue's attempts per job (deps-factory uses the default): the last one ends the row as failed. */
  maxAttempts?: number;
  fetchImpl?: FetchLike;
};

export const deliveryJobId = (id: number, attempts: number) => `notify_delivery_${id}_${attempts}`;

export function createDeliveryJobs(
  deps: DeliveryJobsDeps,
): Omit<NotificationJobs, 'runDigest' | 'sendDigest'> {
  const { clock, config, jobs, mailer, repo, digests } = deps;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_ATTEMPTS;
  const fetchImpl = deps.fetchImpl ?? ((url, init) => fetch(url, init));
  const now = () => clock.now().toISOString();

  const enqueue = (id: number, attempts: number) =>
    jobs.enqueue(DELIVER_JOB, { deliveryId: id }, { jobId: deliveryJobId(id, attempts) });

  return {
    async dispatch(notificationId, attempt = 1) {
      if (!(await repo.notificationExists(notificationId))) {
        // The notifying transaction has not committed yet: try again after the queue's backoff. At the last
        // attempt give up quietly: it rolled back, or the sweep will find its deliveries.
        if (attempt < maxAttempts) throw new Error(`notification ${notificationId} is not committed yet`);
        return 0;
      }
      const pending = await repo.pendingOf(notificationId);
      for (const d of pending) await enqueue(d.id, d.attempts);
      return pending.length;
    },

    async deliver(deliveryId) {
      const at = () => now();
      let notificationId = 0;
      const outcome = await sendOnce({
        label: `delivery ${deliveryId}`,
        maxAttempts,
        claim: () => repo.claim(deliveryId, at()),
        load: () => repo.toSend(deliveryId),
        async send(d) {
          notificationId = d.notificationId;
          if (d.channel === 'email') {
            const mail = notificationMail(d, config);
            if (!mail.to) throw new Error('the recipient has no email address');
            await mailer.send(mail);
          } else if (d.channel === 'webhook') {
            const { webhookUrl, webhookSecret } = config.notify;
            if (!webhookUrl || !webhookSecret) throw new Error('NOTIFY_WEBHOOK_URL is no longer configured');
            await postWebhook({
              url: webhookUrl,
              secret: webhookSecret,
              payload: webhookPayload(d, config),
              deliveryId: d.id,
              now: clock.now(),
              fetchImpl,
            });
          } else if (d.channel === 'sms') {
            const gateway = config.notify.sms;
            if (!gateway) throw new Error('SMS_GATEWAY_URL is no longer configured');
            if (!d.address) throw new Error('the recipient has no phone number');
            await postSms({ gateway, to: d.address, text: smsText(d, config), fetchImpl });
          } else {
            throw new Error(`channel ${d.channel} is not sent by a job`);
          }
        },
        finish: (status, error) => repo.finish(deliveryId, { status, error, now: at() }),
      });
      if (outcome !== 'skipped' && notificationId) await repo.forgetIfFinished(notificationId, maskAddress);
    },

    async sweep() {
      const t = clock.now().getTime();
      const iso = (ms: number) => new Date(ms).toISOString();
      const freed = await repo.releaseStale(iso(t - LEASE_MS), now());
      const freedDigests = await digests.releaseStale(iso(t - LEASE_MS));
      const rows = [...freed, ...(await repo.sweepable(iso(t - QUIET_MS), SWEEP_BATCH))];
      for (const d of rows) await enqueue(d.id, d.attempts);
      const digestCount = freedDigests + (await digests.requeue(iso(t - QUIET_MS), SWEEP_BATCH));
      return { deliveries: rows.length, digests: digestCount, released: freed.length + freedDigests };
    },
  };
}
