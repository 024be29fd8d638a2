import { randomUUID } from 'node:crypto';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type EnqueueOptions,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type JobQueueOptions,
  logJobFailure,
  normaliseJobId,
  retryDelayMs,
} from './queue.js';

// The single-machine queue: jobs run in this process on timers. Nothing survives a restart, which is
// acceptable for the work queued here (reminders and digests are re-derived from the database by
// scheduled jobs); installs that need durable queues set REDIS_URL.
export function createMemoryJobQueue(options: JobQueueOptions = {}): JobQueue {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const onFailed = options.onFailed ?? logJobFailure;
  const handlers = new Map<string, JobHandler>();
  const pending = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Map<Promise<void>, string>();
  let closed = false;

  function later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  async function runOnce(info: JobInfo, payloadJson: string) {
    const handler = handlers.get(info.name);
    try {
      if (!handler) throw new Error(`No handler registered for job "${info.name}"`);
      await handler(JSON.parse(payloadJson), info);
      pending.delete(info.jobId);
    } catch (error) {
      if (info.attempt < attempts && !closed) {
        later(retryDelayMs(backoffMs, info.attempt), () =>
          start({ ...info, attempt: info.attempt + 1 }, payloadJson),
        );
        return;
      }
      pending.delete(info.jobId);
      onFailed(info, error);
    }
  }

  function start(info: JobInfo, payloadJson: string) {
    if (closed) return;
    const run = runOnce(info, payloadJson);
    running.set(run, info.name);
    void run.finally(() => running.delete(run));
  }

  async function enqueue(name: string, payload: unknown, opts: EnqueueOptions = {}) {
    if (closed) throw new Error('Job queue is closed');
    const jobId = normaliseJobId(opts.jobId ?? randomUUID());
    if (pending.has(jobId)) return jobId;
    pending.add(jobId);
    // Serialised now, as BullMQ would, so later changes to the caller's object do not leak into the job.
    const payloadJson = JSON.stringify(payload ?? null);
    later(Math.max(0, opts.delayMs ?? 0), () => start({ name, jobId, attempt: 1 }, payloadJson));
    return jobId;
  }

  return {
    registerHandler(name, handler) {
      handlers.set(name, handler as JobHandler);
    },
    enqueue,
    async schedule(name, everyMs, payload) {
      if (!(everyMs > 0)) throw new Error('schedule: everyMs must be positive');
      const timer = setInterval(() => {
        // One run at a time per schedule: a slow run is not stacked up behind itself.
        void enqueue(name, payload, { jobId: `schedule_${name}` }).catch(() => {});
      }, everyMs);
      timers.add(timer);
    },
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      // Name what a slow stop waits for, so an operator (and the shutdown watchdog's log) can tell.
      const slow = setTimeout(() => {
        console.warn(`[jobs] stopping: waiting for ${[...running.values()].join(', ')}`);
      }, 3_000);
      slow.unref();
      await Promise.allSettled([...running.keys()]);
      clearTimeout(slow);
    },
  };
}
