import type { ActivityInput } from '../../../core/contracts/community.js';

// The activity form's offline queue: an entry is saved in localStorage before it is sent, with a client key, and
// leaves the queue only when the server has stored it (201) or recognised it (200, same key). A refusal (4xx)
// stays in the queue, marked with its message, for the officer to correct; nothing typed is ever lost.

export type QueuedActivity = { key: string; input: ActivityInput; queuedAt: string; error: string | null };
type Store = Pick<Storage, 'getItem' | 'setItem'>;

export const QUEUE_KEY = 'dxboard.community.activityQueue';
export const DRAFT_KEY = 'dxboard.community.activityDraft';

export function newClientKey(random: () => number = Math.random): string {
  return `a${Date.now().toString(36)}${Math.floor(random() * 1e12).toString(36)}`.slice(0, 40);
}

export function readQueue(store: Store): QueuedActivity[] {
  try {
    const v = JSON.parse(store.getItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(v) ? (v as QueuedActivity[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(store: Store, items: QueuedActivity[]) {
  store.setItem(QUEUE_KEY, JSON.stringify(items));
}

export function enqueue(store: Store, input: ActivityInput, now = new Date()): QueuedActivity {
  const key = input.clientKey ?? newClientKey();
  const item = { key, input: { ...input, clientKey: key }, queuedAt: now.toISOString(), error: null };
  writeQueue(store, [...readQueue(store).filter((q) => q.key !== key), item]);
  return item;
}

export type SendResult =
  | { ok: true }
  | { ok: false; offline: true }
  | { ok: false; offline: false; message: string };

/**
 * Sends every queued entry in order. An entry leaves the queue when sent (or already stored); a refused one keeps
 * its message; on a network failure the rest wait for the next try. Returns how many were sent.
 */
export async function flushQueue(
  store: Store,
  send: (input: ActivityInput) => Promise<SendResult>,
): Promise<{ sent: number; failed: number; waiting: number }> {
  let sent = 0;
  let failed = 0;
  for (const item of readQueue(store)) {
    if (item.error) {
      failed++;
      continue;
    }
    const result = await send(item.input);
    if (result.ok) {
      writeQueue(
        store,
        readQueue(store).filter((q) => q.key !== item.key),
      );
      sent++;
    } else if (result.offline) {
      break;
    } else {
      writeQueue(
        store,
        readQueue(store).map((q) => (q.key === item.key ? { ...q, error: result.message } : q)),
      );
      failed++;
    }
  }
  return { sent, failed, waiting: readQueue(store).filter((q) => !q.error).length };
}

export function removeFromQueue(store: Store, key: string) {
  writeQueue(
    store,
    readQueue(store).filter((q) => q.key !== key),
  );
}
