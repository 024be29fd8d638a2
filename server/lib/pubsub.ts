import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

// Messages between app processes (cache invalidation, live dashboards). In-process when the install
// runs on one machine; Redis channels when several processes share the work. Messages travel as JSON
// in both, so a handler that works on one machine also works behind a load balancer.
export type PubSubHandler = (message: unknown) => void | Promise<void>;
export type Unsubscribe = () => Promise<void>;

export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active, so a publish that follows is received. */
  subscribe(channel: string, handler: PubSubHandler): Promise<Unsubscribe>;
  close(): Promise<void>;
}

type ErrorSink = (channel: string, error: unknown) => void;
const logHandlerError: ErrorSink = (channel, error) =>
  console.error(`[pubsub] handler for ${channel} failed:`, error);

async function deliver(channel: string, handler: PubSubHandler, message: unknown, onError: ErrorSink) {
  try {
    await handler(message);
  } catch (error) {
    onError(channel, error);
  }
}

export function createMemoryPubSub({ onError = logHandlerError }: { onError?: ErrorSink } = {}): PubSub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, message) {
      // Round-trip through JSON so subscribers never share (and mutate) the publisher's object.
      const text = JSON.stringify(message ?? null);
      // Delivered on a later tick, like a network hop: publish() never runs subscribers' code inline.
      setImmediate(() => emitter.emit(channel, text));
    },
    async subscribe(channel, handler) {
      const listener = (text: string) => void deliver(channel, handler, JSON.parse(text), onError);
      emitter.on(channel, listener);
      return async () => {
        emitter.off(channel, listener);
      };
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Redis needs a dedicated connection for subscriptions (a subscribed connection can run no other
 * command); `publisher` is the shared command connection. One Redis subscription per channel fans out
 * to every local handler.
 */
export function createRedisPubSub(
  publisher: Redis,
  subscriber: Redis,
  { prefix = 'dxb:ps:', onError = logHandlerError }: { prefix?: string; onError?: ErrorSink } = {},
): PubSub {
  const handlers = new Map<string, Set<PubSubHandler>>();
  // Concurrent subscribers to one channel all wait for the same SUBSCRIBE acknowledgement.
  const active = new Map<string, Promise<unknown>>();
  subscriber.on('message', (fullChannel: string, text: string) => {
    if (!fullChannel.startsWith(prefix)) return;
    const channel = fullChannel.slice(prefix.length);
    const set = handlers.get(channel);
    if (!set?.size) return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (error) {
      onError(channel, error);
      return;
    }
    for (const handler of set) void deliver(channel, handler, message, onError);
  });

  return {
    async publish(channel, message) {
      await publisher.publish(prefix + channel, JSON.stringify(message ?? null));
    },
    async subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
      }
      set.add(handler);
      let ready = active.get(channel);
      if (!ready) {
        ready = subscriber.subscribe(prefix + channel);
        active.set(channel, ready);
      }
      await ready;
      return async () => {
        const current = handlers.get(channel);
        if (!current?.delete(handler) || current.size > 0) return;
        handlers.delete(channel);
        active.delete(channel);
        await subscriber.unsubscribe(prefix + channel);
      };
    },
    async close() {
      handlers.clear();
      active.clear();
    },
  };
}
