import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';
import { unitAncestorIds, unitAncestorIdsMany } from '../units/unit-ancestors.js';

// Unit-scope lookups over unit_closure: one indexed query per question, never a walk up the tree.
export function createUnitScopeRepository(db: Kysely<DB>) {
  return {
    /** The unit's ancestors, itself included; [] for an unknown unit (see units/unit-ancestors.ts). */
    ancestorIds: (unitId: number, exec: Executor = db) => unitAncestorIds(exec, unitId),
    /** Ancestors of several units at once, keyed by unit id; unknown units map to []. */
    ancestorIdsMany: (unitIds: number[], exec: Executor = db) => unitAncestorIdsMany(exec, unitIds),
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
