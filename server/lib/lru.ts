/**
 * A small least-recently-used cache keyed by strings. Map keeps insertion order, so re-inserting on a hit
 * renews an entry and the first key is always the least recently used one.
 */
export type Lru<V> = {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  clear(): void;
  readonly size: number;
};

export function createLru<V>(capacity: number): Lru<V> {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError('LRU capacity must be a positive integer');
  const map = new Map<string, V>();
  return {
    get(key) {
      const hit = map.get(key);
      if (hit === undefined) return undefined;
      map.delete(key);
      map.set(key, hit);
      return hit;
    },
    set(key, value) {
      map.delete(key);
      if (map.size >= capacity) map.delete(map.keys().next().value as string);
      map.set(key, value);
    },
    delete(key) {
      map.delete(key);
    },
    clear() {
      map.clear();
    },
    get size() {
      return map.size;
    },
  };
}
