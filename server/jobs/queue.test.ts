import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  deleteRedisKeys,
  REDIS_SKIP_NOTE,
  redisTestUrl,
  uniqueRedisPrefix,
} from '../../test/helpers/test-redis.js';
import { closeRedis, openRedis } from '../lib/redis.js';
import { createBullJobQueue } from './bullmq-queue.js';
import { createMemoryJobQueue } from './memory-queue.js';
import type { JobInfo, JobQueue, JobQueueOptions } from './queue.js';

const redisUrl = redisTestUrl();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Factory = (options: JobQueueOptions) => JobQueue;

// The behaviour both queues share; each call of `make` returns a queue on a fresh backing store.
function queueContract(make: Factory) {
  const open: JobQueue[] = [];
  const q = (options: JobQueueOptions = {}) => {
    const queue = make({ backoffMs: 20, ...options });
    open.push(queue);
    return queue;
  };
  afterEach(async () => {
    for (const queue of open.splice(0)) await queue.close();
  });

  it('runs a handler with the JSON payload and the job info', async () => {
    const queue = q();
    const seen: [unknown, JobInfo][] = [];
    queue.registerHandler('mail.digest', async (payload, info) => void seen.push([payload, info]));
    const payload = { userId: 3, day: '2026-03-02' };
    const id = await queue.enqueue('mail.digest', payload, { jobId: 'digest:3:2026-03-02' });
    payload.userId = 4;
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 5000 });
    expect(id).toBe('digest_3_2026-03-02');
    expect(seen[0]).toEqual([
      { userId: 3, day: '2026-03-02' },
      { name: 'mail.digest', jobId: 'digest_3_2026-03-02', attempt: 1 },
    ]);
  });

  it('waits delayMs before running a job', async () => {
    const queue = q();
    const ranAt: number[] = [];
    queue.registerHandler('later', async () => void ranAt.push(Date.now()));
    const start = Date.now();
    await queue.enqueue('later', null, { delayMs: 400 });
    await vi.waitFor(() => expect(ranAt).toHaveLength(1), { timeout: 5000 });
    expect(ranAt[0] - start).toBeGreaterThanOrEqual(380);
  });

  it('does not add a job twice while one with the same jobId is waiting', async () => {
    const queue = q();
    const runs: unknown[] = [];
    queue.registerHandler('once', async (p) => void runs.push(p));
    const a = await queue.enqueue('once', 'first', { jobId: 'same', delayMs: 200 });
    const b = await queue.enqueue('once', 'second', { jobId: 'same', delayMs: 200 });
    expect(b).toBe(a);
    await vi.waitFor(() => expect(runs).toEqual(['first']), { timeout: 5000 });
    await sleep(300);
    expect(runs).toEqual(['first']);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const queue = q({ attempts: 3 });
    const attempts: number[] = [];
    queue.registerHandler('flaky', async (_p, info) => {
      attempts.push(info.attempt);
      if (info.attempt < 3) throw new Error(`fail ${info.attempt}`);
    });
    await queue.enqueue('flaky', {});
    await vi.waitFor(() => expect(attempts).toEqual([1, 2, 3]), { timeout: 5000 });
  });

  it('reports a job that fails every attempt, once', async () => {
    const failures: [JobInfo, unknown][] = [];
    const queue = q({ attempts: 2, onFailed: (info, error) => failures.push([info, error]) });
    let calls = 0;
    queue.registerHandler('broken', async () => {
      calls++;
      throw new Error('always');
    });
    const jobId = await queue.enqueue('broken', {});
    await vi.waitFor(() => expect(failures).toHaveLength(1), { timeout: 5000 });
    expect(failures[0][0]).toEqual({ name: 'broken', jobId, attempt: 2 });
    expect(String(failures[0][1])).toContain('always');
    await sleep(150);
    expect(calls).toBe(2);
  });

  it('runs a scheduled job repeatedly', async () => {
    const queue = q();
    const ticks: unknown[] = [];
    queue.registerHandler('tick', async (p) => void ticks.push(p));
    await queue.schedule('tick', 150, { kind: 'urging' });
    await vi.waitFor(() => expect(ticks.length).toBeGreaterThanOrEqual(3), { timeout: 5000 });
    expect(ticks[0]).toEqual({ kind: 'urging' });
  });

  it('refuses a schedule without a positive period', async () => {
    await expect(q().schedule('tick', 0)).rejects.toThrow(/everyMs/);
  });
}

describe('in-process job queue', () => {
  queueContract((options) => createMemoryJobQueue(options));

  it('runs nothing after close()', async () => {
    const queue = createMemoryJobQueue();
    const runs: unknown[] = [];
    queue.registerHandler('x', async (p) => void runs.push(p));
    await queue.enqueue('x', 1, { delayMs: 100 });
    await queue.close();
    await sleep(200);
    expect(runs).toEqual([]);
    await expect(queue.enqueue('x', 2)).rejects.toThrow(/closed/);
  });
});

describe.runIf(redisUrl)(`BullMQ job queue (${REDIS_SKIP_NOTE})`, () => {
  const url = redisUrl as string;
  const prefixes: string[] = [];
  const fresh = () => {
    const prefix = uniqueRedisPrefix('q').slice(0, -1);
    prefixes.push(prefix);
    return prefix;
  };
  afterAll(async () => {
    for (const p of prefixes) await deleteRedisKeys(url, p);
  });

  // Each queue in the contract gets its own prefix: a fresh, empty Redis namespace.
  queueContract((options) => createBullJobQueue({ ...options, redisUrl: url, prefix: fresh() }));

  it('runs each job in exactly one of two processes sharing the queue', async () => {
    const prefix = fresh();
    const one = createBullJobQueue({ redisUrl: url, prefix, backoffMs: 20 });
    const two = createBullJobQueue({ redisUrl: url, prefix, backoffMs: 20 });
    try {
      const runs: string[] = [];
      one.registerHandler('work', async (p) => void runs.push(`one:${p}`));
      two.registerHandler('work', async (p) => void runs.push(`two:${p}`));
      for (let i = 0; i < 20; i++) await (i % 2 ? one : two).enqueue('work', i);
      await vi.waitFor(() => expect(runs).toHaveLength(20), { timeout: 10_000 });
      await sleep(200);
      const payloads = runs.map((r) => Number(r.split(':')[1])).sort((a, b) => a - b);
      expect(payloads).toEqual(Array.from({ length: 20 }, (_, i) => i));
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('keeps one schedule when several processes declare it', async () => {
    const prefix = fresh();
    const one = createBullJobQueue({ redisUrl: url, prefix });
    const two = createBullJobQueue({ redisUrl: url, prefix });
    try {
      await one.schedule('digest', 60_000);
      await two.schedule('digest', 60_000);
      const conn = openRedis(url, 'queue');
      const raw = new Queue('jobs', { connection: conn, prefix });
      const schedulers = await raw.getJobSchedulers();
      await raw.close();
      await closeRedis(conn);
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([['schedule_digest', 60_000]]);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
