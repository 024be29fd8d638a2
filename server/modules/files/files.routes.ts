import { stat } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerMessages } from '../../../core/i18n/errors.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { auditContextOf, requireActor } from '../../lib/request-context.js';
import { EVIDENCE_KINDS, FILE_KINDS, type FileKind, IMAGE_KINDS, IMPORT_KINDS } from '../../lib/uploads.js';
import { canDownloadFile } from './files.policy.js';
import type { FilesService } from './files.service.js';

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
  'files.content_missing': {
    vi: 'Nội dung tệp không còn trên máy chủ',
    en: 'The file content is no longer on the server',
  },
});

const tags = ['files'];
// 401 before the body is parsed: anonymous callers learn nothing about the route's input.
const requireSignedIn = async (request: FastifyRequest) => void requireActor(request);
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
  id: z.number().int(),
  mime: z.string(),
  size: z.number().int(),
  originalName: z.string(),
  sha256: z.string(),
});
const FileParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }).strict();

/** RFC 6266 attachment header: an ASCII fallback plus the UTF-8 name (Vietnamese names survive). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7E]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const EXTENSIONS: Record<string, string[]> = Object.fromEntries(
  Object.entries(FILE_KINDS).map(([kind, mime]) => [mime, kind === 'jpeg' ? ['jpg', 'jpeg'] : [kind]]),
);

/** The name to save under, its extension matching the content (so the OS opens it with the right program). */
export function downloadName(originalName: string, mime: string): string {
  const allowed = EXTENSIONS[mime];
  if (!allowed) return originalName;
  const dot = originalName.lastIndexOf('.');
  const ext = dot > 0 ? originalName.slice(dot + 1).toLowerCase() : '';
  if (allowed.includes(ext)) return originalName;
  return `${dot > 0 ? originalName.slice(0, dot) : originalName}.${allowed[0]}`;
}

async function receiveFromRequest(request: FastifyRequest, files: FilesService, allow: readonly FileKind[]) {
  const actor = requireActor(request);
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'files.not_multipart' });
  let streamError: unknown = null;
  try {
    const part = await request.file();
    if (!part) throw new AppError('BAD_REQUEST', { detailKey: 'files.missing' });
    part.file.on('error', (e) => {
      streamError = e;
    });
    return await files.store(
      part.file,
      { originalName: part.filename, allow, uploadedBy: actor.userId },
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

export function registerFilesModule(app: FastifyInstance, deps: Pick<Deps, 'files' | 'config'>) {
  const files = deps.files;
  // Multipart parsing is registered in this module's own scope, so no other route accepts it.
  app.register(async (scope) => {
    await scope.register(multipart, {
      // One byte over the limit lets the store see the overflow and answer 413 itself.
      limits: { fileSize: deps.config.uploadMaxBytes + 1, files: 1, fields: 10, parts: 12, fieldSize: 4096 },
      throwFileSizeLimit: false,
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/files',
      {
        onRequest: requireSignedIn,
        schema: {
          tags,
          summary: 'Upload one file (multipart/form-data); its type is judged from its content',
          querystring: UploadQuerySchema,
          response: { 201: FileUploadedSchema },
        },
      },
      async (request, reply) => {
        const row = await receiveFromRequest(request, files, PURPOSES[request.query.purpose]);
        return reply.code(201).send(row);
      },
    );

    r.get(
      '/api/files/:id',
      {
        onRequest: requireSignedIn,
        schema: { tags, summary: 'Download a file (its uploader or an admin)', params: FileParamsSchema },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await files.get(request.params.id);
        if (!file) throw new AppError('NOT_FOUND');
        if (!canDownloadFile(actor, file)) throw new AppError('FORBIDDEN');
        const path = await stat(files.pathOf(file)).catch(() => null);
        if (!path) {
          request.log.error({ fileId: file.id, storageKey: file.storageKey }, 'file content missing on disk');
          throw new AppError('NOT_FOUND', { detailKey: 'files.content_missing' });
        }
        return reply
          .header('content-type', file.mime)
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition(downloadName(file.originalName, file.mime)))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .header('etag', `"${file.sha256}"`)
          .send(files.open(file));
      },
    );
  });
}
