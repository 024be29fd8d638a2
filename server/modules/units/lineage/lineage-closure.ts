import type { Executor } from '../../../db/executor.js';
import type { ClosureRow, UnitsWriteRepository } from '../units-write.repository.js';

// Scope across reorganisations. A grant on today's Thái Nguyên must cover the old Bắc Kạn communes that
// flowed into it, and still be one indexed lookup. So each old unit gets, as via_lineage closure rows,
// the tree ancestors of every unit it flowed into (transitively), and also those its own tree ancestors
// flowed into *fully* (a province merged whole carries its districts along, even though districts have
// no lineage rows of their own). Partial flows of an ancestor are not inherited: only part of it moved.

/** What rebuilding the via_lineage rows reads and writes. */
export type LineageClosureStoreMethods =
  | 'allUnitParents'
  | 'allLineage'
  | 'allLineageClosure'
  | 'deleteClosureOf'
  | 'insertClosure';

type Edge = { fromUnitId: number; toUnitId: number; kind: 'full' | 'partial' };

function reachable(start: number, next: Map<number, number[]>): Set<number> {
  const seen = new Set<number>();
  const queue = [...(next.get(start) ?? [])];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id) || id === start) continue;
    seen.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return seen;
}

function treeChain(id: number, parents: Map<number, number | null>): number[] {
  const chain: number[] = [];
  let current: number | null | undefined = id;
  while (current != null && chain.length < 50) {
    chain.push(current);
    current = parents.get(current);
  }
  return chain;
}

/** The via_lineage closure rows the given tree and lineage imply (pure; tested directly). */
export function computeLineageClosure(
  units: { id: number; parentId: number | null }[],
  edges: Edge[],
): ClosureRow[] {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  const anyNext = new Map<number, number[]>();
  const fullNext = new Map<number, number[]>();
  for (const e of edges) {
    anyNext.set(e.fromUnitId, [...(anyNext.get(e.fromUnitId) ?? []), e.toUnitId]);
    if (e.kind === 'full') fullNext.set(e.fromUnitId, [...(fullNext.get(e.fromUnitId) ?? []), e.toUnitId]);
  }
  const memoAny = new Map<number, Set<number>>();
  const memoFull = new Map<number, Set<number>>();
  const rows: ClosureRow[] = [];
  for (const u of units) {
    const chain = treeChain(u.id, parents);
    const targets = new Set<number>();
    if (anyNext.has(u.id)) {
      if (!memoAny.has(u.id)) memoAny.set(u.id, reachable(u.id, anyNext));
      for (const t of memoAny.get(u.id)!) targets.add(t);
    }
    for (const a of chain.slice(1)) {
      if (!fullNext.has(a)) continue;
      if (!memoFull.has(a)) memoFull.set(a, reachable(a, fullNext));
      for (const t of memoFull.get(a)!) targets.add(t);
    }
    if (targets.size === 0) continue;
    const own = new Set(chain);
    const depths = new Map<number, number>();
    for (const t of targets) {
      treeChain(t, parents).forEach((ancestor, i) => {
        if (own.has(ancestor)) return;
        const d = i + 1;
        if (!depths.has(ancestor) || depths.get(ancestor)! > d) depths.set(ancestor, d);
      });
    }
    for (const [ancestorId, depth] of depths)
      rows.push({ ancestorId, descendantId: u.id, depth, viaLineage: 1 });
  }
  return rows;
}

const key = (r: { ancestorId: number; descendantId: number }) => `${r.ancestorId}:${r.descendantId}`;

/** Brings the via_lineage rows in line with the current tree and lineage; returns how many changed. */
export async function rebuildLineageClosure(
  repo: Pick<UnitsWriteRepository, LineageClosureStoreMethods>,
  exec?: Executor,
): Promise<number> {
  const [units, edges, existing] = await Promise.all([
    repo.allUnitParents(exec),
    repo.allLineage(exec),
    repo.allLineageClosure(exec),
  ]);
  const wanted = computeLineageClosure(units, edges);
  const wantedKeys = new Map(wanted.map((r) => [key(r), r]));
  const existingKeys = new Map(existing.map((r) => [key(r), r]));
  const changed = new Set<number>();
  for (const [k, r] of wantedKeys) if (existingKeys.get(k)?.depth !== r.depth) changed.add(r.descendantId);
  for (const [k, r] of existingKeys) if (!wantedKeys.has(k)) changed.add(r.descendantId);
  if (changed.size === 0) return 0;
  const ids = [...changed];
  await repo.deleteClosureOf(ids, 1, exec);
  await repo.insertClosure(
    wanted.filter((r) => changed.has(r.descendantId)),
    exec,
  );
  return ids.length;
}
