import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  SteerImportConfirmSchema,
  SteerImportParamsSchema,
  SteerImportTemplateQuerySchema,
  SteerImportViewSchema,
} from '../../../../core/contracts/steer-import.js';
import { sendDownload } from '../../../lib/download.js';
import { AppError } from '../../../lib/errors.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf, localeOf } from '../../../lib/request-context.js';
import { assertSafeXlsx } from '../../../lib/xlsx-guard.js';
import { APPENDIX_XLSX_LIMITS, looksLikeXlsx } from './appendix-xlsx.js';
import type { SteerImportService } from './import.types.js';

// The plan appendix import: upload (multipart field "file") → preview → confirm; and the sample workbook.
// Registered in a plugin scope of its own, so the multipart parser is this feature's alone.

const tags = ['steer'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function receiveUpload(request: FastifyRequest): Promise<{ fileName: string; buffer: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  try {
    const part = await request.file();
    if (!part)
      throw new AppError('VALIDATION', {
        detailKey: 'steer_import.file_required',
        fieldErrors: [{ field: 'file', code: 'steer_import.file_required' }],
      });
    return { fileName: part.filename || 'phu-luc.xlsx', buffer: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { statusCode?: number }).statusCode === 413) throw new AppError('PAYLOAD_TOO_LARGE');
    // A cut or malformed multipart body is the client's fault, never a 500.
    throw new AppError('BAD_REQUEST');
  }
}

export async function registerSteerImportRoutes(
  app: FastifyInstance,
  s: SteerImportService,
  maxBytes: number,
) {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/steer/plans/:id/imports',
    {
      // 401 before the body is read: anonymous callers learn nothing about the route's input.
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Upload a plan\'s task appendix (.xlsx, multipart field "file") for preview',
        consumes: ['multipart/form-data'],
        params: SteerImportParamsSchema,
        response: { 201: SteerImportViewSchema, 202: SteerImportViewSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveUpload(request);
      if (!looksLikeXlsx(file.buffer))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          detailKey: 'steer_import.not_xlsx',
          fieldErrors: [{ field: 'file', code: 'steer_import.not_xlsx' }],
        });
      // Before anything parses it: a decompression bomb is refused with a 4xx in milliseconds.
      const expandedBytes = await assertSafeXlsx(file.buffer, APPENDIX_XLSX_LIMITS);
      const view = await s.upload(
        auditContextOf(request),
        request.params.id,
        { ...file, expandedBytes },
        localeOf(request),
      );
      return reply.code(view.status === 'parsing' ? 202 : 201).send(view);
    },
  );

  r.get(
    '/api/steer/imports/:id',
    {
      schema: {
        tags,
        summary: 'An appendix import: progress, preview, names to pick and row errors',
        params: SteerImportParamsSchema,
        response: { 200: SteerImportViewSchema },
      },
    },
    async (request) => s.get(request.actor, request.params.id, localeOf(request)),
  );

  r.post(
    '/api/steer/imports/:id/confirm',
    {
      schema: {
        tags,
        summary: "Create the plan's groups and tasks from the preview, all or nothing",
        params: SteerImportParamsSchema,
        body: SteerImportConfirmSchema,
        response: { 200: SteerImportViewSchema },
      },
    },
    async (request) => s.confirm(auditContextOf(request), request.params.id, request.body, localeOf(request)),
  );

  r.get(
    '/api/steer/import-template.xlsx',
    {
      schema: {
        tags,
        summary: 'A sample task appendix to fill in (Tải mẫu)',
        querystring: SteerImportTemplateQuerySchema,
      },
    },
    async (request, reply) => {
      const { year, body } = await s.template(request.actor, request.query.year);
      return sendDownload(reply, { fileName: `phu-luc-nhiem-vu-mau-${year}.xlsx`, mime: XLSX_MIME, body });
    },
  );
}
