import type { LineageEdge, LineageNode } from '../../../core/contracts/units.js';

// Places a lineage graph in columns: the unit itself in the middle, predecessors to the left by
// generation, successors to the right, so old structures read left and new ones right.

export type PlacedNode = LineageNode & { column: number; x: number; y: number };

export type LayoutGaps = { columnGap: number; rowGap: number };
const DEFAULT_GAPS: LayoutGaps = { columnGap: 260, rowGap: 56 };

function distances(selfId: number, edges: readonly LineageEdge[], direction: 'back' | 'forward') {
  const dist = new Map<number, number>([[selfId, 0]]);
  let frontier = [selfId];
  while (frontier.length) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const e of edges) {
        const [from, to] = direction === 'back' ? [e.toUnitId, e.fromUnitId] : [e.fromUnitId, e.toUnitId];
        if (from !== id || dist.has(to)) continue;
        dist.set(to, (dist.get(id) ?? 0) + 1);
        next.push(to);
      }
    }
    frontier = next;
  }
  return dist;
}

function columnOf(node: LineageNode, back: Map<number, number>, forward: Map<number, number>): number {
  if (node.relation === 'self') return 0;
  if (node.relation === 'predecessor') return -(back.get(node.id) ?? 1);
  return forward.get(node.id) ?? 1;
}

export function layoutLineage(
  nodes: readonly LineageNode[],
  edges: readonly LineageEdge[],
  gaps: LayoutGaps = DEFAULT_GAPS,
): PlacedNode[] {
  const self = nodes.find((n) => n.relation === 'self');
  if (!self) return [];
  const back = distances(self.id, edges, 'back');
  const forward = distances(self.id, edges, 'forward');
  const byColumn = new Map<number, LineageNode[]>();
  for (const node of nodes) {
    const column = columnOf(node, back, forward);
    byColumn.set(column, [...(byColumn.get(column) ?? []), node]);
  }
  const placed: PlacedNode[] = [];
  for (const [column, members] of byColumn) {
    const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    sorted.forEach((node, index) => {
      const y = (index - (sorted.length - 1) / 2) * gaps.rowGap;
      placed.push({ ...node, column, x: column * gaps.columnGap, y });
    });
  }
  return placed.sort((a, b) => a.column - b.column || a.y - b.y);
}

/** "toàn bộ" or "một phần 40 %": the label drawn on an edge. */
export function edgeLabel(
  edge: Pick<LineageEdge, 'kind' | 'share'>,
  words: { full: string; partial: string },
  formatShare: (share: number) => string,
): string {
  if (edge.kind === 'full') return words.full;
  return edge.share === null ? words.partial : `${words.partial} ${formatShare(edge.share)}`;
}
