import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerMessages } from '../../../core/i18n/errors.js';
import { downloadName, sendDownload } from '../../lib/download.js';
import { AppError } from '../../lib/errors.js';
import { rejectAnonymous } from '../../lib/request-auth.js';
import { auditContextOf } from '../../lib/request-context.js';
import { EVIDENCE_KINDS, type FileKind, IMAGE_KINDS, IMPORT_KINDS } from '../../lib/uploads.js';
import type { FileAccessService } from './files.types.js';

registerMessages({
  'files.not_multipart': {
    vi: 'Hãy gửi tệp dưới dạng multipart/form-data',
    en: 'Send the file as multipart/form-data',
  },
  'files.missing': { vi: 'Không có tệp nào được gửi lên', en: 'No file was sent' },
  'files.malformed': {
    vi: 'Dữ liệu tải lên bị lỗi hoặc không đầy đủ',
    en: 'The upload is malformed or incomplete',
  },
});

const tags = ['files'];
const PURPOSES: Record<string, readonly FileKind[]> = {
  evidence: EVIDENCE_KINDS,
  import: IMPORT_KINDS,
  image: IMAGE_KINDS,
};

const UploadQuerySchema = z
  .object({
    purpose: z
      .enum(['evidence', 'import', 'image'])
      .default('evidence')
      .describe(
        'Which types are accepted: evidence (pdf, png, jpeg, webp, docx, xlsx), import (csv, xlsx), image',
      ),
  })
  .strict();
export const FileUploadedSchema = z.object({
  // The random public id (issue 8 #2): sequential ids stay inside the server.
  id: z.string(),
  mime: z.string(),
  size: z.number().int(),
  originalName: z.string(),
  sha256: z.string(),
});
const FileParamsSchema = z.object({ id: z.string().min(1).max(64) }).strict();

async function receiveFromRequest(
  request: FastifyRequest,
  files: FileAccessService,
  allow: readonly FileKind[],
) {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'files.not_multipart' });
  let streamError: unknown = null;
  try {
    const part = await request.file();
    if (!part) throw new AppError('BAD_REQUEST', { detailKey: 'files.missing' });
    part.file.on('error', (e) => {
      streamError = e;
    });
    return await files.upload(
      request.actor,
      part.file,
      { originalName: part.filename, allow },
      auditContextOf(request),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A broken multipart body is the client's fault; anything else (disk, database) is ours.
    const status = (error as { statusCode?: number }).statusCode;
    if (streamError || (status !== undefined && status < 500) || isParserError(error)) {
      throw new AppError('BAD_REQUEST', { detailKey: 'files.malformed' });
    }
    throw error;
  }
}

function isParserError(error: unknown): boolean {
  // A body cut short (or a client that hung up) ends the file stream early.
  if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
  const message = error instanceof Error ? error.message : '';
  return /multipart|boundary|unexpected end of form|part terminated|malformed/i.test(message);
}

/** Registered by files.module.ts inside the scope that parses multipart bodies. */
export function registerFilesRoutes(app: FastifyInstance, files: FileAccessService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/files',
    {
      // 401 before the body is parsed: anonymous callers learn nothing about the route's input.
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Upload one file (multipart/form-data); its type is judged from its content',
        querystring: UploadQuerySchema,
        response: { 201: FileUploadedSchema },
      },
    },
    async (request, reply) => {
      const row = await receiveFromRequest(request, files, PURPOSES[request.query.purpose]);
      return reply.code(201).send({ ...row, id: row.publicId });
    },
  );

  r.get(
    '/api/files/:id',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Download a file by its public id (its uploader or a reader of the unit it belongs to)',
        params: FileParamsSchema,
      },
    },
    async (request, reply) => {
      const file = await files.forDownload(request.actor, request.params.id);
      return sendDownload(reply, {
        fileName: downloadName(file.originalName, file.mime),
        mime: file.mime,
        body: {
          path: files.pathOf(file),
          size: file.size,
          sha256: file.sha256,
          open: () => files.open(file),
          logContext: { fileId: file.id, storageKey: file.storageKey },
        },
      });
    },
  );
}
