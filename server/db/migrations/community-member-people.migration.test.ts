import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import { isPostgres } from '../dialect.js';
import type { DB } from '../schema.js';
import { migrations } from './index.js';

// The members summaries of migration 2026-12-07-2300 on an install that already holds teams and members: they
// start from the recorded rows (a person on teams of two communes, an ended membership); rolled back with the
// structure sums of 2026-12-07-2100 (two summaries on one source, triggers named apart), every trigger and table
// of both goes, and migrating again gives the same figures.

const BEFORE = '2026-12-07-2100-community-structure-sums';
const BEFORE_BOTH = '2026-12-07-1500-steer-status-day-counts';
const LATEST = '2026-12-07-2300-community-member-people';
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

describe.each(testDialects())('the community members summaries migration on %s', (dialect) => {
  let database: TestDatabase;
  let tree: UnitTree;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await migrateTo(database.db, BEFORE);
    tree = await createUnitTree(database.db);
    const team = async (unitId: number, communeId: number) =>
      (
        await db()
          .insertInto('communityTeams')
          .values({
            unitId,
            communeId,
            name: `Tổ ${unitId}`,
            decisionDate: '2025-01-01',
            status: 'active',
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const person = async (fullName: string) =>
      (
        await db()
          .insertInto('communityPeople')
          .values({ fullName, phone: null, createdAt: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const a = await team(tree.communeA, tree.communeA);
    const a2 = await team(tree.department, tree.communeA);
    const b = await team(tree.communeB, tree.communeB);
    const [ha, son, tu] = [await person('Hà'), await person('Sơn'), await person('Tú')];
    const member = (teamId: number, personId: number, endDate: string | null = null) => ({
      teamId,
      personId,
      role: 'member' as const,
      organisation: 'youth_union' as const,
      startDate: '2025-02-01',
      endDate,
      createdAt: now,
      updatedAt: now,
    });
    await db()
      .insertInto('communityMembers')
      .values([member(a, ha), member(a2, ha), member(b, ha), member(a, son), member(b, tu, '2025-06-01')])
      .execute();
  }, 60_000);
  afterAll(async () => database?.cleanup());

  const summaries = async () => ({
    memberships: (
      await sql<{ p: number; c: number; n: number }>`select person_id as p, commune_id as c, memberships as n
        from community_person_communes where memberships <> 0 order by 1, 2`.execute(db())
    ).rows.map((r) => [Number(r.p), Number(r.c), Number(r.n)]),
    people: (
      await sql<{ c: number; n: number }>`select commune_id as c, people as n from community_commune_people
        where people <> 0 order by 1`.execute(db())
    ).rows.map((r) => [Number(r.c), Number(r.n)]),
    spread: (
      await sql<{ p: number; n: number }>`select person_id as p, communes as n from community_person_spread
        where communes <> 0 order by 1`.execute(db())
    ).rows.map((r) => [Number(r.p), Number(r.n)]),
  });
  const triggers = async () =>
    (isPostgres(db())
      ? (
          await sql<{ name: string }>`select tgname as name from pg_trigger where not tgisinternal`.execute(
            db(),
          )
        ).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'`.execute(db()))
          .rows
    )
      .map((r) => r.name)
      .filter((n) =>
        /^(community_teams|community_members|community_person_communes|units)_(sums|member)/.test(n),
      )
      .sort();
  const tables = async () =>
    (isPostgres(db())
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema()`.execute(db())
        ).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db())).rows
    )
      .map((r) => r.name)
      .filter((n) => /^(community_person|community_commune|unit_village)/.test(n))
      .sort();

  it('starts from the recorded members, and rolls back and forth with the structure sums', async () => {
    await migrateTo(db(), LATEST);
    const first = await summaries();
    const [ha, son] = first.spread.map(([p]) => p);
    expect(first.memberships).toEqual([
      [ha, tree.communeA, 2],
      [ha, tree.communeB, 1],
      [son, tree.communeA, 1],
    ]);
    expect(first.people).toEqual([
      [tree.communeA, 2],
      [tree.communeB, 1],
    ]);
    expect(first.spread).toEqual([
      [ha, 2],
      [son, 1],
    ]);
    const installed = await triggers();
    expect(installed).toEqual(
      expect.arrayContaining([
        'community_teams_sums_insert',
        'community_teams_member_people_update',
        'community_members_sums_insert',
        'community_person_communes_sums_people_insert',
        'community_person_communes_sums_spread_delete',
        'units_sums_update',
      ]),
    );
    expect(await tables()).toEqual([
      'community_commune_people',
      'community_commune_teams',
      'community_person_communes',
      'community_person_spread',
      'unit_village_counts',
    ]);

    await migrateTo(db(), BEFORE_BOTH);
    expect(await triggers()).toEqual([]);
    expect(await tables()).toEqual([]);

    await migrateTo(db(), LATEST);
    expect(await triggers()).toEqual(installed);
    expect(await summaries()).toEqual(first);
  });
});
