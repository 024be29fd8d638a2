import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { ApiTokensTable, DB } from '../../../db/schema.js';

export type TokenRow = Omit<ApiTokensTable, 'id'> & { id: number };
const PUBLIC_COLUMNS = [
  'id',
  'name',
  'tokenPrefix',
  'createdBy',
  'unitId',
  'permissions',
  'createdAt',
  'expiresAt',
  'lastUsedAt',
  'revokedAt',
] as const;

export function createTokensRepository(db: Kysely<DB>) {
  return {
    insert: async (row: Omit<TokenRow, 'id'>, exec: Executor = db) =>
      (await exec.insertInto('apiTokens').values(row).returning('id').executeTakeFirstOrThrow()).id,
    findActiveByHash: (tokenHash: string, exec: Executor = db) =>
      exec
        .selectFrom('apiTokens')
        .innerJoin('users', 'users.id', 'apiTokens.createdBy')
        .select([
          'apiTokens.id',
          'apiTokens.name',
          'apiTokens.createdBy',
          'apiTokens.unitId',
          'apiTokens.permissions',
          'apiTokens.expiresAt',
          'apiTokens.lastUsedAt',
          'apiTokens.revokedAt',
          'users.isActive',
        ])
        .where('apiTokens.tokenHash', '=', tokenHash)
        .executeTakeFirst(),
    findById: (id: number, exec: Executor = db) =>
      exec.selectFrom('apiTokens').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst(),
    touch: (id: number, at: string, exec: Executor = db) =>
      exec.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute(),
    revoke: (id: number, at: string, exec: Executor = db) =>
      exec.updateTable('apiTokens').set({ revokedAt: at }).where('id', '=', id).execute(),
    /** Tokens the user created, plus tokens on units under `roots` (the user's tokens.manage scope). */
    list: (userId: number, roots: number[], exec: Executor = db) =>
      exec
        .selectFrom('apiTokens')
        .select(PUBLIC_COLUMNS)
        .where((eb) => {
          const mine = eb('createdBy', '=', userId);
          if (!roots.length) return mine;
          return eb.or([
            mine,
            eb('unitId', 'in', roots),
            eb(
              'unitId',
              'in',
              eb.selectFrom('unitClosure').select('descendantId').where('ancestorId', 'in', roots),
            ),
          ]);
        })
        .orderBy('id', 'desc')
        .limit(500)
        .execute(),
  };
}
export type TokensRepository = ReturnType<typeof createTokensRepository>;
