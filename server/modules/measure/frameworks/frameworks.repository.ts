import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type { MeasureFrameworksTable } from '../../../db/schema-measure.js';

export type FrameworkRow = Selectable<MeasureFrameworksTable>;
export type FrameworkStampRow = Pick<FrameworkRow, 'id' | 'version' | 'updatedAt'>;

export function createFrameworksRepository(db: Kysely<DB>) {
  return {
    list: (exec: Executor = db): Promise<FrameworkRow[]> =>
      exec.selectFrom('measureFrameworks').selectAll().orderBy('code').orderBy('version', 'desc').execute(),
    find: (id: number, exec: Executor = db): Promise<FrameworkRow | undefined> =>
      exec.selectFrom('measureFrameworks').selectAll().where('id', '=', id).executeTakeFirst(),
    /** What identifies a framework's state, without its (large) definition. */
    findStamp: (id: number, exec: Executor = db): Promise<FrameworkStampRow | undefined> =>
      exec
        .selectFrom('measureFrameworks')
        .select(['id', 'version', 'updatedAt'])
        .where('id', '=', id)
        .executeTakeFirst(),
    async maxVersion(code: string, exec: Executor = db): Promise<number> {
      const row = await exec
        .selectFrom('measureFrameworks')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('code', '=', code)
        .executeTakeFirst();
      return Number(row?.v ?? 0);
    },
    insert: (row: Insertable<MeasureFrameworksTable>, exec: Executor = db): Promise<FrameworkRow> =>
      exec.insertInto('measureFrameworks').values(row).returningAll().executeTakeFirstOrThrow(),
    update: (
      id: number,
      patch: Partial<Pick<FrameworkRow, 'name' | 'definitionJson' | 'status' | 'updatedAt'>>,
      exec: Executor = db,
    ) => exec.updateTable('measureFrameworks').set(patch).where('id', '=', id).execute(),
    /** Any period, open or published: its scores were computed with this version's rules (issue 8 #3). */
    async isUsedByAnyPeriod(id: number, exec: Executor = db): Promise<boolean> {
      const row = await exec
        .selectFrom('measurePeriods')
        .select('id')
        .where('frameworkId', '=', id)
        .executeTakeFirst();
      return !!row;
    },
  };
}
export type FrameworksRepository = ReturnType<typeof createFrameworksRepository>;
