import type { Reader } from '../db/executor.js';
import { chunk } from './chunk.js';

// The one way to ask "which units is this unit under?", for every permission check: unit_closure's rows for the
// unit (itself at depth 0, its tree ancestors, and the units it inherits through lineage), one indexed query.
// A unit unknown to the database has no closure rows, hence no ancestors, so nobody's scope covers it.

export async function unitAncestorIds(exec: Reader, unitId: number): Promise<number[]> {
  const rows = await exec
    .selectFrom('unitClosure')
    .select('ancestorId')
    .where('descendantId', '=', unitId)
    .execute();
  return [...new Set(rows.map((r) => r.ancestorId))];
}

/** Ancestors of several units at once, keyed by unit id (unknown units map to []), in batches of ids. */
export async function unitAncestorIdsMany(exec: Reader, unitIds: number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>(unitIds.map((id) => [id, []]));
  for (const part of chunk([...new Set(unitIds)])) {
    const rows = await exec
      .selectFrom('unitClosure')
      .select(['ancestorId', 'descendantId'])
      .where('descendantId', 'in', part)
      .execute();
    for (const r of rows) result.get(r.descendantId)?.push(r.ancestorId);
  }
  for (const [id, ancestors] of result) result.set(id, [...new Set(ancestors)]);
  return result;
}

/** Those of `unitIds` that are roots of the unit tree (no parent): the province-level scopes. */
export async function topLevelUnitsAmong(exec: Reader, unitIds: number[]): Promise<number[]> {
  if (!unitIds.length) return [];
  const rows = await exec
    .selectFrom('units')
    .select('id')
    .where('id', 'in', unitIds)
    .where('parentId', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}
