// A fixed-window counter shared by all app processes when Redis is configured (see redis-rate-limiter.ts),
// in-process otherwise. Used for login throttling and other abuse limits.
export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
  /** The current window of a key without counting a hit; null when there is none. */
  peek(key: string): Promise<{ count: number; retryAfterSeconds: number } | null>;
}

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, limit, windowSeconds) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowSeconds * 1000 };
        windows.set(key, w);
      }
      w.count += 1;
      if (windows.size > 100_000) {
        for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
      }
      return {
        allowed: w.count <= limit,
        count: w.count,
        retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - t) / 1000)),
      };
    },
    async reset(key) {
      windows.delete(key);
    },
    async peek(key) {
      const t = now();
      const w = windows.get(key);
      if (!w || w.resetAt <= t) return null;
      return { count: w.count, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - t) / 1000)) };
    },
  };
}
