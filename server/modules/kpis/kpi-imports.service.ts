import type { KpiImportView, RowError } from '../../../core/contracts/kpis.js';
import { fieldMessage } from '../../../core/i18n/errors.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { AuditContext } from '../audit/audit.service.js';
import { type IngestDeps, type KpiIngestService, requireWriter } from './kpi-ingest.service.js';
import type { IncomingRow, RowIssue } from './kpi-rows.js';
import { withWriteRetry } from './kpi-writer.js';
import { type FileIssue, readKpiWorkbook } from './kpi-xlsx.js';
import type { KpiImportRow } from './kpis.repository.js';

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
// Files up to this size are read before the upload is answered; larger ones in the background.
const INLINE_BYTES = 256 * 1024;
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
  const { repo, db, clock, ingest, jobs } = deps;

  async function parse(id: number, actor: Actor, buffer: Buffer) {
    const sheet = await readKpiWorkbook(buffer).catch(
      () =>
        ({ fileIssues: [{ code: 'kpi_xlsx_unreadable' }], rows: [], issues: [] }) as Awaited<
          ReturnType<typeof readKpiWorkbook>
        >,
    );
    if (sheet.fileIssues.length) {
      await repo.updateImport(db, id, {
        status: 'invalid',
        fileErrorsJson: JSON.stringify(sheet.fileIssues),
      });
      return;
    }
    const issues: RowIssue[] = [...sheet.issues];
    const totalRows = sheet.rows.length + new Set(sheet.issues.map((i) => i.ref)).size;
    await repo.updateImport(db, id, { totalRows, processedRows: totalRows - sheet.rows.length });
    const stored: StoredRow[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < sheet.rows.length; i += CHUNK_ROWS) {
      const chunk = sheet.rows.slice(i, i + CHUNK_ROWS);
      const { resolved, issues: found } = await ingest.resolve(chunk, 'canonical', seen);
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
      await repo.updateImport(db, id, { processedRows: totalRows - sheet.rows.length + i + chunk.length });
      // Let other requests (the progress polls among them) run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    issues.sort((a, b) => a.ref - b.ref);
    const refsInError = new Set(issues.map((i) => i.ref));
    await repo.updateImport(db, id, {
      status: issues.length ? 'invalid' : 'ready',
      errorCount: issues.length,
      errorsJson: JSON.stringify(issues),
      rowsJson: JSON.stringify(stored.filter((r) => !refsInError.has(r.row))),
    });
  }

  /** Reads the workbook; a failure marks the import failed rather than leaving it 'parsing' forever. */
  async function parseOrFail(id: number, actor: Actor, buffer: Buffer) {
    try {
      await parse(id, actor, buffer);
    } catch (error) {
      console.error('[kpis] reading import', id, 'failed:', error);
      await repo.updateImport(db, id, {
        status: 'failed',
        fileErrorsJson: JSON.stringify([{ code: 'kpi_xlsx_unreadable' }]),
      });
    }
  }

  /** The job handler; idempotent, since a queue may run a job twice. */
  async function handleParseJob(payload: ParseImportPayload) {
    const row = await repo.importById(payload.importId);
    if (row?.status !== 'parsing') return;
    const file = await repo.importFile(payload.importId);
    if (file) await parseOrFail(payload.importId, payload.actor, Buffer.from(file.contentBase64, 'base64'));
    else
      await repo.updateImport(db, payload.importId, {
        status: 'failed',
        fileErrorsJson: JSON.stringify([{ code: 'kpi_xlsx_unreadable' }]),
      });
    await repo.deleteImportFile(db, payload.importId);
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
    async start(ctx: AuditContext, file: { fileName: string; buffer: Buffer }, locale: Locale) {
      const actor = requireWriter(ctx.actor);
      const created = await repo.insertImport(db, {
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
      });
      if (file.buffer.length <= INLINE_BYTES) await parseOrFail(created.id, actor, file.buffer);
      else {
        await repo.insertImportFile(db, created.id, file.buffer.toString('base64'));
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
        await repo.updateImport(db, id, {
          status: 'invalid',
          errorCount: refused.length,
          errorsJson: JSON.stringify(refused),
        });
        throw new AppError('INVALID_STATE', { detailKey: 'kpi_import_has_errors' });
      }
      await withWriteRetry(() =>
        db.transaction().execute(async (trx) => {
          // A second commit racing this one finds the row no longer 'ready' and writes nothing.
          if (!(await repo.claimImport(trx, id, clock.now().toISOString())))
            throw new AppError('INVALID_STATE', { detailKey: 'kpi_import_not_ready' });
          const out = await ingest.writeValues(trx, ctx, resolved, { source: 'xlsx' });
          const result = {
            batchId: out.batchId,
            imported: out.imported,
            updated: out.updated,
            unchanged: out.unchanged,
          };
          await repo.updateImport(trx, id, { resultJson: JSON.stringify(result) });
        }),
      );
      return toImportView((await repo.importById(id))!, locale);
    },
  };
}
