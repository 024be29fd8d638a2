import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';
import { unitAncestorIds } from '../units/unit-ancestors.js';

export type MeasureUnit = {
  id: number;
  code: string;
  name: string;
  type: string;
  kind: string;
  level: number;
};

// Unit lookups Measure needs: ancestors for permission checks (one indexed query on unit_closure) and
// the rows used to classify units into kinds and peer groups.
export function createMeasureUnitsRepository(db: Kysely<DB>) {
  return {
    ancestorIds: (unitId: number, exec: Executor = db) => unitAncestorIds(exec, unitId),
    findUnit: (unitId: number, exec: Executor = db): Promise<MeasureUnit | undefined> =>
      exec
        .selectFrom('units')
        .select(['id', 'code', 'name', 'type', 'kind', 'level'])
        .where('id', '=', unitId)
        .executeTakeFirst(),
    findUnits: (unitIds: number[], exec: Executor = db): Promise<MeasureUnit[]> =>
      unitIds.length
        ? exec
            .selectFrom('units')
            .select(['id', 'code', 'name', 'type', 'kind', 'level'])
            .where('id', 'in', unitIds)
            .execute()
        : Promise.resolve([]),
    /** Units strictly inside the subtree of `rootId` (not through lineage). */
    subtreeUnits: (rootId: number, exec: Executor = db): Promise<MeasureUnit[]> =>
      exec
        .selectFrom('unitClosure')
        .innerJoin('units', 'units.id', 'unitClosure.descendantId')
        .select(['units.id', 'units.code', 'units.name', 'units.type', 'units.kind', 'units.level'])
        .where('unitClosure.ancestorId', '=', rootId)
        .where('unitClosure.viaLineage', '=', 0)
        .where('unitClosure.depth', '>', 0)
        .execute(),
  };
}
export type MeasureUnitsRepository = ReturnType<typeof createMeasureUnitsRepository>;
