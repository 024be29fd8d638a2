import { describe, expect, it } from 'vitest';
import { createLru } from './lru.js';

describe('createLru', () => {
  it('evicts the least recently used entry when full', () => {
    const lru = createLru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });

  it('replaces a key without growing and can delete and clear', () => {
    const lru = createLru<string>(2);
    lru.set('a', 'x');
    lru.set('a', 'y');
    expect(lru.size).toBe(1);
    expect(lru.get('a')).toBe('y');
    lru.delete('a');
    expect(lru.get('a')).toBeUndefined();
    lru.set('b', 'z');
    lru.clear();
    expect(lru.size).toBe(0);
  });

  it('refuses a capacity that cannot hold anything', () => {
    expect(() => createLru(0)).toThrow(RangeError);
  });
});
