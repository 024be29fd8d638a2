import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

// Redis-backed tests run when REDIS_URL is set. Under CI=true a missing REDIS_URL is a failure, never
// a silent skip; locally, without Redis, only the in-process implementations are tested.
export function redisTestUrl(): string | undefined {
  const url = process.env.REDIS_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but REDIS_URL is not set: Redis tests would be skipped.');
  }
  return url || undefined;
}

export const REDIS_SKIP_NOTE = 'needs REDIS_URL (e.g. redis://127.0.0.1:6379); skipped locally without it';

/** A key prefix no other test run shares. */
export function uniqueRedisPrefix(label: string): string {
  return `dxbtest:${label}:${randomBytes(5).toString('hex')}:`;
}

/** Deletes every key under `prefix` (tests clean up after themselves on a shared Redis). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
