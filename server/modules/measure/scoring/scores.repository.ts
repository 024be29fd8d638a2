import { type Kysely, sql } from 'kysely';
import { type BulkColumn, bulkInsert } from '../../../db/bulk-insert.js';
import type { Executor } from '../../../db/executor.js';
import {
  type NativeDialect,
  nativeDialectOf,
  arrayRows as nativeRows,
  placeholder,
} from '../../../db/native-rows.js';
import type { DB } from '../../../db/schema.js';

/** One submission's stored contributions, column by column (index-aligned), as the engine produced them. */
export type ContributionColumns = {
  submissionIds: number[];
  componentCodes: string[];
  mainIdx: number[];
  pillarIdx: number[];
  points: number[];
  applicableMax: number[];
};

/** An approved unit of a period, as the ranking shows it. */
export type RankingUnitRow = {
  submissionId: number;
  unitId: number;
  code: string;
  name: string;
  type: string;
  kind: string;
  level: number;
};

/**
 * One submission's effective values as the database assembled them: [submissionId, valuesJson, overridesJson],
 * the JSON objects keyed by component code (null when empty).
 */
export type RawValueTuple = [number, string | null, string | null];

/** [submissionId, mainIdx, pillarIdx, SUM(points), SUM(applicable_max)]. */
export type PartialSumsRow = [number, number, number, number, number];

// Appraised values where given, else the unit's own (as effectiveValuesOf); N/A is {"notApplicable":true}.
// The database concatenates each submission's values into one JSON object, so the app receives one string per
// unit instead of one row object per value (~156k for a period of 3,321 communes).
const EFFECTIVE = `case when v.appraised_is_na = 1 then '{"notApplicable":true}'
  when v.appraised_raw_json is not null then v.appraised_raw_json
  when v.is_na = 1 then '{"notApplicable":true}' else v.raw_json end`;
const rawValuesSql = (dialect: NativeDialect) => {
  const quote = dialect === 'sqlite' ? 'json_quote(v.component_code)' : 'to_json(v.component_code)::text';
  const agg = (expr: string) =>
    dialect === 'sqlite' ? `group_concat(${expr}, ',')` : `string_agg(${expr}, ',')`;
  const points = dialect === 'sqlite' ? 'v.appraised_points' : 'v.appraised_points::text';
  return `select v.submission_id as sid, '{' || ${agg(`${quote} || ':' || (${EFFECTIVE})`)} || '}' as vals,
    '{' || ${agg(`${quote} || ':' || ${points}`)} || '}' as ovs
    from measure_values v join measure_submissions s on s.id = v.submission_id
    where s.period_id = ${placeholder(dialect, 1)}
    group by v.submission_id`;
};

/**
 * A period's contributions summed per submission, main index and pillar (one pass over the covering index,
 * two aggregates): [submissionId, mainIdx, pillarIdx, points, applicableMax] rows, folded into node sums by
 * the caller. Two plain SUMs per group are far cheaper than one conditional SUM per node.
 */
const sumsSql = (dialect: NativeDialect, only: number) => {
  const subset =
    only > 0
      ? ` and submission_id in (${Array.from({ length: only }, (_, i) => placeholder(dialect, i + 2)).join(', ')})`
      : '';
  return `select submission_id, main_idx, pillar_idx, sum(points) as points, sum(applicable_max) as amax
    from measure_component_scores where period_id = ${placeholder(dialect, 1)}${subset}
    group by submission_id, main_idx, pillar_idx`;
};

const CONTRIBUTION_COLUMNS: BulkColumn[] = [
  { name: 'submission_id', pgType: 'int4' },
  { name: 'component_code', pgType: 'text' },
  { name: 'period_id', pgType: 'int4' },
  { name: 'main_idx', pgType: 'int4' },
  { name: 'pillar_idx', pgType: 'int4' },
  { name: 'points', pgType: 'float8' },
  { name: 'applicable_max', pgType: 'float8' },
];
// More changed submissions than this and one pass over the whole period is cheaper than a long IN list.
export const SUBSET_LIMIT = 400;

