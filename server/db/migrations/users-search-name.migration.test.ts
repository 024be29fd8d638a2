import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/helpers/test-db.js';
import { isPostgres } from '../dialect.js';
import type { DB } from '../schema.js';
import { migrations } from './index.js';

// Users who existed before the folded search name get it from the migration, so "lanh dao" finds them too.

const BEFORE = '2026-12-06-0200-notifications';
const now = '2026-01-01T00:00:00.000Z';

async function migrateTo(db: Kysely<DB>, name: string) {
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateTo(name);
  if (result.error) throw result.error;
}

describe.each(testDialects())('the users search-name migration over existing users on %s', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await migrateTo(database.db, BEFORE);
    // biome-ignore lint/suspicious/noExplicitAny: an older schema than the generated types.
    const old = database.db as unknown as Kysely<any>;
    for (const [email, fullName] of [
      ['lanh.dao@p.vn', 'Lãnh  Đạo Sở'],
      ['an@p.vn', 'Trần An'],
    ]) {
      await old
        .insertInto('users')
        .values({ email, fullName, passwordHash: null, lockedUntil: null, createdAt: now, updatedAt: now })
        .execute();
    }
    await migrateTo(database.db, '2026-12-06-0300-users-search-name');
  });
  afterAll(async () => database?.cleanup());

  it('backfills the folded name of every existing user', async () => {
    const rows = await database.db
      .selectFrom('users')
      .select(['email', 'searchName'])
      .orderBy('email')
      .execute();
    expect(rows).toEqual([
      { email: 'an@p.vn', searchName: 'tran an' },
      { email: 'lanh.dao@p.vn', searchName: 'lanh dao so' },
    ]);
  });
});
