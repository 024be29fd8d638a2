import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/helpers/test-db.js';
import { REDIS_SKIP_NOTE, redisTestUrl } from '../test/helpers/test-redis.js';
import { loadConfig } from './config.js';
import type { Deps } from './deps.js';
import { createDeps } from './deps-factory.js';
import { openRedis } from './lib/redis.js';

const redisUrl = redisTestUrl();

async function depsWith(env: Record<string, string>, database: TestDatabase): Promise<Deps> {
  return createDeps(loadConfig({ DATA_DIR: '/tmp/dxboard-deps-test', ...env }), { database });
}

async function closeAll(deps: Deps) {
  for (const close of deps.closers) await close();
}

describe('createDeps without REDIS_URL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database.cleanup());

  it('wires in-process pub/sub, jobs and rate limiting that work and close', async () => {
    const deps = await depsWith({}, database);
    const got: unknown[] = [];
    await deps.pubsub.subscribe('c', (m) => void got.push(m));
    await deps.pubsub.publish('c', { ok: true });
    const ran: unknown[] = [];
    deps.jobs.registerHandler('j', async (p) => void ran.push(p));
    await deps.jobs.enqueue('j', 42);
    await vi.waitFor(() => expect(got).toEqual([{ ok: true }]));
    await vi.waitFor(() => expect(ran).toEqual([42]));
    expect((await deps.rateLimiter.hit('k', 1, 60)).allowed).toBe(true);
    expect((await deps.rateLimiter.hit('k', 1, 60)).allowed).toBe(false);
    await closeAll(deps);
    await expect(deps.jobs.enqueue('j', 1)).rejects.toThrow(/closed/);
  });
});

describe.runIf(redisUrl)(`createDeps with REDIS_URL (${REDIS_SKIP_NOTE})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database.cleanup());

  it('shares rate limits and messages between two processes through Redis', async () => {
    const one = await depsWith({ REDIS_URL: redisUrl as string }, database);
    const two = await depsWith({ REDIS_URL: redisUrl as string }, database);
    const probe = openRedis(redisUrl as string);
    const key = `deps-test:${randomBytes(5).toString('hex')}`;
    try {
      expect((await one.rateLimiter.hit(key, 1, 30)).count).toBe(1);
      expect(await two.rateLimiter.hit(key, 1, 30)).toMatchObject({ count: 2, allowed: false });
      expect(await probe.get(`dxb:rl:${key}`)).toBe('2');
      const got: unknown[] = [];
      await two.pubsub.subscribe(key, (m) => void got.push(m));
      await one.pubsub.publish(key, 'from one');
      await vi.waitFor(() => expect(got).toEqual(['from one']));
    } finally {
      await probe.del(`dxb:rl:${key}`);
      probe.disconnect();
      await closeAll(one);
      await closeAll(two);
    }
  });
});