export function createScoresRepository(db: Kysely<DB>) {
  const dialect = nativeDialectOf(db);
  const arrayRows = (text: string, params: unknown[], exec: Executor) => nativeRows(db, text, params, exec);

  const insertContributions = (periodId: number, c: ContributionColumns, exec: Executor) =>
    bulkInsert(db, exec, 'measure_component_scores', CONTRIBUTION_COLUMNS, [
      c.submissionIds,
      c.componentCodes,
      c.submissionIds.map(() => periodId),
      c.mainIdx,
      c.pillarIdx,
      c.points,
      c.applicableMax,
    ]);

  /** Moves the period's revision on and stamps the given submissions (all of the period's when omitted). */
  async function bumpRevision(periodId: number, submissionIds: number[] | undefined, exec: Executor) {
    const { scoresRevision } = await exec
      .updateTable('measurePeriods')
      .set((eb) => ({ scoresRevision: eb('scoresRevision', '+', 1) }))
      .where('id', '=', periodId)
      .returning('scoresRevision')
      .executeTakeFirstOrThrow();
    let update = exec
      .updateTable('measureSubmissions')
      .set({ scoresRevision })
      .where('periodId', '=', periodId);
    if (submissionIds) update = update.where('id', 'in', submissionIds);
    if (!submissionIds || submissionIds.length > 0) await update.execute();
    return scoresRevision;
  }

  return {
    bumpRevision,

    /** Every submission's values of a period in ONE query, as arrays. */
    rawValuesForPeriod: (periodId: number, exec: Executor = db) =>
      arrayRows(rawValuesSql(dialect), [periodId], exec) as Promise<RawValueTuple[]>,

    /** Replaces one submission's contributions and stamps it with a new revision of the period. */
    // Both writers move the period's revision FIRST: that update locks the period row until commit, so two
    // writers of the same contributions (two saves of one submission, two first readers rescoring a period on
    // PostgreSQL) take turns, and the second deletes what the first inserted instead of colliding with it.
    async replaceForSubmission(
      ids: { submissionId: number; periodId: number },
      c: ContributionColumns,
      exec: Executor,
    ) {
      await bumpRevision(ids.periodId, [ids.submissionId], exec);
      await exec.deleteFrom('measureComponentScores').where('submissionId', '=', ids.submissionId).execute();
      await insertContributions(ids.periodId, c, exec);
    },

    /** Replaces a whole period's contributions, records the framework state they follow, stamps everything. */
    async replaceForPeriod(periodId: number, c: ContributionColumns, stamp: string, exec: Executor) {
      await bumpRevision(periodId, undefined, exec);
      await exec.deleteFrom('measureComponentScores').where('periodId', '=', periodId).execute();
      await insertContributions(periodId, c, exec);
      await exec
        .updateTable('measurePeriods')
        .set({ scoresStamp: stamp })
        .where('id', '=', periodId)
        .execute();
    },

    /** Contributions summed per submission, main index and pillar, for a period or some of its submissions. */
    sums: (periodId: number, submissionIds: number[] | undefined, exec: Executor = db) =>
      arrayRows(
        sumsSql(dialect, submissionIds?.length ?? 0),
        [periodId, ...(submissionIds ?? [])],
        exec,
      ) as Promise<PartialSumsRow[]>,

    /** [submissionId, scoresRevision] of the period's submissions stamped after `revision`. */
    changedSince: (periodId: number, revision: number, exec: Executor = db) =>
      exec
        .selectFrom('measureSubmissions')
        .select(['id', 'scoresRevision'])
        .where('periodId', '=', periodId)
        .where('scoresRevision', '>', revision)
        .execute(),

    /** The period's framework stamp and revision as stored now. */
    state: (periodId: number, exec: Executor = db) =>
      exec
        .selectFrom('measurePeriods')
        .select(['scoresStamp', 'scoresRevision'])
        .where('id', '=', periodId)
        .executeTakeFirst(),

    /**
     * The approved units of a period with what the ranking shows of them, less those a manager excluded from the
     * ranking: one indexed query.
     */
    async rankingUnits(periodId: number, exec: Executor = db): Promise<RankingUnitRow[]> {
      const result = await sql<RankingUnitRow>`
        select s.id as "submissionId", s.unit_id as "unitId", u.code, u.name, u.type, u.kind, u.level
        from measure_submissions s join units u on u.id = s.unit_id
        where s.period_id = ${periodId} and s.status = 'approved'
          and not exists (select 1 from measure_period_units pu where pu.period_id = s.period_id
            and pu.unit_id = s.unit_id and pu.excluded_reason is not null)`.execute(exec.withoutPlugins());
      return result.rows;
    },
  };
}
export type ScoresRepository = ReturnType<typeof createScoresRepository>;
