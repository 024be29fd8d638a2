import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteRedisKeys,
  REDIS_SKIP_NOTE,
  redisTestUrl,
  uniqueRedisPrefix,
} from '../../test/helpers/test-redis.js';
import { createMemoryRateLimiter, type RateLimiter } from './rate-limiter.js';
import { closeRedis, openRedis } from './redis.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

const redisUrl = redisTestUrl();

// The behaviour both limiters must share; the Redis one also has to count across processes.
function limiterContract(make: () => RateLimiter, wait: (ms: number) => Promise<void>) {
  it('allows up to the limit, then refuses with a retry delay inside the window', async () => {
    const limiter = make();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit('login:a@x.vn', 3, 60));
    expect(results.map((r) => [r.allowed, r.count])).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
      [false, 4],
    ]);
    expect(results[3].retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(results[3].retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts keys separately and reset() starts a key over', async () => {
    const limiter = make();
    await limiter.hit('k1', 1, 60);
    await limiter.hit('k1', 1, 60);
    expect((await limiter.hit('k2', 1, 60)).allowed).toBe(true);
    await limiter.reset('k1');
    const after = await limiter.hit('k1', 1, 60);
    expect(after).toMatchObject({ allowed: true, count: 1 });
  });

  it('peek() reads a window without counting and sees nothing once it has passed', async () => {
    const limiter = make();
    expect(await limiter.peek('p')).toBeNull();
    await limiter.hit('p', 5, 0.2);
    await limiter.hit('p', 5, 0.2);
    expect(await limiter.peek('p')).toEqual({ count: 2, retryAfterSeconds: 1 });
    expect(await limiter.peek('p')).toMatchObject({ count: 2 });
    await wait(300);
    expect(await limiter.peek('p')).toBeNull();
  });

  it('opens a new window once the old one has passed', async () => {
    const limiter = make();
    expect((await limiter.hit('w', 1, 0.2)).allowed).toBe(true);
    expect((await limiter.hit('w', 1, 0.2)).allowed).toBe(false);
    await wait(300);
    expect(await limiter.hit('w', 1, 0.2)).toMatchObject({ allowed: true, count: 1 });
  });
}

describe('in-memory rate limiter', () => {
  let now = 1_000_000;
  limiterContract(
    () => createMemoryRateLimiter(() => now),
    async (ms) => {
      now += ms;
    },
  );
});

describe.runIf(redisUrl)(`Redis rate limiter (${REDIS_SKIP_NOTE})`, () => {
  const url = redisUrl as string;
  const prefix = uniqueRedisPrefix('rl');
  let a: Redis;
  let b: Redis;
  let n = 0;
  // Connections open in beforeAll: vitest also collects (but does not run) this block without Redis.
  beforeAll(() => {
    a = openRedis(url);
    b = openRedis(url);
  });
  afterAll(async () => {
    await deleteRedisKeys(url, prefix);
    await closeRedis(a);
    await closeRedis(b);
  });

  // A fresh sub-prefix per test keeps the contract's keys apart.
  limiterContract(
    () => createRedisRateLimiter(a, `${prefix}${n++}:`),
    (ms) => new Promise((r) => setTimeout(r, ms)),
  );

  it('counts one window across two connections (two app processes), atomically', async () => {
    const p = `${prefix}shared:`;
    const one = createRedisRateLimiter(a, p);
    const two = createRedisRateLimiter(b, p);
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).hit('login:ip', 25, 60)),
    );
    const counts = hits.map((h) => h.count).sort((x, y) => x - y);
    expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(hits.filter((h) => h.allowed)).toHaveLength(25);
  });

  it('stores keys under the given prefix with an expiry', async () => {
    const p = `${prefix}ttl:`;
    await createRedisRateLimiter(a, p).hit('k', 5, 30);
    const ttl = await a.pttl(`${p}k`);
    expect(ttl).toBeGreaterThan(29_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('uses dxb:rl: as its default prefix', async () => {
    const key = `${prefix.replaceAll(':', '_')}default`;
    const limiter = createRedisRateLimiter(a);
    await limiter.hit(key, 5, 5);
    expect(await a.exists(`dxb:rl:${key}`)).toBe(1);
    await limiter.reset(key);
    expect(await a.exists(`dxb:rl:${key}`)).toBe(0);
  });
});

beforeAll(() => {
  if (!redisUrl) console.info(`Redis rate limiter tests skipped: ${REDIS_SKIP_NOTE}`);
});
