import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB, FilesTable } from '../../db/schema.js';

export type FileRow = Selectable<FilesTable>;
type Executor = Kysely<DB> | Transaction<DB>;

export function createFilesRepository(db: Kysely<DB>) {
  return {
    async insert(exec: Executor, row: Insertable<FilesTable>): Promise<FileRow> {
      return exec.insertInto('files').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async findById(id: number): Promise<FileRow | undefined> {
      return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    },
  };
}
export type FilesRepository = ReturnType<typeof createFilesRepository>;
