import type { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limiter.js';

// The same fixed-window counter as the in-memory limiter, kept in Redis so every app process counts
// against one window. The Lua script makes "increment, set expiry on first hit, read TTL" atomic:
// two processes hitting the same key at once can never both see count 1, and a key can never be left
// without an expiry (which would lock a user out forever).
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

// Count and remaining time read together, so a window that expires between two reads is never half-seen.
const PEEK_SCRIPT = `
local count = redis.call('GET', KEYS[1])
if not count then return {0, -2} end
return {tonumber(count), redis.call('PTTL', KEYS[1])}
`;

export function createRedisRateLimiter(redis: Redis, prefix = 'dxb:rl:'): RateLimiter {
  return {
    async hit(key, limit, windowSeconds) {
      const windowMs = Math.max(1, Math.round(windowSeconds * 1000));
      const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, prefix + key, String(windowMs))) as [
        number,
        number,
      ];
      return {
        allowed: count <= limit,
        count,
        retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)),
      };
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
    async peek(key) {
      const [count, ttl] = (await redis.eval(PEEK_SCRIPT, 1, prefix + key)) as [number, number];
      if (!count || ttl <= 0) return null;
      return { count, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
    },
  };
}
