import { describe, expect, it } from 'vitest';
import type { LineageEdge, LineageNode } from '../../../core/contracts/units.js';
import { edgeLabel, layoutLineage } from './lineage-layout.js';

function node(id: number, name: string, relation: LineageNode['relation']): LineageNode {
  return {
    id,
    name,
    relation,
    structureId: 1,
    structureName: 's',
    code: String(id),
    type: 'xã',
    kind: 'commune',
    level: 3,
    parentId: null,
    validFrom: '2025-07-01',
    validTo: null,
    childCount: 0,
  };
}

function edge(
  fromUnitId: number,
  toUnitId: number,
  kind: 'full' | 'partial' = 'full',
  share: number | null = null,
) {
  return {
    id: fromUnitId * 100 + toUnitId,
    fromUnitId,
    toUnitId,
    kind,
    share,
    shareBasis: null,
    effectiveDate: '2025-07-01',
  } satisfies LineageEdge;
}

describe('layoutLineage', () => {
  it('puts predecessors left by generation, the unit in the middle, successors right', () => {
    const nodes = [
      node(10, 'Xã Mới', 'self'),
      node(1, 'Xã Cũ B', 'predecessor'),
      node(2, 'Xã Cũ A', 'predecessor'),
      node(3, 'Xã Rất Cũ', 'predecessor'),
      node(20, 'Xã Tương Lai', 'successor'),
    ];
    const edges = [edge(1, 10), edge(2, 10, 'partial', 0.4), edge(3, 1), edge(10, 20)];
    const placed = layoutLineage(nodes, edges);
    const col = Object.fromEntries(placed.map((p) => [p.id, p.column]));
    expect(col).toEqual({ 10: 0, 1: -1, 2: -1, 3: -2, 20: 1 });
    const a = placed.find((p) => p.id === 2)!;
    const b = placed.find((p) => p.id === 1)!;
    // Same column, sorted by Vietnamese name (A above B), centred on the axis.
    expect(a.x).toBe(b.x);
    expect(a.x).toBeLessThan(0);
    expect(a.y).toBeLessThan(b.y);
    expect(a.y + b.y).toBe(0);
    expect(placed.find((p) => p.id === 20)!.x).toBeGreaterThan(0);
  });

  it('returns nothing without a self node', () => {
    expect(layoutLineage([node(1, 'x', 'predecessor')], [])).toEqual([]);
  });
});

describe('edgeLabel', () => {
  const words = { full: 'toàn bộ', partial: 'một phần' };
  const pct = (s: number) => `${Math.round(s * 100)}%`;
  it('labels full and partial edges with their share', () => {
    expect(edgeLabel({ kind: 'full', share: null }, words, pct)).toBe('toàn bộ');
    expect(edgeLabel({ kind: 'partial', share: 0.35 }, words, pct)).toBe('một phần 35%');
    expect(edgeLabel({ kind: 'partial', share: null }, words, pct)).toBe('một phần');
  });
});
