import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ImportPreviewSchema, ImportQuerySchema } from '../../../../core/contracts/community.js';
import {
  AttendanceImportQuerySchema,
  AttendanceImportSchema,
  TrainingIdParamsSchema,
} from '../../../../core/contracts/community-training.js';
import { sendDownload } from '../../../lib/download.js';
import { AppError } from '../../../lib/errors.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf, localeOf } from '../../../lib/request-context.js';
import type { CommunityExportsService, CommunityImportService } from '../community.types.js';
import type { TrainingService } from '../training/training.service.js';

// Imports (multipart field "file": .xlsx or .csv; also a training session's attendance; size checked by the multipart limit, the workbook's
// expansion by assertSafeXlsx in the service, after the guard and before anything parses it) and the xlsx exports. A plugin scope of its own, so
// the multipart parser is this feature's alone.

const tags = ['community'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const IdParam = z.coerce.number().int().positive().max(2_147_483_647);

async function receiveUpload(request: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  try {
    const part = await request.file();
    if (!part) throw new AppError('VALIDATION', { fieldErrors: [{ field: 'file', code: 'required' }] });
    return { name: part.filename || 'nhap.xlsx', data: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { statusCode?: number }).statusCode === 413) throw new AppError('PAYLOAD_TOO_LARGE');
    throw new AppError('BAD_REQUEST');
  }
}

export async function registerCommunityImportRoutes(
  app: FastifyInstance,
  imports: CommunityImportService,
  exports: CommunityExportsService,
  maxBytes: number,
  training: Pick<TrainingService, 'importAttendance'>,
) {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/community/imports',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary:
          'Import villages, teams, members or activities of a commune (.xlsx/.csv): preview, then commit',
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        response: { 200: ImportPreviewSchema },
      },
    },
    async (request) => {
      const file = await receiveUpload(request);
      return imports.importFile(
        auditContextOf(request),
        {
          communeId: request.query.communeId,
          kind: request.query.kind,
          commit: request.query.commit === 'true',
          locale: localeOf(request),
        },
        file,
      );
    },
  );
  r.post(
    '/api/training/courses/:id/attendance-import',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary:
          "Import a session's attendance from the online platform's list (.xlsx/.csv): preview, then commit",
        consumes: ['multipart/form-data'],
        params: TrainingIdParamsSchema,
        querystring: AttendanceImportQuerySchema,
        response: { 200: AttendanceImportSchema },
      },
    },
    async (request) => {
      const file = await receiveUpload(request);
      return training.importAttendance(
        auditContextOf(request),
        request.params.id,
        {
          sessionId: request.query.sessionId,
          commit: request.query.commit === 'true',
          locale: localeOf(request),
        },
        file,
      );
    },
  );
  // The registry and the monthly report, each as xlsx or as an administrative document (DOCX).
  for (const format of ['xlsx', 'docx'] as const) {
    const mime = format === 'xlsx' ? XLSX_MIME : DOCX_MIME;
    const what = format === 'xlsx' ? 'xlsx' : 'DOCX, Decree 30 layout';
    r.get(
      `/api/community/exports/registry.${format}`,
      {
        onRequest: rejectAnonymous,
        schema: {
          tags,
          summary: `The registry of teams and members below a unit (${what}; phones masked outside the commune)`,
          querystring: z.strictObject({ unitId: IdParam }),
        },
      },
      async (request, reply) =>
        sendDownload(reply, {
          fileName: `so-to-cong-nghe-so.${format}`,
          mime,
          body: await exports.registry(request.actor, request.query.unitId, format),
        }),
    );
    r.get(
      `/api/community/exports/report.${format}`,
      {
        onRequest: rejectAnonymous,
        schema: {
          tags,
          summary:
            format === 'xlsx'
              ? 'The monthly report of a unit for a year (xlsx: months, communes, skills, laggards)'
              : 'The monthly report of a unit for a year (DOCX, Decree 30 layout: totals, months, communes, skills, laggards)',
          querystring: z.strictObject({ unitId: IdParam, year: z.coerce.number().int().min(2015).max(2100) }),
        },
      },
      async (request, reply) =>
        sendDownload(reply, {
          fileName: `bao-cao-to-cong-nghe-so-${request.query.year}.${format}`,
          mime,
          body: await exports.report(request.actor, request.query.unitId, request.query.year, format),
        }),
    );
  }
}
