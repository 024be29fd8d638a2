import type { RateLimiter } from './rate-limiter.js';

// A growing delay after repeated failures of one key (sign-in: one email from one address). The first
// `freeFailures` cost nothing; each further failure doubles the wait before the key may try again, up to
// `maxSeconds`. Unlike an account lock it only slows the address that fails, so nobody can lock a user
// out from everywhere. State lives in the rate limiter, i.e. in Redis when several processes share it.

export type BackoffOptions = {
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
  /** How long failures are remembered (a fixed window from the first one). */
  memorySeconds: number;
};

export type BackoffCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function backoffSeconds(failures: number, o: BackoffOptions): number {
  if (failures < o.freeFailures) return 0;
  return Math.min(o.maxSeconds, o.baseSeconds * 2 ** Math.min(30, failures - o.freeFailures));
}

export function createBackoffThrottle(limiter: RateLimiter, options: BackoffOptions) {
  const failKey = (key: string) => `backoff:fail:${key}`;
  const waitKey = (key: string) => `backoff:wait:${key}`;
  return {
    async check(key: string): Promise<BackoffCheck> {
      const waiting = await limiter.peek(waitKey(key));
      return waiting ? { allowed: false, retryAfterSeconds: waiting.retryAfterSeconds } : { allowed: true };
    },
    /** Counts a failure; returns the delay it starts (0 while failures are still free). */
    async fail(key: string): Promise<number> {
      const { count } = await limiter.hit(failKey(key), Number.MAX_SAFE_INTEGER, options.memorySeconds);
      const delay = backoffSeconds(count, options);
      if (delay > 0) {
        await limiter.reset(waitKey(key));
        await limiter.hit(waitKey(key), Number.MAX_SAFE_INTEGER, delay);
      }
      return delay;
    },
    async succeed(key: string): Promise<void> {
      await limiter.reset(failKey(key));
      await limiter.reset(waitKey(key));
    },
  };
}
export type BackoffThrottle = ReturnType<typeof createBackoffThrottle>;
