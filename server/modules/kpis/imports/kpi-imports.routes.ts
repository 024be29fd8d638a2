import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { KpiImportIdParamsSchema, KpiImportViewSchema } from '../../../../core/contracts/kpis.js';
import { sendDownload } from '../../../lib/download.js';
import { AppError } from '../../../lib/errors.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf, localeOf } from '../../../lib/request-context.js';
import { assertSafeXlsx } from '../../../lib/xlsx-guard.js';
import type { KpisRepository } from '../kpis.repository.js';
import type { KpiReadsService } from '../kpis.types.js';
import type { createKpiImportsService } from './kpi-imports.service.js';
import { buildKpiTemplate, looksLikeXlsx } from './kpi-xlsx.js';

// xlsx import routes: upload (multipart) → preview with row errors and progress → commit; and the template.
// Registered inside the module's own plugin scope, so the multipart parser is ours alone.

type Services = {
  imports: ReturnType<typeof createKpiImportsService>;
  reads: KpiReadsService;
  repo: KpisRepository;
};

const tags = ['kpis'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function receiveUpload(request: FastifyRequest): Promise<{ fileName: string; buffer: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  try {
    const part = await request.file();
    if (!part)
      throw new AppError('VALIDATION', { fieldErrors: [{ field: 'file', code: 'kpi_file_required' }] });
    return { fileName: part.filename || 'upload.xlsx', buffer: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) throw new AppError('PAYLOAD_TOO_LARGE');
    // A cut or malformed multipart body is the client's fault, never a 500.
    throw new AppError('BAD_REQUEST');
  }
}

export async function registerKpiImportRoutes(app: FastifyInstance, s: Services, maxBytes: number) {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/kpis/imports',
    {
      // 401 before the body is read: anonymous callers learn nothing about the route's input.
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Upload an .xlsx of KPI values for preview (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 201: KpiImportViewSchema, 202: KpiImportViewSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveUpload(request);
      const { buffer } = file;
      if (!looksLikeXlsx(buffer)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          fieldErrors: [{ field: 'file', code: 'kpi_not_xlsx' }],
        });
      }
      // Before anything parses it: refuses a decompression bomb with a 4xx in milliseconds.
      const expandedBytes = await assertSafeXlsx(buffer);
      const view = await s.imports.start(
        auditContextOf(request),
        { fileName: file.fileName, buffer, expandedBytes },
        localeOf(request),
      );
      return reply.code(view.status === 'parsing' ? 202 : 201).send(view);
    },
  );
  r.get(
    '/api/kpis/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import: status, progress, preview and row errors',
        params: KpiImportIdParamsSchema,
        response: { 200: KpiImportViewSchema },
      },
    },
    async (request) => s.imports.get(request.actor, request.params.id, localeOf(request)),
  );
  r.post(
    '/api/kpis/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Write every row of an error-free import, all or nothing',
        params: KpiImportIdParamsSchema,
        response: { 200: KpiImportViewSchema },
      },
    },
    async (request) => s.imports.commit(auditContextOf(request), request.params.id, localeOf(request)),
  );
  r.get(
    '/api/kpis/import-template.xlsx',
    { schema: { tags, summary: 'The xlsx import template' } },
    async (request, reply) => {
      await s.reads.listDefinitions(request.actor);
      const buffer = await buildKpiTemplate(await s.repo.listDefinitions());
      return sendDownload(reply, { fileName: 'kpi-import-template.xlsx', mime: XLSX_MIME, body: buffer });
    },
  );
}
