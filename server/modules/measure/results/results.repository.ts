import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import { prepared } from '../../../db/prepared.js';
import type { DB } from '../../../db/schema.js';
import type { MeasureSnapshotsTable } from '../../../db/schema-measure.js';

export type SnapshotRow = Selectable<MeasureSnapshotsTable>;

// The previous period's latest snapshot, as a subquery over `p` (the period) and `f` (its framework): published,
// same framework code, the same root or a root lineage merged into it, earlier by year then id.
const previousOf = (column: 'sn.id' | 'sn.period_id') => sql<number | null>`(
  select ${sql.ref(column)} from measure_snapshots sn
    join measure_periods q on q.id = sn.period_id
    join measure_frameworks qf on qf.id = q.framework_id
  where q.status = 'published' and q.id <> p.id and qf.code = f.code
    and (q.root_unit_id = p.root_unit_id
      or q.root_unit_id in (select l.from_unit_id from unit_lineage l where l.to_unit_id = p.root_unit_id))
    and (q.year < p.year or (q.year = p.year and q.id < p.id))
  order by q.year desc, q.id desc, sn.id desc limit 1)`;

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
     * The latest snapshot of the most recent published period before the given one (by year, then id) of the
     * same framework family (framework code), on the same root or on a root that lineage merged into it (the
     * old provinces of today's province): one query, on the hot path of every ranking page.
     */
    previousSnapshotMeta: async (
      period: { id: number; rootUnitId: number; year: number; frameworkId: number },
      exec: Executor = db,
    ): Promise<{ id: number; periodId: number } | undefined> => {
      const row = await exec
        .selectFrom('measurePeriods as p')
        .innerJoin('measureFrameworks as f', 'f.id', 'p.frameworkId')
        .select([previousOf('sn.id').as('id'), previousOf('sn.period_id').as('periodId')])
        .where('p.id', '=', period.id)
        .executeTakeFirst();
      return row?.id && row.periodId ? { id: row.id, periodId: row.periodId } : undefined;
    },
    /**
     * The published periods of the same family as `previousPeriodId` and of its year whose roots lineage merged
     * into `rootUnitId`, each with its latest snapshot: the areas today's period compares with.
     */
    mergedPeriodsOfYear: (previousPeriodId: number, rootUnitId: number, exec: Executor = db) =>
      exec
        .selectFrom('measurePeriods as q')
        .innerJoin('measureFrameworks as qf', 'qf.id', 'q.frameworkId')
        .select(['q.id as periodId'])
        .select((eb) =>
          eb
            .selectFrom('measureSnapshots as s')
            .select((e) => e.fn.max('s.id').as('m'))
            .whereRef('s.periodId', '=', 'q.id')
            .as('snapshotId'),
        )
        .where('q.status', '=', 'published')
        .where(({ eb, selectFrom }) =>
          eb(
            'q.rootUnitId',
            'in',
            selectFrom('unitLineage').select('fromUnitId').where('toUnitId', '=', rootUnitId),
          ),
        )
        .where(({ eb, selectFrom }) =>
          eb.and([
            eb('q.year', '=', selectFrom('measurePeriods').select('year').where('id', '=', previousPeriodId)),
            eb(
              'qf.code',
              '=',
              selectFrom('measurePeriods as pp')
                .innerJoin('measureFrameworks as pf', 'pf.id', 'pp.frameworkId')
                .select('pf.code')
                .where('pp.id', '=', previousPeriodId),
            ),
          ]),
        )
        .orderBy('q.id')
        .execute(),
    /**
     * What every ranking page needs before its results, in one round trip: the period with its framework's
     * code and version, its latest snapshot id, and the previous period's latest snapshot (previousSnapshotMeta).
     */
    rankingHead: async (periodId: number, scopeRoots: number[], exec: Executor = db) => {
      const query = exec
        .selectFrom('measurePeriods as p')
        .innerJoin('measureFrameworks as f', 'f.id', 'p.frameworkId')
        .selectAll('p')
        .select(['f.code as frameworkCode', 'f.name as frameworkName', 'f.version as frameworkVersion'])
        .select((eb) =>
          eb
            .selectFrom('measureSnapshots as s')
            .select((e) => e.fn.max('s.id').as('m'))
            .whereRef('s.periodId', '=', 'p.id')
            .as('latestSnapshotId'),
        )
        .select([
          previousOf('sn.id').as('previousSnapshotId'),
          previousOf('sn.period_id').as('previousPeriodId'),
        ])
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
