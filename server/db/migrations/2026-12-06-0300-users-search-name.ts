import { type Kysely, sql } from 'kysely';
import { userSearchName } from '../../../core/contracts/accounts.js';

// Issue 10 (Admins): user search ignores diacritics like unit search, so "lanh dao" finds "Lãnh đạo".
// SQL on SQLite cannot strip Vietnamese marks, so the folded name is stored beside the name (as units do) and
// written by the users repository. Nullable: rows written elsewhere without it still match on the raw name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('search_name', 'text').execute();
  // Raw alias: the app's connection camel-cases result keys, a bare migration connection does not.
  const rows = await db
    .selectFrom('users')
    .select(['id', sql<string>`full_name`.as('name')])
    .execute();
  for (const { id, name } of rows) {
    await db
      .updateTable('users')
      .set({ search_name: userSearchName(name) })
      .where('id', '=', id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('search_name').execute();
}
