import { type Insertable, type Kysely, sql } from 'kysely';
import { nativeHandleOf } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { MeasureScoresTable } from '../../db/schema-measure.js';
import type { Executor } from '../audit/audit.repository.js';

export type ScoreInsert = Insertable<MeasureScoresTable>;

/** One approved unit of a period with its stored score (null columns when none is stored yet). */
export type LiveScoreRow = {
  submissionId: number;
  unitId: number;
  code: string;
  name: string;
  type: string;
  kind: string;
  level: number;
  frameworkId: number | null;
  frameworkStamp: string | null;
  points: number | null;
  applicableMax: number | null;
  value: number | null;
  bandCode: string | null;
  mainJson: string | null;
  pillarsJson: string | null;
};

/** A period's raw value row as an array: [submissionId, code, raw, isNa, appraisedRaw, appraisedIsNa, appraisedPoints]. */
export type RawValueTuple = [
  number,
  string,
  string | null,
  number,
  string | null,
  number | null,
  number | null,
];

const RAW_VALUES_SQL = `select v.submission_id, v.component_code, v.raw_json, v.is_na, v.appraised_raw_json,
  v.appraised_is_na, v.appraised_points
  from measure_values v join measure_submissions s on s.id = v.submission_id
  where s.period_id = `;
// 13 columns × 400 rows stays under SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_CHUNK = 400;

export function createScoresRepository(db: Kysely<DB>) {
  const native = nativeHandleOf(db);
  // Prepared on first use: the repository may be built before migrations have run.
  let sqliteRaw: { all(periodId: number): unknown[] } | undefined;
  const sqliteStatement = () => {
    if (!sqliteRaw && native && 'sqlite' in native)
      sqliteRaw = native.sqlite.prepare(`${RAW_VALUES_SQL}?`).raw(true);
    return sqliteRaw;
  };

  return {
    /**
     * Every value of a period in ONE query, as arrays (no per-row objects, no key rewriting): better-sqlite3's
     * `.raw()` statement, or pg's `rowMode: 'array'`. On SQLite the statement runs on the one connection, so
     * inside a transaction it sees that transaction's writes.
     */
    async rawValuesForPeriod(periodId: number, exec: Executor = db): Promise<RawValueTuple[]> {
      const statement = sqliteStatement();
      if (statement) return statement.all(periodId) as RawValueTuple[];
      if (native && 'pool' in native && exec === db) {
        const result = await native.pool.query({
          text: `${RAW_VALUES_SQL}$1`,
          values: [periodId],
          rowMode: 'array',
        });
        return result.rows as RawValueTuple[];
      }
      const result = await sql<Record<string, unknown>>`${sql.raw(RAW_VALUES_SQL)}${periodId}`.execute(
        exec.withoutPlugins(),
      );
      return result.rows.map((r) => Object.values(r) as RawValueTuple);
    },

    upsert: (row: ScoreInsert, exec: Executor = db) =>
      exec
        .insertInto('measureScores')
        .values(row)
        .onConflict((oc) =>
          oc.column('submissionId').doUpdateSet((eb) => ({
            frameworkId: eb.ref('excluded.frameworkId'),
            frameworkStamp: eb.ref('excluded.frameworkStamp'),
            points: eb.ref('excluded.points'),
            applicableMax: eb.ref('excluded.applicableMax'),
            value: eb.ref('excluded.value'),
            bandCode: eb.ref('excluded.bandCode'),
            mainJson: eb.ref('excluded.mainJson'),
            pillarsJson: eb.ref('excluded.pillarsJson'),
            scoredAt: eb.ref('excluded.scoredAt'),
          })),
        )
        .execute(),

    /** Replaces a period's stored scores, in batched statements. */
    async replaceForPeriod(periodId: number, rows: ScoreInsert[], exec: Executor) {
      await exec.deleteFrom('measureScores').where('periodId', '=', periodId).execute();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await exec
          .insertInto('measureScores')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .execute();
      }
    },

    /** The approved units of a period with their stored scores: one row per unit, one indexed query. */
    async liveRows(periodId: number, exec: Executor = db): Promise<LiveScoreRow[]> {
      const result = await sql<LiveScoreRow>`
        select s.id as "submissionId", s.unit_id as "unitId", u.code, u.name, u.type, u.kind, u.level,
               sc.framework_id as "frameworkId", sc.framework_stamp as "frameworkStamp", sc.points,
               sc.applicable_max as "applicableMax", sc.value, sc.band_code as "bandCode",
               sc.main_json as "mainJson", sc.pillars_json as "pillarsJson"
        from measure_submissions s
        join units u on u.id = s.unit_id
        left join measure_scores sc on sc.submission_id = s.id
        where s.period_id = ${periodId} and s.status = 'approved'`.execute(exec.withoutPlugins());
      return result.rows;
    },
  };
}
export type ScoresRepository = ReturnType<typeof createScoresRepository>;
