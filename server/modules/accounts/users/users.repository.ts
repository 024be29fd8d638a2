import type { ExpressionBuilder, Kysely } from 'kysely';
import { userSearchName } from '../../../../core/contracts/accounts.js';
import type { Executor } from '../../../db/executor.js';
import { containsInsensitive } from '../../../db/like.js';
import type { DB, UsersTable } from '../../../db/schema.js';

export type UserRow = {
  id: number;
  email: string;
  fullName: string;
  passwordHash: string | null;
  isActive: number;
  locale: string;
  failedLoginCount: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};
export type GrantRow = { userId: number; role: string; unitId: number; unitName: string };
export type UserListFilter = { roots: number[]; q?: string; unitId?: number; limit: number; offset: number };
type NewUser = Omit<UsersTable, 'id' | 'isActive' | 'failedLoginCount' | 'locale' | 'searchName'> & {
  locale?: string;
};

/** Users holding at least one grant on a unit inside the subtree of one of `roots`. */
function hasGrantUnder(eb: ExpressionBuilder<DB, 'users'>, roots: number[]) {
  return eb.exists(
    eb
      .selectFrom('roleAssignments as ra')
      .select('ra.id')
      .whereRef('ra.userId', '=', 'users.id')
      .where((w) =>
        w.or([
          w('ra.unitId', 'in', roots),
          w(
            'ra.unitId',
            'in',
            w.selectFrom('unitClosure').select('descendantId').where('ancestorId', 'in', roots),
          ),
        ]),
      ),
  );
}

export function createUsersRepository(db: Kysely<DB>) {
  return {
    findByEmail: (email: string, exec: Executor = db): Promise<UserRow | undefined> =>
      exec.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
    findById: (id: number, exec: Executor = db): Promise<UserRow | undefined> =>
      exec.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    insert: async (row: NewUser, exec: Executor = db) =>
      (
        await exec
          .insertInto('users')
          .values({ ...row, searchName: userSearchName(row.fullName) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    update: (id: number, patch: Partial<Omit<UserRow, 'id'>>, exec: Executor = db) =>
      exec
        .updateTable('users')
        .set(patch.fullName === undefined ? patch : { ...patch, searchName: userSearchName(patch.fullName) })
        .where('id', '=', id)
        .execute(),
    /** Atomic, so concurrent failures from several app processes all count. */
    async incrementFailures(id: number, exec: Executor = db): Promise<number> {
      await exec
        .updateTable('users')
        .set((eb) => ({ failedLoginCount: eb('failedLoginCount', '+', 1) }))
        .where('id', '=', id)
        .execute();
      const row = await exec
        .selectFrom('users')
        .select('failedLoginCount')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row.failedLoginCount;
    },
    async grantsOf(userIds: number[], exec: Executor = db): Promise<GrantRow[]> {
      if (!userIds.length) return [];
      return exec
        .selectFrom('roleAssignments')
        .innerJoin('units', 'units.id', 'roleAssignments.unitId')
        .select(['roleAssignments.userId', 'roleAssignments.role', 'roleAssignments.unitId'])
        .select('units.name as unitName')
        .where('roleAssignments.userId', 'in', userIds)
        .orderBy('roleAssignments.id')
        .execute();
    },
    async replaceGrants(
      userId: number,
      remove: { role: string; unitId: number }[],
      add: { role: string; unitId: number }[],
      at: string,
      exec: Executor = db,
    ) {
      for (const g of remove) {
        await exec
          .deleteFrom('roleAssignments')
          .where('userId', '=', userId)
          .where('role', '=', g.role)
          .where('unitId', '=', g.unitId)
          .execute();
      }
      if (add.length) {
        await exec
          .insertInto('roleAssignments')
          .values(add.map((g) => ({ userId, role: g.role, unitId: g.unitId, createdAt: at })))
          .execute();
      }
    },
    isVisibleUnder: async (userId: number, roots: number[], exec: Executor = db) =>
      roots.length > 0 &&
      !!(await exec
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where((eb) => hasGrantUnder(eb, roots))
        .executeTakeFirst()),
    async list(f: UserListFilter, exec: Executor = db): Promise<{ rows: UserRow[]; total: number }> {
      let q = exec.selectFrom('users').where((eb) => hasGrantUnder(eb, f.roots));
      if (f.unitId !== undefined) {
        const unitId = f.unitId;
        q = q.where((eb) => hasGrantUnder(eb, [unitId]));
      }
      if (f.q) {
        const text = f.q;
        q = q.where((eb) =>
          eb.or([
            containsInsensitive('email', text),
            containsInsensitive('fullName', text),
            containsInsensitive('searchName', userSearchName(text)),
          ]),
        );
      }
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await q.selectAll().orderBy('id').limit(f.limit).offset(f.offset).execute();
      return { rows, total: Number(total.n) };
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
