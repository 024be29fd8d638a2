import type { Kysely } from 'kysely';
import { prepared } from '../../db/prepared.js';
import type { DB, SessionsTable } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export type SessionRow = SessionsTable;

export function createSessionsRepository(db: Kysely<DB>) {
  return {
    insert: (exec: Executor, row: SessionRow) => exec.insertInto('sessions').values(row).execute(),
    /**
     * The session, its user and the user's role grants in one round trip (a row per grant, or one row with
     * null grant columns): resolving a session is on the path of every signed-in request.
     */
    findWithUser: async (id: string) => {
      const query = db
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
        .orderBy('roleAssignments.id');
      // Planned once per connection: this runs for every signed-in request.
      return (await db.executeQuery(prepared(db, query.compile()))).rows;
    },
    touch: (id: string, at: string) =>
      db.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', id).execute(),
    delete: (exec: Executor, id: string) => exec.deleteFrom('sessions').where('id', '=', id).execute(),
    /** Sessions past their absolute expiry or idle since `idleSince` (housekeeping at each login). */
    deleteStaleForUser: (exec: Executor, userId: number, now: string, idleSince: string) =>
      exec
        .deleteFrom('sessions')
        .where('userId', '=', userId)
        .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleSince)]))
        .execute(),
    deleteAllForUser: (exec: Executor, userId: number, exceptId?: string) => {
      let q = exec.deleteFrom('sessions').where('userId', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      return q.execute();
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
