import type { Insertable, Kysely } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/schema.js';
import type { CitizenSessionsTable, CitizenSsoLoginsTable } from '../../db/schema-sso.js';

// Citizen single sign-on: started sign-ins (used once by a conditional UPDATE) and citizens' sessions.
export function createSsoRepository(db: Kysely<DB>) {
  return {
    async insertLogin(row: Insertable<CitizenSsoLoginsTable>, exec: Executor = db) {
      await exec.insertInto('citizenSsoLogins').values(row).execute();
    },

    async purgeLogins(before: string, exec: Executor = db) {
      await exec.deleteFrom('citizenSsoLogins').where('expiresAt', '<', before).execute();
    },

    /** Marks the sign-in used and returns it, or undefined when unknown, expired or already used (a replay). */
    async consumeLogin(stateHash: string, now: string, exec: Executor = db) {
      const used = await exec
        .updateTable('citizenSsoLogins')
        .set({ usedAt: now })
        .where('stateHash', '=', stateHash)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return undefined;
      return exec
        .selectFrom('citizenSsoLogins')
        .select(['id', 'nonce', 'codeVerifier', 'returnTo'])
        .where('stateHash', '=', stateHash)
        .executeTakeFirst();
    },

    async insertSession(row: Insertable<CitizenSessionsTable>, exec: Executor = db) {
      const r = await exec
        .insertInto('citizenSessions')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async findSession(tokenHash: string, now: string, exec: Executor = db) {
      return exec
        .selectFrom('citizenSessions')
        .select(['id', 'issuer', 'subject', 'name', 'email', 'phone', 'expiresAt'])
        .where('tokenHash', '=', tokenHash)
        .where('expiresAt', '>', now)
        .executeTakeFirst();
    },

    async deleteSession(id: number, exec: Executor = db) {
      await exec.deleteFrom('citizenSessions').where('id', '=', id).execute();
    },

    async purgeSessions(before: string, exec: Executor = db) {
      await exec.deleteFrom('citizenSessions').where('expiresAt', '<', before).execute();
    },
  };
}
export type SsoRepository = ReturnType<typeof createSsoRepository>;
