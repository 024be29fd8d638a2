import { type Kysely, type Selectable, sql } from 'kysely';
import { type BulkColumn, bulkInsert } from '../../../db/bulk-insert.js';
import type { Executor } from '../../../db/executor.js';
import { arrayRows, nativeDialectOf, placeholder } from '../../../db/native-rows.js';
import type { DB } from '../../../db/schema.js';
import type { MeasureValuesTable } from '../../../db/schema-measure.js';
import type { MeasureSnapshotValuesTable } from '../../../db/schema-measure-snapshots.js';

export type SnapshotValueRow = Selectable<MeasureSnapshotValuesTable>;
export type SnapshotValueInsert = Omit<SnapshotValueRow, 'snapshotId'>;

/** What publishing reads of an approved unit's value: the unit's entry, the appraisal and the self points. */
export type PublishValueRow = Pick<
  Selectable<MeasureValuesTable>,
  | 'componentCode'
  | 'rawJson'
  | 'isNa'
  | 'selfPoints'
  | 'appraisedRawJson'
  | 'appraisedIsNa'
  | 'appraisedPoints'
> & { unitId: number };

const COLUMNS: BulkColumn[] = [
  { name: 'snapshot_id', pgType: 'int4' },
  { name: 'unit_id', pgType: 'int4' },
  { name: 'component_code', pgType: 'text' },
  { name: 'raw_json', pgType: 'text' },
  { name: 'self_raw_json', pgType: 'text' },
  { name: 'self_points', pgType: 'float8' },
  { name: 'appraised_points', pgType: 'float8' },
  { name: 'is_na', pgType: 'int4' },
  { name: 'points', pgType: 'float8' },
];

type PublishValueTuple = [
  number,
  string,
  string | null,
  number,
  number | null,
  string | null,
  number | null,
  number | null,
];
const APPROVED_VALUES = `select s.unit_id as "unitId", v.component_code as "componentCode", v.raw_json as "rawJson",
    v.is_na as "isNa", v.self_points as "selfPoints", v.appraised_raw_json as "appraisedRawJson",
    v.appraised_is_na as "appraisedIsNa", v.appraised_points as "appraisedPoints"
  from measure_values v join measure_submissions s on s.id = v.submission_id
  where s.period_id =`;
const APPROVED_ONLY = `and s.status = 'approved'`;

export function createSnapshotValuesRepository(db: Kysely<DB>) {
  const approvedValuesSql = `${APPROVED_VALUES} ${placeholder(nativeDialectOf(db), 1)} ${APPROVED_ONLY}`;
  return {
    /** Every value of a period's approved submissions, in one index range scan, read as arrays (~150k rows). */
    async approvedValuesForPeriod(periodId: number, exec: Executor = db): Promise<PublishValueRow[]> {
      const tuples = (await arrayRows(db, approvedValuesSql, [periodId], exec)) as PublishValueTuple[];
      return tuples.map((t) => ({
        unitId: t[0],
        componentCode: t[1],
        rawJson: t[2],
        isNa: t[3],
        selfPoints: t[4],
        appraisedRawJson: t[5],
        appraisedIsNa: t[6],
        appraisedPoints: t[7],
      }));
    },

    /** Appends a snapshot's rows; pass them in key order (component code, unit id) so the index grows at its end. */
    insertMany: (snapshotId: number, rows: SnapshotValueInsert[], exec: Executor) =>
      bulkInsert(db, exec, 'measure_snapshot_values', COLUMNS, [
        rows.map(() => snapshotId),
        rows.map((r) => r.unitId),
        rows.map((r) => r.componentCode),
        rows.map((r) => r.rawJson),
        rows.map((r) => r.selfRawJson),
        rows.map((r) => r.selfPoints),
        rows.map((r) => r.appraisedPoints),
        rows.map((r) => r.isNa),
        rows.map((r) => r.points),
      ]),

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
