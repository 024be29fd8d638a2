import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { DB, FilesTable } from '../db/schema.js';

export type FileRow = Selectable<FilesTable>;

// The `files` table: metadata of stored uploads (the bytes live under DATA_DIR/files).
export function createFileStoreRepository(db: Kysely<DB>) {
  return {
    async insert(row: Insertable<FilesTable>, exec: Executor = db): Promise<FileRow> {
      return exec.insertInto('files').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async findById(id: number, exec: Executor = db): Promise<FileRow | undefined> {
      return exec.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async findByPublicId(publicId: string, exec: Executor = db): Promise<FileRow | undefined> {
      return exec.selectFrom('files').selectAll().where('publicId', '=', publicId).executeTakeFirst();
    },
    /** Gives a file without a unit to `unitId`; a file that already belongs to a unit keeps it. */
    async assignUnit(id: number, unitId: number, exec: Executor = db): Promise<void> {
      await exec
        .updateTable('files')
        .set({ unitId })
        .where('id', '=', id)
        .where('unitId', 'is', null)
        .execute();
    },
  };
}
export type FileStoreRepository = ReturnType<typeof createFileStoreRepository>;
