import { describe, expect, it } from 'vitest';
import { demoCsvSubsets } from './demo-seed.js';

// Issue 10: the demo's split communes had no shares, so a split counted the old commune whole in each new one.
describe('demo lineage', () => {
  it('gives every partial link a population share, and each split commune’s shares add up to 1', () => {
    const [head, ...rows] = demoCsvSubsets().lineage.split('\n');
    expect(head.split(',').slice(-2)).toEqual(['share', 'share_basis']);
    const partial = rows.map((r) => r.split(',')).filter((c) => c[5] === 'partial');
    expect(partial.length).toBeGreaterThan(0);
    const byOld = new Map<string, number>();
    for (const c of partial) {
      const share = Number(c[6]);
      expect(share > 0 && share < 1, c.join(',')).toBe(true);
      expect(c[7]).toBe('population');
      byOld.set(c[1], (byOld.get(c[1]) ?? 0) + share);
    }
    for (const total of byOld.values()) expect(total).toBeLessThanOrEqual(1.0000001);
    const full = rows.map((r) => r.split(',')).filter((c) => c[5] === 'full');
    expect(full.every((c) => c[6] === '' && c[7] === '')).toBe(true);
  });
});
