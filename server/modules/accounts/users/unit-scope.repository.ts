import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import { topLevelUnitsAmong, unitAncestorIds, unitAncestorIdsMany } from '../../../lib/unit-ancestors.js';

// Unit-scope lookups over unit_closure: one indexed query per question, never a walk up the tree.
export function createUnitScopeRepository(db: Kysely<DB>) {
  return {
    /** The unit's ancestors, itself included; [] for an unknown unit (see lib/unit-ancestors.ts). */
    ancestorIds: (unitId: number, exec: Executor = db) => unitAncestorIds(exec, unitId),
    /** Ancestors of several units at once, keyed by unit id; unknown units map to []. */
    ancestorIdsMany: (unitIds: number[], exec: Executor = db) => unitAncestorIdsMany(exec, unitIds),
    /** Those of `unitIds` that are roots of the unit tree (no parent). */
    topLevelAmong: (unitIds: number[], exec: Executor = db) => topLevelUnitsAmong(exec, unitIds),
    unitExists: async (unitId: number, exec: Executor = db) =>
      !!(await exec.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()),
  };
}
export type UnitScopeRepository = ReturnType<typeof createUnitScopeRepository>;
