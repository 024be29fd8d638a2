import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { registerMessages } from '../../core/i18n/errors.js';
import { AppError } from './errors.js';
import { FILE_KINDS } from './uploads.js';

// The one way a route sends a file: every download (stored uploads, generated workbooks and reports) gets the
// same headers, the same conditional GET and the same answer when stored bytes have gone missing.

registerMessages({
  'files.content_missing': {
    vi: 'Nội dung tệp không còn trên máy chủ',
    en: 'The file content is no longer on the server',
  },
});

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

/** Bytes on disk (an upload): the size and digest come from its row; the file may have gone missing. */
export type StoredBody = {
  path: string;
  size: number;
  sha256: string;
  open: () => Readable;
  /** Logged (never sent) when the bytes are missing. */
  logContext?: Record<string, unknown>;
};

export type Download = {
  fileName: string;
  mime: string;
  /** Generated in memory, or stored on disk. */
  body: Uint8Array | StoredBody;
  /** Default: private, no-store (downloads are personal or scoped). */
  cacheControl?: string;
};

function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(',') : header).split(',').map((v) => v.trim());
  return values.some((v) => v === '*' || v.replace(/^W\//, '') === etag);
}

/**
 * Sends an attachment: content type, length, a strong ETag (304 on a matching If-None-Match), a safe UTF-8
 * file name, nosniff and a sandboxing CSP so a browser never runs what it downloads; 404 when stored bytes
 * are missing.
 */
export async function sendDownload(reply: FastifyReply, download: Download): Promise<FastifyReply> {
  const { body } = download;
  const stored = body instanceof Uint8Array ? null : body;
  if (stored && !(await stat(stored.path).catch(() => null))) {
    reply.request.log.error({ ...stored.logContext, path: stored.path }, 'file content missing on disk');
    throw new AppError('NOT_FOUND', { detailKey: 'files.content_missing' });
  }
  const digest = stored
    ? stored.sha256
    : createHash('sha256')
        .update(body as Uint8Array)
        .digest('hex');
  const etag = `"${digest}"`;
  reply
    .header('content-type', download.mime)
    .header('content-disposition', contentDisposition(download.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', download.cacheControl ?? 'private, no-store')
    .header('etag', etag);
  if (etagMatches(reply.request.headers['if-none-match'], etag)) return reply.code(304).send();
  const size = stored ? stored.size : (body as Uint8Array).byteLength;
  return reply.header('content-length', String(size)).send(stored ? stored.open() : body);
}
