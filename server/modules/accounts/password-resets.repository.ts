import type { Kysely } from 'kysely';
import type { DB, PasswordResetsTable } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export function createPasswordResetsRepository(db: Kysely<DB>) {
  return {
    insert: (exec: Executor, row: PasswordResetsTable) =>
      exec.insertInto('passwordResets').values(row).execute(),
    findUsable: (tokenHash: string, now: string) =>
      db
        .selectFrom('passwordResets')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .executeTakeFirst(),
    /** Marks the token used; false when another request used it first (single use under races). */
    async markUsed(exec: Executor, tokenHash: string, at: string): Promise<boolean> {
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
