import type { ClosureRow } from '../units-write.repository.js';

// Tree rows of unit_closure (via_lineage = 0): each unit lists itself (depth 0) and every ancestor.
export function closureRowsFor(unitIds: number[], parents: Map<number, number | null>): ClosureRow[] {
  const rows: ClosureRow[] = [];
  for (const id of unitIds) {
    let current: number | null | undefined = id;
    for (let depth = 0; current != null && depth < 50; depth++) {
      rows.push({ ancestorId: current, descendantId: id, depth, viaLineage: 0 });
      current = parents.get(current);
    }
  }
  return rows;
}
