import { randomUUID } from 'node:crypto';
import { type Job, Queue, Worker } from 'bullmq';
import { closeRedis, openRedis } from '../lib/redis.js';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type JobHandler,
  type JobQueue,
  type JobQueueOptions,
  logJobFailure,
  normaliseJobId,
} from './queue.js';

export type BullJobQueueOptions = JobQueueOptions & {
  redisUrl: string;
  /** Key prefix in Redis; tests use their own so runs never see each other's jobs. */
  prefix?: string;
  queueName?: string;
  concurrency?: number;
};

// The multi-process queue: one BullMQ queue for all job names, and in every app process one worker
// that dispatches by name. Jobs survive restarts; a job runs in exactly one process at a time.
export function createBullJobQueue(options: BullJobQueueOptions): JobQueue {
  const prefix = options.prefix ?? 'dxb:q';
  const queueName = options.queueName ?? 'jobs';
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const onFailed = options.onFailed ?? logJobFailure;
  const handlers = new Map<string, JobHandler>();
  const queueConnection = openRedis(options.redisUrl, 'queue');
  const queue = new Queue(queueName, {
    connection: queueConnection,
    prefix,
    defaultJobOptions: {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      // Completed jobs are dropped so a jobId can be reused for the next run; failures are kept a week.
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  let worker: Worker | null = null;
  let workerConnection: ReturnType<typeof openRedis> | null = null;

  async function processJob(job: Job) {
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`No handler registered for job "${job.name}"`);
    await handler(job.data, { name: job.name, jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
  }

  function ensureWorker() {
    if (worker) return;
    workerConnection = openRedis(options.redisUrl, 'queue');
    worker = new Worker(queueName, processJob, {
      connection: workerConnection,
      prefix,
      concurrency: options.concurrency ?? 4,
    });
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        onFailed({ name: job.name, jobId: job.id ?? '', attempt: job.attemptsMade }, error);
      }
    });
    // Without a listener, a Redis hiccup would surface as an unhandled 'error' event and kill the process.
    worker.on('error', (error) => console.error('[jobs] worker error:', error));
  }
  queue.on('error', (error) => console.error('[jobs] queue error:', error));

  return {
    registerHandler(name, handler) {
      handlers.set(name, handler as JobHandler);
      ensureWorker();
    },
    async enqueue(name, payload, opts = {}) {
      const jobId = normaliseJobId(opts.jobId ?? randomUUID());
      const job = await queue.add(name, payload ?? null, {
        jobId,
        delay: Math.max(0, opts.delayMs ?? 0),
      });
      return job.id ?? jobId;
    },
    async schedule(name, everyMs, payload) {
      if (!(everyMs > 0)) throw new Error('schedule: everyMs must be positive');
      // A job scheduler is stored in Redis under one id, so N processes calling this create one schedule.
      await queue.upsertJobScheduler(`schedule_${name}`, { every: everyMs }, { name, data: payload ?? null });
    },
    async close() {
      if (worker) await worker.close();
      await queue.close();
      if (workerConnection) await closeRedis(workerConnection);
      await closeRedis(queueConnection);
    },
  };
}
