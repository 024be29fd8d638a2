import { CompiledQuery, type Kysely, type Selectable, sql } from 'kysely';
import { isPostgres } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { MeasureSnapshotValuesTable } from '../../db/schema-measure-snapshots.js';
import type { Executor } from '../audit/audit.repository.js';

export type SnapshotValueRow = Selectable<MeasureSnapshotValuesTable>;
export type SnapshotValueInsert = Omit<SnapshotValueRow, 'snapshotId'>;

/** What publishing reads of an approved unit's value: the unit's entry, the appraisal and the self points. */
export type PublishValueRow = {
  unitId: number;
  componentCode: string;
  rawJson: string | null;
  isNa: number;
  selfPoints: number | null;
  appraisedRawJson: string | null;
  appraisedIsNa: number | null;
  appraisedPoints: number | null;
};

const COLUMNS = [
  'unit_id',
  'component_code',
  'raw_json',
  'self_raw_json',
  'self_points',
  'appraised_points',
  'is_na',
  'points',
] as const;
// 8 bound parameters a row (the snapshot id is an inlined integer): 3,000 rows = 24,000 parameters, under
// SQLite's 32,766 and PostgreSQL's 65,535. A period of 3,321 units × 47 components is ~52 statements.
const INSERT_CHUNK = 3000;

/**
 * One multi-row INSERT, compiled by hand: building a Kysely tree for ~150k rows costs more than the insert.
 * Column names are constants and the snapshot id an integer, so only values are bound.
 */
function insertStatement(postgres: boolean, snapshotId: number, rows: SnapshotValueInsert[]) {
  const params: unknown[] = [];
  const tuples = rows.map((r) => {
    params.push(
      r.unitId,
      r.componentCode,
      r.rawJson,
      r.selfRawJson,
      r.selfPoints,
      r.appraisedPoints,
      r.isNa,
      r.points,
    );
    const base = params.length - COLUMNS.length;
    const marks = COLUMNS.map((_, k) => (postgres ? `$${base + k + 1}` : '?'));
    return `(${Math.trunc(snapshotId)}, ${marks.join(', ')})`;
  });
  return CompiledQuery.raw(
    `insert into measure_snapshot_values (snapshot_id, ${COLUMNS.join(', ')}) values ${tuples.join(', ')}`,
    params,
  );
}

export function createSnapshotValuesRepository(db: Kysely<DB>) {
  return {
    /** Every value of a period's approved submissions, in one index range scan (raw SQL: ~150k rows). */
    async approvedValuesForPeriod(periodId: number, exec: Executor = db): Promise<PublishValueRow[]> {
      const result = await sql<PublishValueRow>`
        select s.unit_id as "unitId", v.component_code as "componentCode", v.raw_json as "rawJson",
               v.is_na as "isNa", v.self_points as "selfPoints", v.appraised_raw_json as "appraisedRawJson",
               v.appraised_is_na as "appraisedIsNa", v.appraised_points as "appraisedPoints"
        from measure_values v join measure_submissions s on s.id = v.submission_id
        where s.period_id = ${periodId} and s.status = 'approved'`.execute(exec.withoutPlugins());
      return result.rows;
    },

    async insertMany(snapshotId: number, rows: SnapshotValueInsert[], exec: Executor) {
      const postgres = isPostgres(exec);
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await exec.executeQuery(insertStatement(postgres, snapshotId, rows.slice(i, i + INSERT_CHUNK)));
      }
    },

    /** Whether the snapshot's component values were stored (snapshots published before this table: no). */
    async hasValues(snapshotId: number, exec: Executor = db): Promise<boolean> {
      const row = await exec
        .selectFrom('measureSnapshotValues')
        .select('unitId')
        .where('snapshotId', '=', snapshotId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async valuesOfSnapshot(snapshotId: number, exec: Executor = db): Promise<SnapshotValueRow[]> {
      const result = await sql<SnapshotValueRow>`
        select snapshot_id as "snapshotId", unit_id as "unitId", component_code as "componentCode",
               raw_json as "rawJson", self_raw_json as "selfRawJson", self_points as "selfPoints",
               appraised_points as "appraisedPoints", is_na as "isNa", points
        from measure_snapshot_values where snapshot_id = ${snapshotId}`.execute(exec.withoutPlugins());
      return result.rows;
    },

    valuesOfComponent: (snapshotId: number, code: string, exec: Executor = db): Promise<SnapshotValueRow[]> =>
      exec
        .selectFrom('measureSnapshotValues')
        .selectAll()
        .where('snapshotId', '=', snapshotId)
        .where('componentCode', '=', code)
        .execute(),
  };
}
export type SnapshotValuesRepository = ReturnType<typeof createSnapshotValuesRepository>;
