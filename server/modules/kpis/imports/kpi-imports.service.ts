import type { KpiImportView, RowError } from '../../../../core/contracts/kpis.js';
import { fieldMessage } from '../../../../core/i18n/errors.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import type { JobQueue } from '../../../jobs/queue.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { chunk } from '../../../lib/chunk.js';
import { AppError, notFound } from '../../../lib/errors.js';
import type { KpiImportRow } from '../kpis.repository.js';
import { type IngestDeps, type KpiIngestService, requireWriter } from '../values/kpi-ingest.service.js';
import type { IncomingRow, RowIssue } from '../values/kpi-rows.js';
import { withWriteRetry } from '../values/kpi-writer.js';
import { type FileIssue, readKpiWorkbook } from './kpi-xlsx.js';

// xlsx imports: upload → a preview stored server-side with every row-level error → commit, all or
// nothing. Large files are read by a background job (deps.jobs) that reports progress in the import
// row, so any process can answer the polling client.

/** Job that reads a large workbook; any process may run it (the file is in kpi_import_files). */
export const PARSE_IMPORT_JOB = 'kpis.parse-import';
export type ParseImportPayload = { importId: number; actor: Actor };

type StoredRow = {
  row: number;
  kpiCode: string;
  unitCode: string;
  unitId: number;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
};

const CHUNK_ROWS = 2_000;
// Files up to these sizes (compressed, and uncompressed as the zip declares and assertSafeXlsx has
// verified) are read before the upload is answered; larger ones in the background job.
const INLINE_BYTES = 256 * 1024;
const INLINE_EXPANDED_BYTES = 4 * 1024 * 1024;
const PREVIEW_ROWS = 200;
const ERRORS_SHOWN = 1_000;

const COLUMN_OF: Record<string, string> = {
  kpiCode: 'kpi_code',
  unitCode: 'unit_code',
  unitId: 'unit_code',
  unit: 'unit_code',
};

function isOwner(actor: Actor, row: KpiImportRow): boolean {
  return actor.kind === 'token'
    ? row.createdByTokenId === actor.tokenId
    : row.createdByTokenId === null && row.createdByUserId === actor.userId;
}

export function toImportView(row: KpiImportRow, locale: Locale): KpiImportView {
  const errors = (JSON.parse(row.errorsJson) as RowIssue[]).slice(0, ERRORS_SHOWN);
  const fileErrors = JSON.parse(row.fileErrorsJson) as FileIssue[];
  return {
    id: row.id,
    status: row.status as KpiImportView['status'],
    fileName: row.fileName,
    progress: { processedRows: row.processedRows, totalRows: row.totalRows },
    fileErrors: fileErrors.map((f) => ({ code: f.code, message: fieldMessage(f.code, locale, f.params) })),
    errors: errors.map(
      (e): RowError => ({
        row: e.ref,
        field: COLUMN_OF[e.field] ?? e.field,
        code: e.code,
        message: fieldMessage(e.code, locale, e.params),
      }),
    ),
    errorCount: row.errorCount,
    preview: (JSON.parse(row.rowsJson) as StoredRow[]).slice(0, PREVIEW_ROWS),
    result: row.resultJson ? JSON.parse(row.resultJson) : null,
    createdAt: row.createdAt,
  };
}

