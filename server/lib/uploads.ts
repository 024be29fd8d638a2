import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import { registerMessages } from '../../core/i18n/errors.js';
import { AppError } from './errors.js';

// Uploaded files on disk: `${dataDir}/files/<yyyy>/<mm>/<random>`, their type judged from their bytes
// (never from the name or the client's Content-Type), their size capped while they stream in, and
// fsync'd before anyone records them, so a file acknowledged to a client survives a crash.

export const FILE_KINDS = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export const EVIDENCE_KINDS: readonly FileKind[] = ['pdf', 'png', 'jpeg', 'webp', 'docx', 'xlsx'];
export const IMPORT_KINDS: readonly FileKind[] = ['csv', 'xlsx'];
export const IMAGE_KINDS: readonly FileKind[] = ['png', 'jpeg', 'webp'];

registerMessages({
  'files.too_large': {
    vi: 'Tệp vượt quá dung lượng cho phép ({maxMb} MB)',
    en: 'The file is larger than the limit ({maxMb} MB)',
  },
  'files.empty': { vi: 'Tệp rỗng', en: 'The file is empty' },
  'files.unsupported_type': {
    vi: 'Nội dung tệp có định dạng {detected}, không thuộc các định dạng được chấp nhận: {allowed}',
    en: 'The file content is {detected}, which is not one of the accepted types: {allowed}',
  },
  'files.unknown_type': {
    vi: 'Không nhận ra định dạng của tệp từ nội dung; chỉ chấp nhận: {allowed}',
    en: 'The file type could not be recognised from its content; accepted types: {allowed}',
  },
});

export type ReceivedFile = { tempPath: string; size: number; sha256: string; kind: FileKind; mime: string };

const STORAGE_KEY = /^\d{4}\/\d{2}\/[0-9a-f]{32}$/;
const SNIFF_BYTES = 64 * 1024;

export function filesDirOf(dataDir: string): string {
  return join(dataDir, 'files');
}

/** The path of a stored file; rejects anything but our own key shape, so no key can escape the folder. */
export function storagePath(filesDir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error(`Invalid storage key: ${storageKey}`);
  return join(filesDir, ...storageKey.split('/'));
}

async function writeChunks(path: string, chunks: AsyncIterable<Uint8Array>, maxBytes: number) {
  const hash = createHash('sha256');
  const handle = await open(path, 'wx', 0o640);
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      // Past the limit keep draining the stream (the multipart parser caps it) but write nothing more.
      if (size > maxBytes) continue;
      hash.update(chunk);
      await handle.write(chunk);
    }
    if (size <= maxBytes) await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** Stream `source` to a temporary file, then judge its type against `allow`. Throws 400/413/415. */
export async function receiveUpload(
  source: Readable | Uint8Array,
  { filesDir, maxBytes, allow }: { filesDir: string; maxBytes: number; allow: readonly FileKind[] },
): Promise<ReceivedFile> {
  const tmpDir = join(filesDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tempPath = join(tmpDir, randomBytes(16).toString('hex'));
  const chunks = source instanceof Uint8Array ? [source] : (source as AsyncIterable<Uint8Array>);
  try {
    const { size, sha256 } = await writeChunks(tempPath, toAsync(chunks), maxBytes);
    if (size > maxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        detailKey: 'files.too_large',
        params: { maxMb: Number((maxBytes / 1024 / 1024).toPrecision(3)) },
      });
    }
    if (size === 0) throw new AppError('BAD_REQUEST', { detailKey: 'files.empty' });
    const detected = await detectKind(tempPath);
    if (!detected.kind || !allow.includes(detected.kind)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        detailKey: detected.label === 'unknown' ? 'files.unknown_type' : 'files.unsupported_type',
        params: { detected: detected.label, allowed: allow.join(', ') },
      });
    }
    return { tempPath, size, sha256, kind: detected.kind, mime: FILE_KINDS[detected.kind] };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

async function* toAsync(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) {
  for await (const c of chunks) yield c;
}

const BY_EXTENSION: Record<string, FileKind> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  webp: 'webp',
  docx: 'docx',
  xlsx: 'xlsx',
};

async function detectKind(path: string): Promise<{ kind?: FileKind; label: string }> {
  const found = await fileTypeFromFile(path);
  if (found) return { kind: BY_EXTENSION[found.ext], label: found.ext };
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return looksLikeCsv(buffer.subarray(0, bytesRead)) ? { kind: 'csv', label: 'csv' } : { label: 'unknown' };
  } finally {
    await handle.close();
  }
}

/**
 * CSV has no magic number: accept UTF-8 text without control characters (a BOM allowed) that does not
 * open like markup, which a browser might render if it ever ignored our nosniff header.
 */
export function looksLikeCsv(head: Uint8Array): boolean {
  let bytes = head;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (bytes.length === 0 || bytes.includes(0)) return false;
  let text: string;
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sniffed window.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return false;
  return !text.trimStart().startsWith('<');
}

/** Move a received file to its permanent key (same filesystem: an atomic rename) and fsync the folder. */
export async function commitUpload(filesDir: string, received: ReceivedFile, now: Date): Promise<string> {
  const yyyy = String(now.getUTCFullYear()).padStart(4, '0');
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  const storageKey = `${yyyy}/${mm}/${randomBytes(16).toString('hex')}`;
  const target = storagePath(filesDir, storageKey);
  const dir = join(filesDir, yyyy, mm);
  await mkdir(dir, { recursive: true });
  await rename(received.tempPath, target);
  await syncDirectory(dir);
  return storageKey;
}

/** Write bytes under an existing key (restore): temp file, fsync, rename, fsync the folder. */
export async function writeStoredFile(filesDir: string, storageKey: string, data: Uint8Array): Promise<void> {
  const target = storagePath(filesDir, storageKey);
  const dir = join(filesDir, ...storageKey.split('/').slice(0, 2));
  await mkdir(dir, { recursive: true });
  await mkdir(join(filesDir, 'tmp'), { recursive: true });
  const temp = join(filesDir, 'tmp', randomBytes(16).toString('hex'));
  const handle = await open(temp, 'wx', 0o640);
  try {
    await handle.write(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, target);
  await syncDirectory(dir);
}

export async function removeStoredFile(filesDir: string, storageKey: string): Promise<void> {
  await rm(storagePath(filesDir, storageKey), { force: true });
}

async function syncDirectory(dir: string) {
  // A rename is durable only once its directory entry is; some platforms cannot fsync a directory.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort on platforms without directory fsync */
  }
}
