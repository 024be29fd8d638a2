import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

// Unit-scope lookups over unit_closure: one indexed query per question, never a walk up the tree.
export function createUnitScopeRepository(db: Kysely<DB>) {
  return {
    /** The unit's ancestors, itself included (also when the closure lacks the depth-0 row). */
    async ancestorIds(unitId: number, exec: Executor = db): Promise<number[]> {
      const rows = await exec
        .selectFrom('unitClosure')
        .select('ancestorId')
        .where('descendantId', '=', unitId)
        .execute();
      // unit_closure references units, so any closure row proves the unit exists; only an empty result needs
      // the second lookup (this runs on every API-token request).
      if (rows.length === 0) {
        const unit = await exec.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
        if (!unit) return [];
      }
      return [...new Set([unitId, ...rows.map((r) => r.ancestorId)])];
    },
    /** Ancestors of several units at once, keyed by unit id; unknown units map to []. */
    async ancestorIdsMany(unitIds: number[]): Promise<Map<number, number[]>> {
      const result = new Map<number, number[]>();
      if (!unitIds.length) return result;
      const units = await db.selectFrom('units').select('id').where('id', 'in', unitIds).execute();
      for (const u of units) result.set(u.id, [u.id]);
      const rows = await db
        .selectFrom('unitClosure')
        .select(['ancestorId', 'descendantId'])
        .where('descendantId', 'in', unitIds)
        .execute();
      for (const r of rows) result.get(r.descendantId)?.push(r.ancestorId);
      for (const id of unitIds) if (!result.has(id)) result.set(id, []);
      return result;
    },
    /** Those of `unitIds` that are roots of the unit tree (no parent). */
    async topLevelAmong(unitIds: number[]): Promise<number[]> {
      if (!unitIds.length) return [];
      const rows = await db
        .selectFrom('units')
        .select('id')
        .where('id', 'in', unitIds)
        .where('parentId', 'is', null)
        .execute();
      return rows.map((r) => r.id);
    },
    unitExists: async (unitId: number) =>
      !!(await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()),
  };
}
export type UnitScopeRepository = ReturnType<typeof createUnitScopeRepository>;
