import type { Readable } from 'node:stream';
import type { Deps } from '../../deps.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { FileRow, FileStore } from '../../lib/file-store.js';
import type { FileKind } from '../../lib/uploads.js';

// The files module's public face: other modules store files through the container's store (`deps.files`) and
// decide who may download or attach one with canDownloadFile / canAttachFile; they import both from here, never
// from inside the module.
export { canAttachFile, canDownloadFile } from './files.policy.js';
export type { FileRow };

/** The store of uploaded files (lib/file-store.ts), held by the container as `deps.files`. */
export type FilesService = FileStore;

/** What the files module needs from the container. */
export type FilesModuleDeps = Pick<Deps, 'files' | 'config' | 'db'>;

/** The upload/download service's own dependencies. */
export type FileAccessDeps = { files: FileStore; guard: AccessGuard };

export type FileUpload = { originalName: string; allow: readonly FileKind[] };

export type FileAccessService = {
  /** Stores an upload for a signed-in caller (401 otherwise); the caller is recorded as its uploader. */
  upload(actor: Actor | null, source: Readable, upload: FileUpload, ctx: AuditContext): Promise<FileRow>;
  /** The file's row for a download by its public id: 401 → 404 → 403 (its uploader or a reader of its unit). */
  forDownload(actor: Actor | null, publicId: string): Promise<FileRow>;
  /** Where its bytes are and how to read them. */
  pathOf(file: Pick<FileRow, 'storageKey'>): string;
  open(file: Pick<FileRow, 'storageKey'>): Readable;
};
