import { Redis } from 'ioredis';

// One place that opens Redis connections, so every user (rate limiter, pub/sub, queues) shares the same
// options. BullMQ needs maxRetriesPerRequest: null on its blocking connections; commands elsewhere should
// fail fast rather than hang a request when Redis is down, so they keep a small retry budget.
export type RedisPurpose = 'commands' | 'subscriber' | 'queue';

export function openRedis(url: string, purpose: RedisPurpose = 'commands'): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: purpose === 'commands' ? 3 : null,
    enableReadyCheck: true,
    connectionName: `dxboard-${purpose}`,
  });
}

/** Close politely, falling back to disconnect when Redis is unreachable (quit would wait forever). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await Promise.race([
      redis.quit(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('quit timeout')), 2000).unref()),
    ]);
  } catch {
    redis.disconnect();
  }
}

/** The key prefix every DXBoard key starts with; tests pass their own so runs never collide. */
export const DEFAULT_REDIS_PREFIX = 'dxb:';
