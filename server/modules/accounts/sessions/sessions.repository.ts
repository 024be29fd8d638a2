import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import { compiledOnce, prepared } from '../../../db/prepared.js';
import type { DB, SessionsTable } from '../../../db/schema.js';

export type SessionRow = SessionsTable;

export function createSessionsRepository(db: Kysely<DB>) {
  const sessionWithUser = compiledOnce((id: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.userId')
      .leftJoin('roleAssignments', 'roleAssignments.userId', 'users.id')
      .leftJoin('units', 'units.id', 'roleAssignments.unitId')
      .select([
        'sessions.id',
        'sessions.userId',
        'sessions.csrfToken',
        'sessions.createdAt',
        'sessions.lastSeenAt',
        'sessions.expiresAt',
        'users.email',
        'users.fullName',
        'users.locale',
        'users.isActive',
        'roleAssignments.role',
        'roleAssignments.unitId',
        'units.name as unitName',
      ])
      .where('sessions.id', '=', id)
      .orderBy('roleAssignments.id'),
  );
  return {
    insert: (row: SessionRow, exec: Executor = db) => exec.insertInto('sessions').values(row).execute(),
    /**
     * The session, its user and the user's role grants in one round trip (a row per grant, or one row with
     * null grant columns): resolving a session is on the path of every signed-in request.
     */
    // Built and compiled once, planned once per PostgreSQL connection.
    findWithUser: async (id: string, exec: Executor = db) =>
      (await exec.executeQuery(prepared(db, sessionWithUser(id)))).rows,
    touch: (id: string, at: string, exec: Executor = db) =>
      exec.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', id).execute(),
    delete: (id: string, exec: Executor = db) => exec.deleteFrom('sessions').where('id', '=', id).execute(),
    /** Sessions past their absolute expiry or idle since `idleSince` (housekeeping at each login). */
    deleteStaleForUser: (userId: number, now: string, idleSince: string, exec: Executor = db) =>
      exec
        .deleteFrom('sessions')
        .where('userId', '=', userId)
        .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleSince)]))
        .execute(),
    deleteAllForUser: (userId: number, exceptId: string | undefined, exec: Executor = db) => {
      let q = exec.deleteFrom('sessions').where('userId', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      return q.execute();
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
