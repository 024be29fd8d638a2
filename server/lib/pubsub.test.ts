import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REDIS_SKIP_NOTE, redisTestUrl, uniqueRedisPrefix } from '../../test/helpers/test-redis.js';
import { createMemoryPubSub, createRedisPubSub, type PubSub } from './pubsub.js';
import { closeRedis, openRedis } from './redis.js';

const redisUrl = redisTestUrl();

/** `left` and `right` stand for two app processes (the same instance for the in-process bus). */
function pubSubContract(make: () => { left: PubSub; right: PubSub; errors: unknown[] }) {
  it('delivers a published message to every subscriber as a copy', async () => {
    const { left, right } = make();
    const got1: unknown[] = [];
    const got2: unknown[] = [];
    await right.subscribe('units.changed', (m) => void got1.push(m));
    await right.subscribe('units.changed', (m) => void got2.push(m));
    const message = { unitId: 7, name: 'Phường Phan Đình Phùng' };
    await left.publish('units.changed', message);
    message.unitId = 99;
    await vi.waitFor(() => expect(got2).toHaveLength(1));
    await vi.waitFor(() => expect(got1).toEqual([{ unitId: 7, name: 'Phường Phan Đình Phùng' }]));
    expect(got2).toEqual(got1);
    expect(got1[0]).not.toBe(message);
  });

  it('keeps channels apart and stops delivering after unsubscribe', async () => {
    const { left, right } = make();
    const got: unknown[] = [];
    const unsubscribe = await right.subscribe('a', (m) => void got.push(['a', m]));
    await right.subscribe('b', (m) => void got.push(['b', m]));
    await left.publish('a', 1);
    await left.publish('b', 2);
    await vi.waitFor(() => expect(got).toHaveLength(2));
    await unsubscribe();
    await left.publish('a', 3);
    await left.publish('b', 4);
    await vi.waitFor(() => expect(got).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([
      ['a', 1],
      ['b', 2],
      ['b', 4],
    ]);
  });

  it('reports a failing handler without starving the others', async () => {
    const { left, right, errors } = make();
    const got: unknown[] = [];
    await right.subscribe('c', () => {
      throw new Error('boom');
    });
    await right.subscribe('c', (m) => void got.push(m));
    await left.publish('c', 'hello');
    await vi.waitFor(() => expect(got).toEqual(['hello']));
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(String(errors[0])).toContain('boom');
  });
}

describe('in-process pub/sub', () => {
  pubSubContract(() => {
    const errors: unknown[] = [];
    const bus = createMemoryPubSub({ onError: (_c, e) => errors.push(e) });
    return { left: bus, right: bus, errors };
  });

  it('never runs subscribers inside publish()', async () => {
    const bus = createMemoryPubSub();
    const got: unknown[] = [];
    await bus.subscribe('x', (m) => void got.push(m));
    await bus.publish('x', 1);
    expect(got).toEqual([]);
    await vi.waitFor(() => expect(got).toEqual([1]));
  });
});

describe.runIf(redisUrl)(`Redis pub/sub (${REDIS_SKIP_NOTE})`, () => {
  const url = redisUrl as string;
  const connections: Redis[] = [];
  const buses: PubSub[] = [];
  const open = () => {
    const r = openRedis(url, 'subscriber');
    connections.push(r);
    return r;
  };
  let publisher: Redis;
  beforeAll(() => {
    publisher = open();
  });
  afterAll(async () => {
    for (const b of buses) await b.close();
    for (const c of connections) await closeRedis(c);
  });

  pubSubContract(() => {
    // Each test gets its own channel prefix, so no message from another test or run can arrive.
    const prefix = uniqueRedisPrefix('ps');
    const errors: unknown[] = [];
    const onError = (_c: string, e: unknown) => errors.push(e);
    const left = createRedisPubSub(publisher, open(), { prefix, onError });
    const right = createRedisPubSub(publisher, open(), { prefix, onError });
    buses.push(left, right);
    return { left, right, errors };
  });

  it('ignores messages published under another prefix', async () => {
    const mine = createRedisPubSub(publisher, open(), { prefix: uniqueRedisPrefix('ps') });
    const other = createRedisPubSub(publisher, open(), { prefix: uniqueRedisPrefix('ps') });
    buses.push(mine, other);
    const got: unknown[] = [];
    await mine.subscribe('same', (m) => void got.push(m));
    await other.publish('same', 'not for you');
    await mine.publish('same', 'for you');
    await vi.waitFor(() => expect(got).toEqual(['for you']));
  });
});
