import { describe, expect, it } from 'vitest';
import { computeLineageClosure } from './lineage-closure.js';

// Old tree: province 1 > district 2 > communes 3, 4.  New tree: province 10 > communes 11, 12.
// Old province 1 merged fully into 10; commune 3 fully into 11; commune 4 split into 11 and 12.
const units = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 2 },
  { id: 4, parentId: 2 },
  { id: 10, parentId: null },
  { id: 11, parentId: 10 },
  { id: 12, parentId: 10 },
  { id: 20, parentId: null },
  { id: 21, parentId: 20 },
];
const edges = [
  { fromUnitId: 1, toUnitId: 10, kind: 'full' as const },
  { fromUnitId: 3, toUnitId: 11, kind: 'full' as const },
  { fromUnitId: 4, toUnitId: 11, kind: 'partial' as const },
  { fromUnitId: 4, toUnitId: 12, kind: 'partial' as const },
];
const ancestorsOf = (rows: ReturnType<typeof computeLineageClosure>, id: number) =>
  rows
    .filter((r) => r.descendantId === id)
    .map((r) => r.ancestorId)
    .sort((a, b) => a - b);

describe('computeLineageClosure', () => {
  const rows = computeLineageClosure(units, edges);

  it('gives an old unit the tree ancestors of every unit it flowed into', () => {
    expect(ancestorsOf(rows, 3)).toEqual([10, 11]);
    expect(ancestorsOf(rows, 4)).toEqual([10, 11, 12]);
    expect(ancestorsOf(rows, 1)).toEqual([10]);
  });

  it('lets a district without lineage rows inherit its province’s full merger', () => {
    expect(ancestorsOf(rows, 2)).toEqual([10]);
  });

  it('does not inherit an ancestor’s partial flow', () => {
    const partial = computeLineageClosure(units, [{ fromUnitId: 1, toUnitId: 20, kind: 'partial' }]);
    expect(ancestorsOf(partial, 1)).toEqual([20]);
    expect(ancestorsOf(partial, 2)).toEqual([]);
  });

  it('follows chains of lineage transitively and marks every row via_lineage', () => {
    const chain = computeLineageClosure(units, [...edges, { fromUnitId: 11, toUnitId: 21, kind: 'full' }]);
    expect(ancestorsOf(chain, 3)).toEqual([10, 11, 20, 21]);
    expect(chain.every((r) => r.viaLineage === 1 && r.depth > 0)).toBe(true);
  });

  it('survives a cycle without looping', () => {
    const cyclic = computeLineageClosure(units, [
      { fromUnitId: 3, toUnitId: 11, kind: 'full' },
      { fromUnitId: 11, toUnitId: 3, kind: 'full' },
    ]);
    expect(ancestorsOf(cyclic, 3)).toEqual([10, 11]);
  });
});
