import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteRedisKeys,
  REDIS_SKIP_NOTE,
  redisTestUrl,
  uniqueRedisPrefix,
} from '../../test/helpers/test-redis.js';
import {
  type ComputedCache,
  createBodyEncoder,
  createMemoryComputedCache,
  createRedisComputedCache,
  createSingleFlight,
} from './computed-cache.js';
import { closeRedis, openRedis } from './redis.js';

// Both caches keep a value for its TTL; the single flight computes once per key for concurrent callers, and a
// failing cache is skipped (the answer is computed, never an error because of the cache).

const redisUrl = redisTestUrl();

function behaves(
  label: string,
  make: () => { cache: ComputedCache; advance: (ms: number) => Promise<void> },
) {
  it(`${label}: keeps a value for its TTL`, async () => {
    const { cache, advance } = make();
    expect(await cache.get('k')).toBeNull();
    await cache.set('k', '{"a":1}', 1);
    expect(await cache.get('k')).toBe('{"a":1}');
    await advance(1100);
    expect(await cache.get('k')).toBeNull();
  });
  it(`${label}: one computation per key for concurrent callers`, async () => {
    const { cache } = make();
    const once = createSingleFlight(cache, 60);
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 20));
      return `v${runs}`;
    };
    const all = await Promise.all(Array.from({ length: 10 }, () => once('x', compute)));
    expect(new Set(all)).toEqual(new Set(['v1']));
    expect(await once('x', compute)).toBe('v1');
    expect(await once('y', compute)).toBe('v2');
    expect(runs).toBe(2);
  });
}

describe('computed cache', () => {
  let now = 0;
  behaves('memory', () => ({
    cache: createMemoryComputedCache(8, () => now),
    advance: async (ms) => {
      now += ms;
    },
  }));

  it('memory: evicts the least recently used beyond its capacity', async () => {
    const cache = createMemoryComputedCache(2, () => 0);
    await cache.set('a', '1', 60);
    await cache.set('b', '2', 60);
    await cache.get('a');
    await cache.set('c', '3', 60);
    expect(await cache.get('b')).toBeNull();
    expect(await cache.get('a')).toBe('1');
  });

  it('skips a failing cache and still answers', async () => {
    const broken: ComputedCache = {
      get: async () => {
        throw new Error('down');
      },
      set: async () => {
        throw new Error('down');
      },
    };
    const once = createSingleFlight(broken, 60);
    expect(await once('k', async () => 'fresh')).toBe('fresh');
  });
});

describe.skipIf(!redisUrl)(`computed cache in Redis (${redisUrl ? 'on' : REDIS_SKIP_NOTE})`, () => {
  let redis: Redis;
  const prefix = uniqueRedisPrefix('computed');
  beforeAll(() => {
    redis = openRedis(redisUrl!);
  });
  afterAll(async () => {
    await deleteRedisKeys(redisUrl!, prefix);
    await closeRedis(redis);
  });
  behaves('redis', () => ({
    cache: createRedisComputedCache(redis, prefix),
    advance: (ms) => new Promise((r) => setTimeout(r, ms)),
  }));
  it('redis: shared by two processes (two connections)', async () => {
    const other = openRedis(redisUrl!);
    try {
      await createRedisComputedCache(redis, prefix).set('shared', 'v', 60);
      expect(await createRedisComputedCache(other, prefix).get('shared')).toBe('v');
    } finally {
      await closeRedis(other);
    }
  });
});

describe('createBodyEncoder', () => {
  it('encodes an answer once per key and again when the text under the key changes', () => {
    const encode = createBodyEncoder(2);
    const json = JSON.stringify({ name: 'Xã Tân Thịnh', n: 1 });
    const first = encode('k', json);
    expect(first.toString('utf8')).toBe(json);
    // A copy of the same text (as Redis returns it) reuses the bytes.
    expect(encode('k', `${json} `.trimEnd())).toBe(first);
    const changed = JSON.stringify({ name: 'Xã Tân Thịnh', n: 2 });
    const second = encode('k', changed);
    expect(second).not.toBe(first);
    expect(second.toString('utf8')).toBe(changed);
    expect(encode('other', json).toString('utf8')).toBe(json);
  });
});
