import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { prepared } from '../../db/prepared.js';
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
    /**
     * The latest snapshot of the most recent published period of the same root before the given one (by year,
     * then id): one query, on the hot path of every ranking page.
     */
    previousSnapshotMeta: (
      period: { id: number; rootUnitId: number; year: number },
      exec: Executor = db,
    ): Promise<{ id: number; periodId: number } | undefined> =>
      exec
        .selectFrom('measureSnapshots as sn')
        .innerJoin('measurePeriods as p', 'p.id', 'sn.periodId')
        .select(['sn.id', 'sn.periodId'])
        .where('p.rootUnitId', '=', period.rootUnitId)
        .where('p.status', '=', 'published')
        .where('p.id', '<>', period.id)
        .where((eb) =>
          eb.or([
            eb('p.year', '<', period.year),
            eb.and([eb('p.year', '=', period.year), eb('p.id', '<', period.id)]),
          ]),
        )
        .orderBy('p.year', 'desc')
        .orderBy('p.id', 'desc')
        .orderBy('sn.id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    /**
     * What every ranking page needs before its results, in one round trip: the period with its framework's
     * code and version, its latest snapshot id, and the previous period's latest snapshot (previousSnapshotMeta).
     */
    rankingHead: async (periodId: number, scopeRoots: number[], exec: Executor = db) => {
      const previous = (column: 'sn.id' | 'sn.period_id') => sql<number | null>`(
        select ${sql.ref(column)} from measure_snapshots sn join measure_periods q on q.id = sn.period_id
        where q.root_unit_id = p.root_unit_id and q.status = 'published' and q.id <> p.id
          and (q.year < p.year or (q.year = p.year and q.id < p.id))
        order by q.year desc, q.id desc, sn.id desc limit 1)`;
      const query = exec
        .selectFrom('measurePeriods as p')
        .innerJoin('measureFrameworks as f', 'f.id', 'p.frameworkId')
        .selectAll('p')
        .select(['f.code as frameworkCode', 'f.version as frameworkVersion'])
        .select((eb) =>
          eb
            .selectFrom('measureSnapshots as s')
            .select((e) => e.fn.max('s.id').as('m'))
            .whereRef('s.periodId', '=', 'p.id')
            .as('latestSnapshotId'),
        )
        .select([previous('sn.id').as('previousSnapshotId'), previous('sn.period_id').as('previousPeriodId')])
        // Whether one of the caller's scope roots is an ancestor of the period's root: canOnUnit's test,
        // answered in the same round trip instead of reading the root's ancestors separately.
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('unitClosure as c')
                .select(sql`1`.as('one'))
                .whereRef('c.descendantId', '=', 'p.rootUnitId')
                // No scope roots (anonymous): an id no unit has, so the answer is simply no.
                .where('c.ancestorId', 'in', scopeRoots.length ? scopeRoots : [-1]),
            )
            .as('rootInScope'),
        )
        .where('p.id', '=', periodId);
      // Planned once per connection: this runs for every ranking page.
      return (await exec.executeQuery(prepared(db, query.compile()))).rows[0];
    },
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
