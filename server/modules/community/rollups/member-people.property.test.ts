import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { createCommunityRepository } from '../community.repository.js';
import { liveMembersBelow } from '../community-test-fixtures.js';

// The roll-up's distinct current members below a unit come from summaries kept by triggers (migration
// 2026-12-07-2300): people per commune, less the repeats of persons in more than one commune. Over random
// sequences of writes — memberships added (current or ended), ended and reopened, deleted, moved to another team,
// and teams moved to another commune — the summaries must equal a live recomputation and the formula the live
// count of distinct persons, below every unit of two provinces.

const now = '2026-01-01T00:00:00.000Z';

type Op =
  | { kind: 'add'; team: number; person: number; ended: boolean }
  | { kind: 'toggle'; k: number }
  | { kind: 'delete'; k: number }
  | { kind: 'moveMember'; k: number; team: number }
  | { kind: 'moveTeam'; team: number; commune: number };

const SLOTS = 6;
const PEOPLE = 5;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    team: fc.nat(SLOTS - 1),
    person: fc.nat(PEOPLE - 1),
    ended: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('toggle' as const), k: fc.nat(50) }),
  fc.record({ kind: fc.constant('delete' as const), k: fc.nat(50) }),
  fc.record({ kind: fc.constant('moveMember' as const), k: fc.nat(50), team: fc.nat(SLOTS - 1) }),
  fc.record({ kind: fc.constant('moveTeam' as const), team: fc.nat(SLOTS - 1), commune: fc.nat(SLOTS - 1) }),
);

describe.each(testDialects())('Distinct members from the summaries on %s', (dialect) => {
  let database: TestDatabase;
  let roots: number[] = [];
  let units: number[] = [];
  const teams: number[] = [];
  const people: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const one = await createUnitTree(db);
    const two = await createUnitTree(db);
    units = [one.communeA, one.communeB, one.department, two.communeA, two.communeB, two.department];
    roots = [one.province, two.province, ...units];
    for (const unitId of units)
      teams.push(
        (
          await db
            .insertInto('communityTeams')
            .values({
              unitId,
              communeId: unitId,
              name: `Tổ ${unitId}`,
              decisionDate: '2025-01-01',
              status: 'active',
              createdAt: now,
              updatedAt: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    for (let i = 0; i < PEOPLE; i++)
      people.push(
        (
          await db
            .insertInto('communityPeople')
            .values({ fullName: `Người ${i}`, phone: null, createdAt: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
  }, 60_000);
  afterAll(async () => database?.cleanup());

  async function check() {
    const db = database.db;
    const rows = async (q: ReturnType<typeof sql<{ a: number; b: number; n: number }>>) =>
      (await q.execute(db)).rows.map((r) => [Number(r.a), Number(r.b), Number(r.n)]);
    expect(
      await rows(sql`select person_id as a, commune_id as b, memberships as n from community_person_communes
        where memberships <> 0 order by 1, 2`),
    ).toEqual(
      await rows(sql`select m.person_id as a, t.commune_id as b, count(*) as n from community_members m
        join community_teams t on t.id = m.team_id where m.end_date is null group by m.person_id, t.commune_id
        order by 1, 2`),
    );
    expect(
      await rows(sql`select commune_id as a, 0 as b, people as n from community_commune_people
        where people <> 0 order by 1`),
    ).toEqual(
      await rows(sql`select t.commune_id as a, 0 as b, count(distinct m.person_id) as n from community_members m
        join community_teams t on t.id = m.team_id where m.end_date is null group by t.commune_id order by 1`),
    );
    expect(
      await rows(sql`select person_id as a, 0 as b, communes as n from community_person_spread
        where communes <> 0 order by 1`),
    ).toEqual(
      await rows(sql`select m.person_id as a, 0 as b, count(distinct t.commune_id) as n from community_members m
        join community_teams t on t.id = m.team_id where m.end_date is null group by m.person_id order by 1`),
    );
    const repo = createCommunityRepository(db);
    for (const root of roots) {
      const live = await liveMembersBelow(db, root);
      expect((await repo.structureByCommune(root)).members, `below unit ${root}`).toBe(live);
    }
  }

  it('equal a live count after any sequence of membership and team writes', async () => {
    const db = database.db;
    let day = 0;
    // A distinct start date for every row written, so (team, person, start) stays unique.
    const startDate = () => {
      day++;
      return new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        await db.deleteFrom('communityMembers').execute();
        for (let i = 0; i < SLOTS; i++)
          await db
            .updateTable('communityTeams')
            .set({ communeId: units[i] })
            .where('id', '=', teams[i])
            .execute();
        for (const op of ops) {
          const ids = (await db.selectFrom('communityMembers').select('id').orderBy('id').execute()).map(
            (r) => r.id,
          );
          const pick = (k: number) => (ids.length ? ids[k % ids.length] : undefined);
          if (op.kind === 'add') {
            await db
              .insertInto('communityMembers')
              .values({
                teamId: teams[op.team],
                personId: people[op.person],
                role: 'member',
                organisation: 'other',
                startDate: startDate(),
                endDate: op.ended ? '2026-01-01' : null,
                createdAt: now,
                updatedAt: now,
              })
              .execute();
          } else if (op.kind === 'moveTeam') {
            await db
              .updateTable('communityTeams')
              .set({ communeId: units[op.commune] })
              .where('id', '=', teams[op.team])
              .execute();
          } else {
            const id = pick(op.k);
            if (id === undefined) continue;
            if (op.kind === 'delete') await db.deleteFrom('communityMembers').where('id', '=', id).execute();
            else if (op.kind === 'moveMember')
              await db
                .updateTable('communityMembers')
                .set({ teamId: teams[op.team], startDate: startDate() })
                .where('id', '=', id)
                .execute();
            else
              await db
                .updateTable('communityMembers')
                .set((e) => ({
                  endDate: e.case().when('endDate', 'is', null).then('2026-02-01').else(null).end(),
                }))
                .where('id', '=', id)
                .execute();
          }
        }
        await check();
      }),
      { numRuns: dialect === 'postgres' ? 40 : 100 },
    );
  }, 120_000);
});
