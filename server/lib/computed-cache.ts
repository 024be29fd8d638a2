import type { Redis } from 'ioredis';
import { createLru } from './lru.js';

// Computed answers (the DX dashboard, the public home) kept under keys that name everything they were computed
// from: the viewer's scope, the query, and the revision counters of the source tables (data_revisions, bumped
// by triggers in the transaction of every write). A key is never reused for other data, so an entry needs no
// invalidation: a write changes the revisions, the next read asks for a new key, and the old entry ages out.
// In-process (an LRU) on one machine; in Redis when REDIS_URL is set, so N app processes share each
// computation. The TTL only bounds memory (and figures that move with the clock within a day).

export type ComputedCache = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
};

export function createMemoryComputedCache(capacity = 256, now: () => number = Date.now): ComputedCache {
  const lru = createLru<{ value: string; expiresAt: number }>(capacity);
  return {
    async get(key) {
      const hit = lru.get(key);
      if (!hit) return null;
      if (hit.expiresAt <= now()) {
        lru.delete(key);
        return null;
      }
      return hit.value;
    },
    async set(key, value, ttlSeconds) {
      lru.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
  };
}

export function createRedisComputedCache(redis: Redis, prefix = 'dxb:cache:'): ComputedCache {
  return {
    async get(key) {
      return redis.get(prefix + key);
    },
    async set(key, value, ttlSeconds) {
      await redis.set(prefix + key, value, 'EX', Math.max(1, Math.round(ttlSeconds)));
    },
  };
}

/**
 * The UTF-8 bytes of cached JSON answers, encoded once per answer instead of on every response (a 150 kB body's
 * length and encoding were a visible share of a cached hit under 50 clients). Remembered per cache key with the
 * text they encode, so a new answer under a key (or a copy fetched from Redis) is compared, then re-encoded
 * only when it differs.
 */
export function createBodyEncoder(capacity = 32) {
  const lru = createLru<{ json: string; body: Buffer }>(capacity);
  return (key: string, json: string): Buffer => {
    const hit = lru.get(key);
    if (hit && hit.json === json) return hit.body;
    const body = Buffer.from(json, 'utf8');
    lru.set(key, { json, body });
    return body;
  };
}

/**
 * Reads `key` from the cache, or computes it once per process however many callers miss at the same time
 * (the others wait for the same promise), stores it and returns it. A cache that fails (Redis down) is
 * skipped: the answer is computed, never an error because of the cache.
 */
export function createSingleFlight(cache: ComputedCache, ttlSeconds: number) {
  const running = new Map<string, Promise<string>>();
  return async (key: string, compute: () => Promise<string>): Promise<string> => {
    const hit = await cache.get(key).catch(() => null);
    if (hit !== null) return hit;
    const inFlight = running.get(key);
    if (inFlight) return inFlight;
    const p = compute().then(
      async (value) => {
        await cache.set(key, value, ttlSeconds).catch(() => undefined);
        running.delete(key);
        return value;
      },
      (e) => {
        running.delete(key);
        throw e;
      },
    );
    running.set(key, p);
    return p;
  };
}
