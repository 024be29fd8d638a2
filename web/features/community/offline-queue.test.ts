import { describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../../core/contracts/community.js';
import { enqueue, flushQueue, readQueue } from './offline-queue.js';

function memoryStore() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}
const input = (place: string): ActivityInput => ({
  teamId: 1,
  activityDate: '2026-06-01',
  place,
  kind: 'home',
  skills: ['vneid_level2'],
  peopleReached: 3,
  householdsReached: 1,
  note: null,
  photoFileIds: [],
  clientKey: null,
});

describe('the offline activity queue', () => {
  it('keeps entries while offline and sends them in order when the connection returns', async () => {
    const store = memoryStore();
    enqueue(store, input('Nhà ông A'));
    enqueue(store, input('Nhà bà B'));
    expect(readQueue(store).every((q) => q.input.clientKey === q.key)).toBe(true);
    const offline = await flushQueue(store, async () => ({ ok: false, offline: true }));
    expect(offline).toEqual({ sent: 0, failed: 0, waiting: 2 });
    const seen: string[] = [];
    const online = await flushQueue(store, async (i) => {
      seen.push(i.place);
      return { ok: true };
    });
    expect(seen).toEqual(['Nhà ông A', 'Nhà bà B']);
    expect(online).toEqual({ sent: 2, failed: 0, waiting: 0 });
    expect(readQueue(store)).toEqual([]);
  });
  it('keeps a refused entry with its message instead of dropping it', async () => {
    const store = memoryStore();
    enqueue(store, input('Sai ngày'));
    enqueue(store, input('Đúng'));
    const result = await flushQueue(store, async (i) =>
      i.place === 'Sai ngày'
        ? { ok: false, offline: false, message: 'Ngày hoạt động không được sau ngày hôm nay' }
        : { ok: true },
    );
    expect(result).toEqual({ sent: 1, failed: 1, waiting: 0 });
    expect(readQueue(store)).toMatchObject([
      { input: { place: 'Sai ngày' }, error: expect.stringContaining('Ngày') },
    ]);
  });
  it('survives a corrupt store', () => {
    const store = memoryStore();
    store.setItem('dxboard.community.activityQueue', '{not json');
    expect(readQueue(store)).toEqual([]);
  });
});
