import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB, PasswordResetsTable } from '../../../db/schema.js';

export function createPasswordResetsRepository(db: Kysely<DB>) {
  return {
    insert: (row: PasswordResetsTable, exec: Executor = db) =>
      exec.insertInto('passwordResets').values(row).execute(),
    findUsable: (tokenHash: string, now: string, exec: Executor = db) =>
      exec
        .selectFrom('passwordResets')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .executeTakeFirst(),
    /** Marks the token used; false when another request used it first (single use under races). */
    async markUsed(tokenHash: string, at: string, exec: Executor = db): Promise<boolean> {
      const res = await exec
        .updateTable('passwordResets')
        .set({ usedAt: at })
        .where('tokenHash', '=', tokenHash)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}
export type PasswordResetsRepository = ReturnType<typeof createPasswordResetsRepository>;
