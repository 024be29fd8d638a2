import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { MeasureSnapshotsTable } from '../../db/schema-measure.js';
import type { Executor } from '../audit/audit.repository.js';

export type SnapshotRow = Selectable<MeasureSnapshotsTable>;

// Published snapshots are append-only (a database trigger refuses UPDATE and DELETE).
export function createResultsRepository(db: Kysely<DB>) {
  return {
    insertSnapshot: (row: Insertable<MeasureSnapshotsTable>, exec: Executor = db): Promise<SnapshotRow> =>
      exec.insertInto('measureSnapshots').values(row).returningAll().executeTakeFirstOrThrow(),
    /** The newest snapshot's id and metadata, without its (large) results text. */
    latestSnapshotMeta: (periodId: number, exec: Executor = db) =>
      exec
        .selectFrom('measureSnapshots')
        .select(['id', 'periodId', 'frameworkId', 'frameworkVersion', 'computedAt'])
        .where('periodId', '=', periodId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    snapshotJson: async (id: number, exec: Executor = db): Promise<string | undefined> =>
      (
        await exec
          .selectFrom('measureSnapshots')
          .select('resultsJson')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.resultsJson,
    listSnapshots: (periodId: number, exec: Executor = db) =>
      exec
        .selectFrom('measureSnapshots')
        .select(['id', 'periodId', 'frameworkId', 'frameworkVersion', 'computedAt'])
        .where('periodId', '=', periodId)
        .orderBy('id', 'desc')
        .execute(),
    /** Published periods (with their latest snapshot) in which `unitId` took part, oldest first. */
    publishedPeriodsOfUnit: (unitId: number, exec: Executor = db) =>
      exec
        .selectFrom('measurePeriods as p')
        .innerJoin('measurePeriodUnits as pu', 'pu.periodId', 'p.id')
        .select(['p.id', 'p.name', 'p.year'])
        .where('pu.unitId', '=', unitId)
        .where('p.status', '=', 'published')
        .orderBy('p.year')
        .orderBy('p.id')
        .execute(),
  };
}
export type ResultsRepository = ReturnType<typeof createResultsRepository>;
