import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FrameworkOwnerQuerySchema,
  FrameworkSaveResultSchema,
  IdParamSchema,
} from '../../../../core/contracts/measure.js';
import { sendDownload } from '../../../lib/download.js';
import { AppError } from '../../../lib/errors.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import { XLSX_MIME } from '../exports/exports.routes.js';
import type { FrameworkXlsxService } from '../measure.types.js';

// Framework workbook download and upload. Registered in its own plugin scope so the multipart parser
// (and its size limit) belongs to these routes alone.

const tags = ['measure'];
// A framework of a few hundred components is tens of kilobytes; anything far larger is not one.
export const FRAMEWORK_XLSX_MAX_BYTES = 5 * 1024 * 1024;

async function receiveUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  try {
    const part = await request.file();
    if (!part)
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: 'file', code: 'measure.xlsx_file_required' }],
      });
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { statusCode?: number }).statusCode === 413) throw new AppError('PAYLOAD_TOO_LARGE');
    // A cut or malformed multipart body is the client's fault, never a 500.
    throw new AppError('BAD_REQUEST');
  }
}

export async function registerFrameworkXlsxRoutes(app: FastifyInstance, service: FrameworkXlsxService) {
  await app.register(multipart, {
    limits: { fileSize: FRAMEWORK_XLSX_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/measure/frameworks/:id/export.xlsx',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Export a framework as an xlsx workbook (one row per node)',
        params: IdParamSchema,
      },
    },
    async (request, reply) => {
      const file = await service.exportXlsx(request.actor, request.params.id);
      return sendDownload(reply, { fileName: file.fileName, mime: XLSX_MIME, body: file.body });
    },
  );
  r.post(
    '/api/measure/frameworks/import.xlsx',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary:
          'Import a framework workbook (multipart field "file") as a new draft version, all or nothing',
        consumes: ['multipart/form-data'],
        querystring: FrameworkOwnerQuerySchema,
        response: { 201: FrameworkSaveResultSchema },
      },
    },
    async (request, reply) => {
      service.assertCanImport(request.actor);
      const buffer = await receiveUpload(request);
      const { ownerUnitId } = request.query;
      return reply.code(201).send(await service.importXlsx(auditContextOf(request), buffer, ownerUnitId));
    },
  );
}
