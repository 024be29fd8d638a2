import { CompiledQuery, type Kysely, type Selectable, sql } from 'kysely';
import { nativeHandleOf } from '../../db/database.js';
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
const tupleOf = (r: SnapshotValueInsert) => [
  r.unitId,
  r.componentCode,
  r.rawJson,
  r.selfRawJson,
  r.selfPoints,
  r.appraisedPoints,
  r.isNa,
  r.points,
];
// PostgreSQL: one array parameter per column, so a chunk is one statement with 8 parameters whatever its
// size; chunks only bound the size of one message.
const UNNEST_CHUNK = 40_000;
const PG_TYPES = ['int4', 'text', 'text', 'text', 'float8', 'float8', 'int4', 'float8'];
// Other drivers: multi-row VALUES with 8 bound parameters a row (the snapshot id is an inlined integer):
// 3,000 rows = 24,000 parameters, under SQLite's 32,766 and PostgreSQL's 65,535.
const INSERT_CHUNK = 3000;

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

const insertInto = `insert into measure_snapshot_values (snapshot_id, ${COLUMNS.join(', ')})`;

function unnestStatement(snapshotId: number, rows: SnapshotValueInsert[]) {
  const columns = COLUMNS.map(() => [] as unknown[]);
  for (const r of rows) {
    const tuple = tupleOf(r);
    for (let k = 0; k < tuple.length; k++) columns[k].push(tuple[k]);
  }
  const arrays = PG_TYPES.map((t, k) => `$${k + 1}::${t}[]`).join(', ');
  return CompiledQuery.raw(
    `${insertInto} select ${Math.trunc(snapshotId)}, * from unnest(${arrays})`,
    columns,
  );
}

/** Multi-row VALUES compiled by hand: building a Kysely tree for ~150k rows costs more than the insert. */
function valuesStatement(snapshotId: number, rows: SnapshotValueInsert[]) {
  const params: unknown[] = [];
  const marks = `(${Math.trunc(snapshotId)}, ${COLUMNS.map(() => '?').join(', ')})`;
  for (const r of rows) params.push(...tupleOf(r));
  return CompiledQuery.raw(`${insertInto} values ${rows.map(() => marks).join(', ')}`, params);
}

export function createSnapshotValuesRepository(db: Kysely<DB>) {
  const native = nativeHandleOf(db);
  // Prepared on first use: the repository may be built before migrations have run.
  let sqliteStatement: { run(...values: unknown[]): unknown } | undefined;
  let sqliteReader: { all(periodId: number): unknown[] } | undefined;
  const sqliteRead = () => {
    if (!sqliteReader && native && 'sqlite' in native)
      sqliteReader = native.sqlite.prepare(`${APPROVED_VALUES} ? ${APPROVED_ONLY}`).raw(true);
    return sqliteReader;
  };
  const sqliteInsert = () => {
    if (!sqliteStatement && native && 'sqlite' in native)
      sqliteStatement = native.sqlite.prepare(
        `${insertInto} values (?, ${COLUMNS.map(() => '?').join(', ')})`,
      );
    return sqliteStatement;
  };
  return {
    /**
     * Every value of a period's approved submissions, in one index range scan. SQLite: a `.raw()` statement
     * (arrays, no per-row objects); otherwise raw SQL without the camelCase plugin (~150k rows).
     */
    async approvedValuesForPeriod(periodId: number, exec: Executor = db): Promise<PublishValueRow[]> {
      const statement = sqliteRead();
      if (statement) {
        return (statement.all(periodId) as PublishValueTuple[]).map((t) => ({
          unitId: t[0],
          componentCode: t[1],
          rawJson: t[2],
          isNa: t[3],
          selfPoints: t[4],
          appraisedRawJson: t[5],
          appraisedIsNa: t[6],
          appraisedPoints: t[7],
        }));
      }
      const result =
        await sql<PublishValueRow>`${sql.raw(APPROVED_VALUES)} ${periodId} ${sql.raw(APPROVED_ONLY)}`.execute(
          exec.withoutPlugins(),
        );
      return result.rows;
    },

    /**
     * Appends a snapshot's rows; pass them in key order (component code, unit id) so the index grows at its
     * end. SQLite: one prepared statement on the app's single connection, which is inside the caller's
     * transaction (as the scores repository's reads are). PostgreSQL: unnest over column arrays.
     */
    async insertMany(snapshotId: number, rows: SnapshotValueInsert[], exec: Executor) {
      const statement = sqliteInsert();
      if (statement) {
        for (const r of rows) statement.run(snapshotId, ...tupleOf(r));
        return;
      }
      const postgres = isPostgres(exec);
      const chunk = postgres ? UNNEST_CHUNK : INSERT_CHUNK;
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        await exec.executeQuery(
          postgres ? unnestStatement(snapshotId, part) : valuesStatement(snapshotId, part),
        );
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
