import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { bulkInsert } from '../../../db/bulk-insert.js';
import { createCommunityRepository } from '../community.repository.js';
import { type CommunityScenario, communityScenario, liveMembersBelow } from '../community-test-fixtures.js';

// The roll-up reads community_activity_months, which triggers keep (migration 2026-12-07-1200), instead of
// the activities. After every kind of write — activities logged and deleted through the API, rows edited in
// SQL (date, people, households), a bulk import of activities with their skill rows, a team moved to another
// village, and a merger re-homing a commune's team and activities in another commune — the sums must equal the
// straightforward count from the activities, and the roll-up API must answer the same figures. So the
// summaries cannot drift silently. The teams per commune and villages per parent (migration 2026-12-07-2100) are
// checked the same way against a live count, through village mergers, team moves and dissolutions; and so are the
// memberships per person and commune, people per commune and communes per person (migration 2026-12-07-2300),
// through members added and ended through the API, a person on teams of two communes, team moves, deletes, and
// the distinct members of the roll-up's structure against a live count of distinct persons below each unit.

const YEAR = 2026;

describe.each(testDialects())('Monthly activity sums on %s', (dialect) => {
  let s: CommunityScenario;
  let teamA = 0;
  let teamB = 0;
  const ids: number[] = [];
  beforeAll(async () => {
    s = await communityScenario(dialect, '2026-11-15T02:00:00.000Z');
    const team = async (unitId: number, name: string) => {
      const res = await s.call(s.secretariat, 'POST', '/api/community/teams', {
        unitId,
        name,
        decisionDate: '2025-08-01',
      });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    teamA = await team(s.tree.communeA, 'Tổ CNSCĐ xã A');
    teamB = await team(s.tree.communeB, 'Tổ CNSCĐ xã B');
  }, 60_000);
  afterAll(async () => s?.t.close());

  /** The summaries, and the same sums computed straight from the activities and their skill rows. */
  async function both() {
    const db = s.t.deps.db;
    type Row = {
      k1: string | number;
      k2: string | number;
      k3: string | number;
      s: number;
      p: number;
      h: number;
    };
    const read = async (q: ReturnType<typeof sql<Row>>) =>
      (await q.execute(db)).rows.map((r) => [
        String(r.k1),
        String(r.k2),
        String(r.k3),
        Number(r.s),
        Number(r.p),
        Number(r.h),
      ]);
    const stored = [
      ...(await read(sql<Row>`select month as k1, commune_id as k2, '' as k3, sessions as s, people as p,
          households as h from community_activity_months where sessions <> 0 or people <> 0 or households <> 0
          order by 1, 2`)),
      ...(await read(sql<Row>`select year as k1, skill as k2, commune_id as k3, sessions as s, people as p, 0 as h
          from community_skill_years where sessions <> 0 or people <> 0 order by 1, 2, 3`)),
      ...(await read(sql<Row>`select 'teams' as k1, commune_id as k2, '' as k3, teams as s, 0 as p, 0 as h
          from community_commune_teams where teams <> 0 order by 2`)),
      ...(await read(sql<Row>`select 'villages' as k1, parent_id as k2, '' as k3, villages as s, 0 as p, 0 as h
          from unit_village_counts where villages <> 0 order by 2`)),
      ...(await read(sql<Row>`select 'memberships' as k1, person_id as k2, commune_id as k3, memberships as s,
          0 as p, 0 as h from community_person_communes where memberships <> 0 order by 2, 3`)),
      ...(await read(sql<Row>`select 'people' as k1, commune_id as k2, '' as k3, people as s, 0 as p, 0 as h
          from community_commune_people where people <> 0 order by 2`)),
      ...(await read(sql<Row>`select 'spread' as k1, person_id as k2, '' as k3, communes as s, 0 as p, 0 as h
          from community_person_spread where communes <> 0 order by 2`)),
    ];
    const counted = [
      ...(await read(sql<Row>`select substr(activity_date, 1, 7) as k1, commune_id as k2, '' as k3, count(*) as s,
          sum(people_reached) as p, sum(households_reached) as h from community_activities
          group by substr(activity_date, 1, 7), commune_id order by 1, 2`)),
      ...(await read(sql<Row>`select cast(substr(activity_date, 1, 4) as integer) as k1, skill as k2,
          commune_id as k3, count(*) as s, sum(people_reached) as p, 0 as h from community_activity_skills
          group by cast(substr(activity_date, 1, 4) as integer), skill, commune_id order by 1, 2, 3`)),
      ...(await read(sql<Row>`select 'teams' as k1, commune_id as k2, '' as k3, count(*) as s, 0 as p, 0 as h
          from community_teams where status <> 'dissolved' group by commune_id order by 2`)),
      ...(await read(sql<Row>`select 'villages' as k1, coalesce(parent_id, 0) as k2, '' as k3, count(*) as s,
          0 as p, 0 as h from units where kind = 'village' and valid_to is null
          group by coalesce(parent_id, 0) order by 2`)),
      ...(await read(sql<Row>`select 'memberships' as k1, m.person_id as k2, t.commune_id as k3, count(*) as s,
          0 as p, 0 as h from community_members m join community_teams t on t.id = m.team_id
          where m.end_date is null group by m.person_id, t.commune_id order by 2, 3`)),
      ...(await read(sql<Row>`select 'people' as k1, t.commune_id as k2, '' as k3, count(distinct m.person_id) as s,
          0 as p, 0 as h from community_members m join community_teams t on t.id = m.team_id
          where m.end_date is null group by t.commune_id order by 2`)),
      ...(await read(sql<Row>`select 'spread' as k1, m.person_id as k2, '' as k3, count(distinct t.commune_id) as s,
          0 as p, 0 as h from community_members m join community_teams t on t.id = m.team_id
          where m.end_date is null group by m.person_id order by 2`)),
    ];
    return { stored, counted };
  }

  /** The roll-up structure's distinct members below each unit against a live count of distinct persons. */
  async function expectMembersMatch() {
    const db = s.t.deps.db;
    const repo = createCommunityRepository(db);
    const out: number[] = [];
    for (const root of [s.tree.province, s.tree.communeA, s.tree.communeB]) {
      const live = await liveMembersBelow(db, root);
      const { members } = await repo.structureByCommune(root);
      expect(members, `distinct members below unit ${root}`).toBe(live);
      out.push(members);
    }
    return out;
  }

  /** The roll-up API's figures against a hand count of the activities below the province. */
  async function expectRollupMatches() {
    const { stored, counted } = await both();
    expect(stored).toEqual(counted);
    await expectMembersMatch();
    const res = await s.call(s.leader, 'GET', `/api/community/rollup?unitId=${s.tree.province}&year=${YEAR}`);
    expect(res.status).toBe(200);
    const acts = await s.t.deps.db
      .selectFrom('communityActivities')
      .select(['communeId', 'activityDate', 'peopleReached', 'householdsReached'])
      .where('activityDate', '>=', `${YEAR}-01-01`)
      .where('activityDate', '<=', `${YEAR}-12-31`)
      .execute();
    for (const communeId of [s.tree.communeA, s.tree.communeB]) {
      const mine = acts.filter((a) => a.communeId === communeId);
      const view = res.body.communes.find((c: { communeId: number }) => c.communeId === communeId);
      expect(view.sessions).toBe(mine.length);
      expect(view.people).toBe(mine.reduce((t, a) => t + a.peopleReached, 0));
      expect(view.households).toBe(mine.reduce((t, a) => t + a.householdsReached, 0));
      const months = new Map<number, number>();
      for (const a of mine) {
        const m = Number(a.activityDate.slice(5, 7));
        months.set(m, (months.get(m) ?? 0) + 1);
      }
      expect(view.months.map((m: { month: number; sessions: number }) => [m.month, m.sessions])).toEqual(
        [...months.entries()].sort((a, b) => a[0] - b[0]),
      );
    }
    expect(res.body.totals.sessions).toBe(acts.length);
    const skills = await s.t.deps.db
      .selectFrom('communityActivitySkills')
      .select(['skill', (e) => e.fn.countAll().as('n')])
      .where('activityDate', '>=', `${YEAR}-01-01`)
      .groupBy('skill')
      .execute();
    expect(
      Object.fromEntries(
        res.body.perSkill.map((p: { skill: string; sessions: number }) => [p.skill, p.sessions]),
      ),
    ).toEqual(Object.fromEntries(skills.map((r) => [r.skill, Number(r.n)])));
    return res.body;
  }

  it('follows activities logged and deleted through the API', async () => {
    const log = async (teamId: number, activityDate: string, place: string, people: number) => {
      const res = await s.call(s.secretariat, 'POST', '/api/community/activities', {
        teamId,
        activityDate,
        place,
        kind: 'home',
        skills: ['vneid_level2', 'online_public_services'],
        peopleReached: people,
        householdsReached: 2,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    };
    await log(teamA, '2026-01-10', 'Nhà ông Ba', 10);
    await log(teamA, '2026-01-20', 'Nhà bà Tư', 7);
    await log(teamA, '2026-03-05', 'Nhà văn hoá', 30);
    await log(teamB, '2026-03-06', 'Chợ xã', 12);
    await log(teamB, '2025-12-30', 'Chợ xã', 5);
    const first = await expectRollupMatches();
    expect(first.totals.sessions).toBe(4);

    expect((await s.call(s.secretariat, 'DELETE', `/api/community/activities/${ids[1]}`)).status).toBe(204);
    const after = await expectRollupMatches();
    expect(after.totals.sessions).toBe(3);
    expect(after.totals.people).toBe(52);
  });

  it('follows edits of date, people and households, and a bulk import of activities with skill rows', async () => {
    const db = s.t.deps.db;
    await db
      .updateTable('communityActivities')
      .set({ activityDate: '2026-02-11', peopleReached: 99, householdsReached: 9 })
      .where('id', '=', ids[0])
      .execute();
    await db
      .updateTable('communityActivitySkills')
      .set({ activityDate: '2026-02-11', peopleReached: 99 })
      .where('activityId', '=', ids[0])
      .execute();
    await expectRollupMatches();

    const next = Number(
      (
        await db
          .selectFrom('communityActivities')
          .select((e) => e.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );
    const rows = Array.from({ length: 120 }, (_, i) => ({
      id: next + 1 + i,
      teamId: i % 2 ? teamA : teamB,
      communeId: i % 2 ? s.tree.communeA : s.tree.communeB,
      date: `2026-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      people: i % 13,
    }));
    await db.transaction().execute(async (trx) => {
      await bulkInsert(
        db,
        trx,
        'community_activities',
        [
          ...['id', 'team_id', 'commune_id'].map((name) => ({ name, pgType: 'int4' as const })),
          ...['activity_date', 'place', 'kind', 'skills'].map((name) => ({ name, pgType: 'text' as const })),
          ...['people_reached', 'households_reached'].map((name) => ({ name, pgType: 'int4' as const })),
          { name: 'created_at', pgType: 'text' as const },
        ],
        [
          rows.map((r) => r.id),
          rows.map((r) => r.teamId),
          rows.map((r) => r.communeId),
          rows.map((r) => r.date),
          rows.map((r) => `Điểm ${r.id}`),
          rows.map(() => 'home'),
          rows.map(() => '["cashless_payment"]'),
          rows.map((r) => r.people),
          rows.map((r) => r.people % 4),
          rows.map(() => '2026-11-01T00:00:00.000Z'),
        ],
      );
      await bulkInsert(
        db,
        trx,
        'community_activity_skills',
        [
          { name: 'activity_id', pgType: 'int4' },
          { name: 'commune_id', pgType: 'int4' },
          { name: 'activity_date', pgType: 'text' },
          { name: 'skill', pgType: 'text' },
          { name: 'people_reached', pgType: 'int4' },
        ],
        [
          rows.map((r) => r.id),
          rows.map((r) => r.communeId),
          rows.map((r) => r.date),
          rows.map(() => 'cashless_payment'),
          rows.map((r) => r.people),
        ],
      );
    });
    // The import gave its own ids: PostgreSQL's identity sequence moves past them, as an import does.
    if (dialect === 'postgres')
      await sql`select setval(pg_get_serial_sequence('community_activities', 'id'),
                (select max(id) from community_activities))`.execute(db);
    const view = await expectRollupMatches();
    expect(view.totals.sessions).toBe(123);
  });

  it('follows members added and ended through the API, a person on teams of two communes, a team moved to another commune, and deletes', async () => {
    const db = s.t.deps.db;
    const village = async (code: string) => {
      const res = await s.call(s.secretariat, 'POST', '/api/community/villages', {
        communeId: s.tree.communeA,
        code,
        name: `Thôn ${code}`,
      });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    const created = await s.call(s.secretariat, 'POST', '/api/community/teams', {
      unitId: await village('M01'),
      name: 'Tổ CNSCĐ thôn M01',
      decisionDate: '2025-08-01',
    });
    expect(created.status).toBe(201);
    const teamA2 = created.body.id as number;
    const join = async (teamId: number, fullName: string, phone: string, endDate?: string) => {
      const res = await s.call(s.secretariat, 'POST', `/api/community/teams/${teamId}/members`, {
        fullName,
        phone,
        role: 'member',
        organisation: 'youth_union',
        startDate: '2025-09-01',
        ...(endDate ? { endDate } : {}),
      });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    const before = await expectMembersMatch();
    // Hà serves in commune A and commune B; Sơn in A; Tú in B; Vân joined and left in B (not current).
    const haA = await join(teamA, 'Nguyễn Thu Hà', '0912 000 001');
    const haB = await join(teamB, 'Nguyễn Thu Hà', '0912 000 001');
    const son = await join(teamA, 'Trần Văn Sơn', '0912 000 002');
    await join(teamB, 'Lê Thị Tú', '0912 000 003');
    await join(teamB, 'Phạm Thị Vân', '0912 000 004', '2026-02-01');
    await expectRollupMatches();
    const plus = (d: number[]) => before.map((b, i) => b + d[i]);
    // [province, commune A, commune B]: Hà counted once in the province.
    expect(await expectMembersMatch()).toEqual(plus([3, 2, 2]));
    // Hà on a second team of commune A: still one person there.
    const haA2 = await join(teamA2, 'Nguyễn Thu Hà', '0912 000 001');
    expect((await both()).stored).toContainEqual([
      'memberships',
      expect.any(String),
      String(s.tree.communeA),
      2,
      0,
      0,
    ]);
    expect(await expectMembersMatch()).toEqual(plus([3, 2, 2]));
    // Hà leaves commune B's team (through the API): she is no longer counted there.
    const ended = await s.call(s.secretariat, 'POST', `/api/community/teams/${teamB}/members/${haB}/end`, {
      endDate: '2026-10-01',
    });
    expect(ended.status).toBe(200);
    await expectRollupMatches();
    expect(await expectMembersMatch()).toEqual(plus([3, 2, 1]));
    // Her second team of commune A moves to commune B: her membership moves with it.
    await db
      .updateTable('communityTeams')
      .set({ communeId: s.tree.communeB })
      .where('id', '=', teamA2)
      .execute();
    await expectRollupMatches();
    expect(await expectMembersMatch()).toEqual(plus([3, 2, 2]));
    // A membership ended and opened again in SQL, and one deleted.
    await db.updateTable('communityMembers').set({ endDate: '2026-09-01' }).where('id', '=', haA).execute();
    await expectRollupMatches();
    expect(await expectMembersMatch()).toEqual(plus([3, 1, 2]));
    await db.updateTable('communityMembers').set({ endDate: null }).where('id', '=', haA).execute();
    await db.deleteFrom('communityMembers').where('id', '=', son).execute();
    await expectRollupMatches();
    expect(await expectMembersMatch()).toEqual(plus([2, 1, 2]));
    // A member moved to another team (of the other commune) in SQL.
    await db
      .updateTable('communityMembers')
      .set({ teamId: teamA, startDate: '2025-10-01' })
      .where('id', '=', haA2)
      .execute();
    await expectRollupMatches();
    expect(await expectMembersMatch()).toEqual(plus([2, 1, 1]));
    // A team and its members deleted: members first (foreign keys), or on SQLite with foreign keys deferred (as a
    // restore does) the team first; and a team written after its members. The key never comes out NULL.
    await db.updateTable('communityMembers').set({ teamId: teamA2 }).where('id', '=', haA2).execute();
    await expectRollupMatches();
    const team2 = await db
      .selectFrom('communityTeams')
      .selectAll()
      .where('id', '=', teamA2)
      .executeTakeFirstOrThrow();
    const members2 = await db
      .selectFrom('communityMembers')
      .selectAll()
      .where('teamId', '=', teamA2)
      .execute();
    expect(members2).toHaveLength(1);
    await db.transaction().execute(async (trx) => {
      if (dialect === 'sqlite') {
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        await trx.deleteFrom('communityTeams').where('id', '=', teamA2).execute();
        await trx.deleteFrom('communityMembers').where('teamId', '=', teamA2).execute();
      } else {
        await trx.deleteFrom('communityMembers').where('teamId', '=', teamA2).execute();
        await trx.deleteFrom('communityTeams').where('id', '=', teamA2).execute();
      }
    });
    await expectRollupMatches();
    expect(await expectMembersMatch()).toEqual(plus([2, 1, 1]));
    await db.transaction().execute(async (trx) => {
      if (dialect === 'sqlite') {
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        await trx.insertInto('communityMembers').values(members2).execute();
        await trx.insertInto('communityTeams').values(team2).execute();
      } else {
        await trx.insertInto('communityTeams').values(team2).execute();
        await trx.insertInto('communityMembers').values(members2).execute();
      }
    });
    await expectRollupMatches();
    expect(await expectMembersMatch()).toEqual(plus([2, 1, 2]));
  });

  it('follows a team moved to another village after a merger, and a commune merger re-homing a team', async () => {
    const db = s.t.deps.db;
    const village = async (code: string) => {
      const res = await s.call(s.secretariat, 'POST', '/api/community/villages', {
        communeId: s.tree.communeA,
        code,
        name: `Thôn ${code}`,
      });
      expect(res.body).toMatchObject({ code });
      return res.body.id as number;
    };
    const v1 = await village('T01');
    const team = {
      unitId: v1,
      name: 'Tổ CNSCĐ thôn T01',
      decisionDate: '2025-09-01',
    };
    const created = await s.call(s.secretariat, 'POST', '/api/community/teams', team);
    expect(created.status).toBe(201);
    for (const [activityDate, place] of [
      ['2026-04-02', 'Nhà văn hoá T01'],
      ['2026-05-09', 'Sân T01'],
    ])
      expect(
        (
          await s.call(s.secretariat, 'POST', '/api/community/activities', {
            teamId: created.body.id,
            activityDate,
            place,
            kind: 'village_hall',
            skills: ['vneid_level2'],
            peopleReached: 20,
            householdsReached: 8,
          })
        ).status,
      ).toBe(201);
    await expectRollupMatches();
    // The village merges into a new one (lineage) and its team follows it.
    const merged = await s.call(s.secretariat, 'POST', '/api/community/villages/merge', {
      communeId: s.tree.communeA,
      fromIds: [v1],
      into: { code: 'T09', name: 'Thôn T09' },
      effectiveDate: '2026-06-01',
    });
    expect(merged.status).toBe(201);
    const moved = await s.call(s.secretariat, 'PUT', `/api/community/teams/${created.body.id}`, {
      ...team,
      unitId: merged.body.id,
    });
    expect(moved.status).toBe(200);
    await expectRollupMatches();

    // A commune merger: commune A's teams and everything they logged now belong to commune B, in one
    // transaction (the activities carry their commune, so the sums must move with them).
    const before = await expectRollupMatches();
    const teamIds = (
      await db.selectFrom('communityTeams').select('id').where('communeId', '=', s.tree.communeA).execute()
    ).map((t) => t.id);
    expect(teamIds).toContain(teamA);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('communityTeams')
        .set({ communeId: s.tree.communeB })
        .where('id', 'in', teamIds)
        .execute();
      await trx
        .updateTable('communityActivities')
        .set({ communeId: s.tree.communeB })
        .where('teamId', 'in', teamIds)
        .execute();
      await trx
        .updateTable('communityActivitySkills')
        .set({ communeId: s.tree.communeB })
        .where('communeId', '=', s.tree.communeA)
        .execute();
    });
    const after = await expectRollupMatches();
    const of = (v: typeof after, id: number) =>
      v.communes.find((c: { communeId: number }) => c.communeId === id);
    expect(of(before, s.tree.communeA).sessions).toBeGreaterThan(0);
    expect(of(after, s.tree.communeA).sessions).toBe(0);
    expect(of(after, s.tree.communeB).sessions).toBe(after.totals.sessions);
    expect(after.totals.sessions).toBe(before.totals.sessions);

    // A team dissolved, then active again: the teams count per commune follows (and the roll-up's teams).
    await db.updateTable('communityTeams').set({ status: 'dissolved' }).where('id', '=', teamB).execute();
    const dissolved = await expectRollupMatches();
    expect(dissolved.totals.teams).toBe(after.totals.teams - 1);
    await db.updateTable('communityTeams').set({ status: 'active' }).where('id', '=', teamB).execute();
    const active = await expectRollupMatches();
    expect(active.totals.teams).toBe(after.totals.teams);
    // A member joins: the roll-up's structure, reused while only activities change, is read again.
    const joined = await s.call(s.secretariat, 'POST', `/api/community/teams/${teamB}/members`, {
      fullName: 'Lò Văn Mạnh',
      phone: '0987 654 321',
      role: 'member',
      organisation: 'youth_union',
      startDate: '2025-09-01',
    });
    expect(joined.status).toBe(201);
    expect((await expectRollupMatches()).totals.members).toBe(active.totals.members + 1);
  });

  it('rebuilds the sums from the activities when asked, to the same figures', async () => {
    const db = s.t.deps.db;
    const { stored } = await both();
    // Damage a row as a write with triggers off would, then repair.
    await sql`update community_activity_months set sessions = sessions + 5`.execute(db);
    await sql`update community_skill_years set people = people + 1`.execute(db);
    await sql`update community_commune_teams set teams = teams + 2`.execute(db);
    await sql`update unit_village_counts set villages = villages + 1`.execute(db);
    await sql`update community_person_communes set memberships = memberships + 1`.execute(db);
    await sql`update community_commune_people set people = people + 3`.execute(db);
    await sql`update community_person_spread set communes = communes + 1`.execute(db);
    expect((await both()).stored).not.toEqual(stored);
    await db.transaction().execute((trx) => createCommunityRepository(db).rebuildActivitySums(trx));
    expect((await both()).stored).toEqual(stored);
    await expectRollupMatches();
  });
});
