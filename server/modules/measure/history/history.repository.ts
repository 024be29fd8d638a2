import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';

export type LineageLink = {
  id: number;
  fromUnitId: number;
  toUnitId: number;
  kind: 'full' | 'partial';
  share: number | null;
};

const LINK = ['id', 'fromUnitId', 'toUnitId', 'kind', 'share'] as const;

// Reads history across reorganisation needs: lineage edges both ways, units' structures, headcounts, the
// periods units took part in and the revisions of the unit tables that re-expressed results depend on.
export function createHistoryRepository(db: Kysely<DB>) {
  return {
    /** Every link out of these old units (all of them: an assumed share depends on its siblings). */
    successorEdges: (fromIds: number[], exec: Executor = db): Promise<LineageLink[]> =>
      fromIds.length
        ? exec.selectFrom('unitLineage').select(LINK).where('fromUnitId', 'in', fromIds).execute()
        : Promise.resolve([]),
    predecessorEdges: (toIds: number[], exec: Executor = db): Promise<LineageLink[]> =>
      toIds.length
        ? exec.selectFrom('unitLineage').select(LINK).where('toUnitId', 'in', toIds).execute()
        : Promise.resolve([]),
    unitsByIds: (ids: number[], exec: Executor = db) =>
      ids.length
        ? exec
            .selectFrom('units')
            .select(['id', 'code', 'name', 'kind', 'type', 'level', 'structureId'])
            .where('id', 'in', ids)
            .execute()
        : Promise.resolve([]),
    structureExists: async (id: number, exec: Executor = db) =>
      (await exec.selectFrom('structures').select('id').where('id', '=', id).executeTakeFirst()) !==
      undefined,
    /** The latest value of a headcount metric per unit. */
    async headcounts(unitIds: number[], metric: string, exec: Executor = db): Promise<Map<number, number>> {
      if (!unitIds.length) return new Map();
      const rows = await exec
        .selectFrom('unitHeadcounts')
        .select(['unitId', 'asOf', 'value'])
        .where('unitId', 'in', unitIds)
        .where('metric', '=', metric)
        .orderBy('asOf')
        .execute();
      return new Map(rows.map((r) => [r.unitId, r.value]));
    },
    /** Revision counters of the unit tables (bumped by triggers on every write, in any process). */
    async revisions(exec: Executor = db): Promise<string> {
      const rows = await exec
        .selectFrom('dataRevisions')
        .select(['name', 'revision'])
        .orderBy('name')
        .execute();
      return rows.map((r) => `${r.name}=${r.revision}`).join(',');
    },
    /** Periods (any status, any root) in which one of `unitIds` took part, oldest first, with their framework. */
    periodsOfUnits: (unitIds: number[], exec: Executor = db) =>
      unitIds.length
        ? exec
            .selectFrom('measurePeriods as p')
            .innerJoin('measureFrameworks as f', 'f.id', 'p.frameworkId')
            .select([
              'p.id',
              'p.name',
              'p.year',
              'p.status',
              'p.rootUnitId',
              'f.code as frameworkCode',
              'f.name as frameworkName',
            ])
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('measurePeriodUnits as pu')
                  .select('pu.unitId')
                  .whereRef('pu.periodId', '=', 'p.id')
                  .where('pu.unitId', 'in', unitIds),
              ),
            )
            .orderBy('p.year')
            .orderBy('p.id')
            .execute()
        : Promise.resolve([]),
    /** Which of `unitIds` take part in the period. */
    async participants(periodId: number, unitIds: number[], exec: Executor = db): Promise<Set<number>> {
      if (!unitIds.length) return new Set();
      const rows = await exec
        .selectFrom('measurePeriodUnits')
        .select('unitId')
        .where('periodId', '=', periodId)
        .where('unitId', 'in', unitIds)
        .execute();
      return new Set(rows.map((r) => r.unitId));
    },
    submissionStatus: async (periodId: number, unitId: number, exec: Executor = db) =>
      (
        await exec
          .selectFrom('measureSubmissions')
          .select('status')
          .where('periodId', '=', periodId)
          .where('unitId', '=', unitId)
          .executeTakeFirst()
      )?.status ?? null,
  };
}
export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