export function createKpiImportsService(deps: IngestDeps & { ingest: KpiIngestService; jobs: JobQueue }) {
  const { repo, db, clock, ingest, jobs, audit } = deps;

  async function parse(id: number, actor: Actor, buffer: Buffer) {
    const sheet = await readKpiWorkbook(buffer).catch(
      () =>
        ({ fileIssues: [{ code: 'kpi_xlsx_unreadable' }], rows: [], issues: [] }) as Awaited<
          ReturnType<typeof readKpiWorkbook>
        >,
    );
    if (sheet.fileIssues.length) {
      await repo.updateImport(
        id,
        {
          status: 'invalid',
          fileErrorsJson: JSON.stringify(sheet.fileIssues),
        },
        db,
      );
      return;
    }
    const issues: RowIssue[] = [...sheet.issues];
    const totalRows = sheet.rows.length + new Set(sheet.issues.map((i) => i.ref)).size;
    await repo.updateImport(id, { totalRows, processedRows: totalRows - sheet.rows.length }, db);
    const stored: StoredRow[] = [];
    const seen = new Map<string, number>();
    let done = 0;
    for (const part of chunk(sheet.rows, CHUNK_ROWS)) {
      done += part.length;
      const { resolved, issues: found } = await ingest.resolve(part, 'canonical', seen);
      issues.push(...found, ...(await ingest.outOfScope(actor, resolved)));
      for (const r of resolved)
        stored.push({
          row: r.ref,
          kpiCode: r.kpi.code,
          unitCode: r.unit.code,
          unitId: r.unit.id,
          period: r.period.code,
          ...r.raw,
          note: r.note,
        });
      await repo.updateImport(id, { processedRows: totalRows - sheet.rows.length + done }, db);
      // Let other requests (the progress polls among them) run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    issues.sort((a, b) => a.ref - b.ref);
    const refsInError = new Set(issues.map((i) => i.ref));
    await repo.updateImport(
      id,
      {
        status: issues.length ? 'invalid' : 'ready',
        errorCount: issues.length,
        errorsJson: JSON.stringify(issues),
        rowsJson: JSON.stringify(stored.filter((r) => !refsInError.has(r.row))),
      },
      db,
    );
  }

  /** Reads the workbook; a failure marks the import failed rather than leaving it 'parsing' forever. */
  async function parseOrFail(id: number, actor: Actor, buffer: Buffer) {
    try {
      await parse(id, actor, buffer);
    } catch (error) {
      console.error('[kpis] reading import', id, 'failed:', error);
      await repo.updateImport(
        id,
        {
          status: 'failed',
          fileErrorsJson: JSON.stringify([{ code: 'kpi_xlsx_unreadable' }]),
        },
        db,
      );
    }
  }

  /** The job handler; idempotent, since a queue may run a job twice. */
  async function handleParseJob(payload: ParseImportPayload) {
    const row = await repo.importById(payload.importId);
    if (row?.status !== 'parsing') return;
    const file = await repo.importFile(payload.importId);
    if (file) await parseOrFail(payload.importId, payload.actor, Buffer.from(file.contentBase64, 'base64'));
    else
      await repo.updateImport(
        payload.importId,
        {
          status: 'failed',
          fileErrorsJson: JSON.stringify([{ code: 'kpi_xlsx_unreadable' }]),
        },
        db,
      );
    await repo.deleteImportFile(payload.importId, db);
  }

  async function ownImport(actor: Actor | null, id: number) {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const row = await repo.importById(id);
    // Someone else's import answers like a missing one.
    if (!row || !isOwner(actor, row)) throw notFound();
    return { actor, row };
  }

  return {
    handleParseJob,
    async start(
      ctx: AuditContext,
      file: { fileName: string; buffer: Buffer; expandedBytes: number },
      locale: Locale,
    ) {
      const actor = requireWriter(ctx.actor);
      const inline = file.buffer.length <= INLINE_BYTES && file.expandedBytes <= INLINE_EXPANDED_BYTES;
      const created = await db.transaction().execute(async (trx) => {
        const row = await repo.insertImport(
          {
            status: 'parsing',
            fileName: file.fileName.slice(0, 200),
            createdByUserId: actor.userId,
            createdByTokenId: actor.kind === 'token' ? actor.tokenId : null,
            createdAt: clock.now().toISOString(),
            processedRows: 0,
            totalRows: 0,
            errorCount: 0,
            fileErrorsJson: '[]',
            errorsJson: '[]',
            rowsJson: '[]',
          },
          trx,
        );
        if (!inline) await repo.insertImportFile(row.id, file.buffer.toString('base64'), trx);
        // The upload stores a row and (for large files) the workbook: a write, so it is audited.
        await audit.record(trx, ctx, {
          action: 'kpi.import_uploaded',
          entity: 'kpi_import',
          entityId: row.id,
          after: { fileName: file.fileName.slice(0, 200), bytes: file.buffer.length, background: !inline },
        });
        return row;
      });
      if (inline) await parseOrFail(created.id, actor, file.buffer);
      else {
        const payload: ParseImportPayload = { importId: created.id, actor };
        await jobs.enqueue(PARSE_IMPORT_JOB, payload, { jobId: `kpi-import-${created.id}` });
      }
      const row = await repo.importById(created.id);
      return toImportView(row!, locale);
    },
    async get(actor: Actor | null, id: number, locale: Locale) {
      return toImportView((await ownImport(actor, id)).row, locale);
    },
    async commit(ctx: AuditContext, id: number, locale: Locale) {
      const { actor, row } = await ownImport(ctx.actor, id);
      if (row.status === 'invalid')
        throw new AppError('INVALID_STATE', { detailKey: 'kpi_import_has_errors' });
      if (row.status !== 'ready') throw new AppError('INVALID_STATE', { detailKey: 'kpi_import_not_ready' });
      const stored = JSON.parse(row.rowsJson) as StoredRow[];
      const incoming: IncomingRow[] = stored.map((r) => ({
        ref: r.row,
        kpiCode: r.kpiCode,
        unitId: r.unitId,
        period: r.period,
        raw: { value: r.value, numerator: r.numerator, denominator: r.denominator },
        note: r.note,
      }));
      // Definitions, units and grants may have changed since the preview: check again before writing.
      const { resolved, issues } = await ingest.resolve(incoming, 'canonical');
      const refused = [...issues, ...(await ingest.outOfScope(actor, resolved))];
      if (refused.length) {
        await repo.updateImport(
          id,
          {
            status: 'invalid',
            errorCount: refused.length,
            errorsJson: JSON.stringify(refused),
          },
          db,
        );
        throw new AppError('INVALID_STATE', { detailKey: 'kpi_import_has_errors' });
      }
      await withWriteRetry(() =>
        db.transaction().execute(async (trx) => {
          // A second commit racing this one finds the row no longer 'ready' and writes nothing.
          if (!(await repo.claimImport(id, clock.now().toISOString(), trx)))
            throw new AppError('INVALID_STATE', { detailKey: 'kpi_import_not_ready' });
          const out = await ingest.writeValues(trx, ctx, resolved, { source: 'xlsx' });
          const result = {
            batchId: out.batchId,
            imported: out.imported,
            updated: out.updated,
            unchanged: out.unchanged,
          };
          await repo.updateImport(id, { resultJson: JSON.stringify(result) }, trx);
        }),
      );
      return toImportView((await repo.importById(id))!, locale);
    },
  };
}
