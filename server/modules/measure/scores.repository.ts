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

/**
 * One submission's effective values as the database assembled them: [submissionId, valuesJson, overridesJson],
 * the JSON objects keyed by component code (null when empty).
 */
export type RawValueTuple = [number, string | null, string | null];

// Appraised values where given, else the unit's own (as effectiveValuesOf); N/A is {"notApplicable":true}.
// The database concatenates each submission's values into one JSON object, so the app receives one string per
// unit instead of one row object per value (~156k for a period of 3,321 communes).
const EFFECTIVE = `case when v.appraised_is_na = 1 then '{"notApplicable":true}'
  when v.appraised_raw_json is not null then v.appraised_raw_json
  when v.is_na = 1 then '{"notApplicable":true}' else v.raw_json end`;
const rawValuesSql = (dialect: 'sqlite' | 'postgres') => {
  const quote = dialect === 'sqlite' ? 'json_quote(v.component_code)' : 'to_json(v.component_code)::text';
  const agg = (expr: string) =>
    dialect === 'sqlite' ? `group_concat(${expr}, ',')` : `string_agg(${expr}, ',')`;
  const points = dialect === 'sqlite' ? 'v.appraised_points' : 'v.appraised_points::text';
  return `select v.submission_id as sid, '{' || ${agg(`${quote} || ':' || (${EFFECTIVE})`)} || '}' as vals,
    '{' || ${agg(`${quote} || ':' || ${points}`)} || '}' as ovs
    from measure_values v join measure_submissions s on s.id = v.submission_id
    where s.period_id = ${dialect === 'sqlite' ? '?' : '$1'}
    group by v.submission_id`;
};
// 13 columns × 400 rows stays under SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_CHUNK = 400;

export function createScoresRepository(db: Kysely<DB>) {
  const native = nativeHandleOf(db);
  // Prepared on first use: the repository may be built before migrations have run.
  let sqliteRaw: { all(periodId: number): unknown[] } | undefined;
  const sqliteStatement = () => {
    if (!sqliteRaw && native && 'sqlite' in native)
      sqliteRaw = native.sqlite.prepare(rawValuesSql('sqlite')).raw(true);
    return sqliteRaw;
  };

  return {
    /**
     * Every submission's values of a period in ONE query, as arrays (no per-row objects, no key rewriting): better-sqlite3's
     * `.raw()` statement, or pg's `rowMode: 'array'`. On SQLite the statement runs on the one connection, so
     * inside a transaction it sees that transaction's writes.
     */
    async rawValuesForPeriod(periodId: number, exec: Executor = db): Promise<RawValueTuple[]> {
      const statement = sqliteStatement();
      if (statement) return statement.all(periodId) as RawValueTuple[];
      if (native && 'pool' in native && exec === db) {
        const result = await native.pool.query({
          text: rawValuesSql('postgres'),
          values: [periodId],
          rowMode: 'array',
        });
        return result.rows as RawValueTuple[];
      }
      // Inside a PostgreSQL transaction: the same query on the transaction's connection.
      const text = rawValuesSql('postgres').replace('$1', String(Math.trunc(periodId)));
      const result = await sql<Record<string, unknown>>`${sql.raw(text)}`.execute(exec.withoutPlugins());
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
