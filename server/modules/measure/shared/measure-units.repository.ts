import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';

export type MeasureUnit = {
  id: number;
  code: string;
  name: string;
  type: string;
  kind: string;
  level: number;
};

// The unit rows Measure classifies into kinds and peer groups (permission checks go through the access guard).
export function createMeasureUnitsRepository(db: Kysely<DB>) {
  return {
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
