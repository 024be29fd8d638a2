import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import type { AuditContext, AuditService } from './audit.js';
import type { Clock } from './clock.js';
import { createFileStoreRepository, type FileRow } from './file-store.repository.js';
import {
  commitUpload,
  type FileKind,
  filesDirOf,
  receiveUpload,
  removeStoredFile,
  storagePath,
} from './uploads.js';

// The store of uploaded files, shared below the modules (the container holds one, backup and restore read its
// folder): evidence for self-assessments and progress reports, feedback photos, import sheets. Modules call
// store() with the types they accept and keep the returned id; the bytes live under DATA_DIR/files, the
// metadata in the `files` table, and every upload is audited.

export type StoreOptions = { originalName: string; allow: readonly FileKind[]; uploadedBy: number | null };

const MAX_NAME_LENGTH = 200;

/** A display name only: no folders, no control characters, bounded length, never empty. */
export function cleanFileName(name: string): string {
  const base = basename(name.replaceAll('\\', '/'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip.
    .replace(/[\u0000-\u001F\u007F"]/g, '')
    .normalize('NFC')
    .trim();
  const cut = Array.from(base).slice(0, MAX_NAME_LENGTH).join('');
  return cut || 'file';
}

/** 16 random bytes as 22 base64url characters: the file id the API shows. */
export function newPublicId(): string {
  return randomBytes(16).toString('base64url');
}

export type FileStoreDeps = {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  config: Pick<Config, 'dataDir' | 'uploadMaxBytes'>;
};

export function createFileStore({ db, audit, clock, config }: FileStoreDeps) {
  const repo = createFileStoreRepository(db);
  const filesDir = filesDirOf(config.dataDir);

  async function store(source: Readable | Uint8Array, options: StoreOptions, ctx: AuditContext) {
    const received = await receiveUpload(source, {
      filesDir,
      maxBytes: config.uploadMaxBytes,
      allow: options.allow,
    });
    const now = clock.now();
    const storageKey = await commitUpload(filesDir, received, now);
    try {
      return await db.transaction().execute(async (trx) => {
        const row = await repo.insert(
          {
            sha256: received.sha256,
            mime: received.mime,
            size: received.size,
            originalName: cleanFileName(options.originalName),
            storageKey,
            uploadedBy: options.uploadedBy,
            createdAt: now.toISOString(),
            // Sequential ids were guessable (issue 8 #2): the API only ever shows this random one.
            publicId: newPublicId(),
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'files.upload',
          entity: 'file',
          entityId: row.id,
          after: {
            id: row.id,
            publicId: row.publicId,
            sha256: row.sha256,
            mime: row.mime,
            size: row.size,
            originalName: row.originalName,
          },
        });
        return row;
      });
    } catch (error) {
      // The row never committed, so nobody can reference these bytes: remove them.
      await removeStoredFile(filesDir, storageKey);
      throw error;
    }
  }

  return {
    filesDir,
    store,
    get: (id: number) => repo.findById(id),
    getByPublicId: (publicId: string) => repo.findByPublicId(publicId),
    assignUnit: repo.assignUnit,
    pathOf: (file: Pick<FileRow, 'storageKey'>) => storagePath(filesDir, file.storageKey),
    open(file: Pick<FileRow, 'storageKey'>): ReadStream {
      return createReadStream(storagePath(filesDir, file.storageKey));
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
export type { FileRow };
