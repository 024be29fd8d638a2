import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type {
  MeasureEvidenceTable,
  MeasureSubmissionsTable,
  MeasureValueHistoryTable,
  MeasureValuesTable,
} from '../../../db/schema-measure.js';
import { chunk } from '../../../lib/chunk.js';

export type SubmissionRow = Selectable<MeasureSubmissionsTable>;
export type ValueRow = Selectable<MeasureValuesTable>;
export type ValueUpsert = Insertable<MeasureValuesTable>;
/** What scoring reads from a value row. */
export type ScoringValueRow = Pick<
  ValueRow,
  'componentCode' | 'rawJson' | 'isNa' | 'appraisedRawJson' | 'appraisedIsNa' | 'appraisedPoints'
>;
export type PeriodValueRow = ScoringValueRow & { submissionId: number; unitId: number };
export type EvidenceRow = Selectable<MeasureEvidenceTable> & {
  fileName: string | null;
  filePublicId: string | null;
};

// Value rows carry eight columns: fewer rows per statement keep the parameters well under both limits.
const VALUE_ROWS = 200;

export function createSubmissionsRepository(db: Kysely<DB>) {
  return {
    find: (periodId: number, unitId: number, exec: Executor = db): Promise<SubmissionRow | undefined> =>
      exec
        .selectFrom('measureSubmissions')
        .selectAll()
        .where('periodId', '=', periodId)
        .where('unitId', '=', unitId)
        .executeTakeFirst(),
    /** The unit of a submission (the audit log's unit filter). */
    unitOf: async (id: number, exec: Executor = db): Promise<number | null> =>
      (await exec.selectFrom('measureSubmissions').select('unitId').where('id', '=', id).executeTakeFirst())
        ?.unitId ?? null,
    listForPeriod: (periodId: number, exec: Executor = db): Promise<SubmissionRow[]> =>
      exec.selectFrom('measureSubmissions').selectAll().where('periodId', '=', periodId).execute(),
    insert: (row: Insertable<MeasureSubmissionsTable>, exec: Executor = db): Promise<SubmissionRow> =>
      exec.insertInto('measureSubmissions').values(row).returningAll().executeTakeFirstOrThrow(),
    update: (id: number, patch: Partial<Omit<SubmissionRow, 'id'>>, exec: Executor = db) =>
      exec.updateTable('measureSubmissions').set(patch).where('id', '=', id).execute(),

    values: (submissionId: number, exec: Executor = db): Promise<ValueRow[]> =>
      exec.selectFrom('measureValues').selectAll().where('submissionId', '=', submissionId).execute(),
    /**
     * The scoring columns of every value of a period, in one index range scan. Raw SQL with camelCase aliases
     * on a plugin-free executor: a period holds ~150k values and per-row key rewriting would dominate.
     */
    async valuesForPeriod(periodId: number, exec: Executor = db): Promise<PeriodValueRow[]> {
      const result = await sql<PeriodValueRow>`
        select v.submission_id as "submissionId", v.component_code as "componentCode", v.raw_json as "rawJson",
               v.is_na as "isNa", v.appraised_raw_json as "appraisedRawJson", v.appraised_is_na as "appraisedIsNa",
               v.appraised_points as "appraisedPoints", s.unit_id as "unitId"
        from measure_values v join measure_submissions s on s.id = v.submission_id
        where s.period_id = ${periodId}`.execute(exec.withoutPlugins());
      return result.rows;
    },
    valuesOfComponent: (periodId: number, code: string, exec: Executor = db) =>
      exec
        .selectFrom('measureValues as v')
        .innerJoin('measureSubmissions as s', 's.id', 'v.submissionId')
        .selectAll('v')
        .select(['s.unitId'])
        .where('s.periodId', '=', periodId)
        .where('v.componentCode', '=', code)
        .execute(),
    async upsertValues(rows: ValueUpsert[], exec: Executor = db) {
      for (const part of chunk(rows, VALUE_ROWS)) {
        await exec
          .insertInto('measureValues')
          .values(part)
          .onConflict((oc) =>
            oc.columns(['submissionId', 'componentCode']).doUpdateSet((eb) => ({
              rawJson: eb.ref('excluded.rawJson'),
              isNa: eb.ref('excluded.isNa'),
              selfPoints: eb.ref('excluded.selfPoints'),
              needsFix: eb.ref('excluded.needsFix'),
              updatedBy: eb.ref('excluded.updatedBy'),
              updatedAt: eb.ref('excluded.updatedAt'),
            })),
          )
          .execute();
      }
    },
    updateValue: (
      submissionId: number,
      code: string,
      patch: Partial<Omit<ValueRow, 'id' | 'submissionId' | 'componentCode'>>,
      exec: Executor = db,
    ) =>
      exec
        .updateTable('measureValues')
        .set(patch)
        .where('submissionId', '=', submissionId)
        .where('componentCode', '=', code)
        .execute(),

    async insertHistory(rows: Insertable<MeasureValueHistoryTable>[], exec: Executor = db) {
      for (const part of chunk(rows, VALUE_ROWS)) {
        await exec.insertInto('measureValueHistory').values(part).execute();
      }
    },
    history: (submissionId: number, exec: Executor = db) =>
      exec
        .selectFrom('measureValueHistory as h')
        .leftJoin('users as u', 'u.id', 'h.changedBy')
        .selectAll('h')
        .select('u.fullName as changedByName')
        .where('h.submissionId', '=', submissionId)
        .orderBy('h.id')
        .execute(),

    evidence: (submissionId: number, exec: Executor = db): Promise<EvidenceRow[]> =>
      exec
        .selectFrom('measureEvidence as e')
        .leftJoin('files as f', 'f.id', 'e.fileId')
        .selectAll('e')
        .select(['f.originalName as fileName', 'f.publicId as filePublicId'])
        .where('e.submissionId', '=', submissionId)
        .orderBy('e.id')
        .execute(),
    insertEvidence: (row: Insertable<MeasureEvidenceTable>, exec: Executor = db) =>
      exec.insertInto('measureEvidence').values(row).returningAll().executeTakeFirstOrThrow(),
    findEvidence: (id: number, exec: Executor = db) =>
      exec.selectFrom('measureEvidence').selectAll().where('id', '=', id).executeTakeFirst(),
    deleteEvidence: (id: number, exec: Executor = db) =>
      exec.deleteFrom('measureEvidence').where('id', '=', id).execute(),
    /** A file by the public id the API shows (numeric ids stay internal). */
    findFile: (publicId: string, exec: Executor = db) =>
      exec
        .selectFrom('files')
        .select(['id', 'uploadedBy', 'unitId'])
        .where('publicId', '=', publicId)
        .executeTakeFirst(),
    assignFileUnit: (fileId: number, unitId: number, exec: Executor = db) =>
      exec
        .updateTable('files')
        .set({ unitId })
        .where('id', '=', fileId)
        .where('unitId', 'is', null)
        .execute(),
  };
}
export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>;
