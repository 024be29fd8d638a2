import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

// Reads history across reorganisation needs: lineage edges both ways, units' structures, and headcounts.
export function createHistoryRepository(db: Kysely<DB>) {
  return {
    successorEdges: (fromIds: number[]) =>
      fromIds.length
        ? db
            .selectFrom('unitLineage')
            .select(['fromUnitId', 'toUnitId', 'share'])
            .where('fromUnitId', 'in', fromIds)
            .execute()
        : Promise.resolve([]),
    predecessorEdges: (toIds: number[]) =>
      toIds.length
        ? db
            .selectFrom('unitLineage')
            .select(['fromUnitId', 'toUnitId', 'share'])
            .where('toUnitId', 'in', toIds)
            .execute()
        : Promise.resolve([]),
    unitsByIds: (ids: number[]) =>
      ids.length
        ? db
            .selectFrom('units')
            .select(['id', 'code', 'name', 'structureId'])
            .where('id', 'in', ids)
            .execute()
        : Promise.resolve([]),
    structureExists: async (id: number) =>
      (await db.selectFrom('structures').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
    /** The latest value of a headcount metric per unit. */
    async headcounts(unitIds: number[], metric: string): Promise<Map<number, number>> {
      if (!unitIds.length) return new Map();
      const rows = await db
        .selectFrom('unitHeadcounts')
        .select(['unitId', 'asOf', 'value'])
        .where('unitId', 'in', unitIds)
        .where('metric', '=', metric)
        .orderBy('asOf')
        .execute();
      return new Map(rows.map((r) => [r.unitId, r.value]));
    },
    /** Published periods (any root) in which one of `unitIds` took part, oldest first. */
    publishedPeriodsOfUnits: (unitIds: number[]) =>
      unitIds.length
        ? db
            .selectFrom('measurePeriods as p')
            .innerJoin('measurePeriodUnits as pu', 'pu.periodId', 'p.id')
            .select(['p.id', 'p.name', 'p.year'])
            .distinct()
            .where('pu.unitId', 'in', unitIds)
            .where('p.status', '=', 'published')
            .orderBy('p.year')
            .orderBy('p.id')
            .execute()
        : Promise.resolve([]),
  };
}
export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
