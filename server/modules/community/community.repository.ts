import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/schema.js';
import type {
  CommunityActivitiesTable,
  CommunityMembersTable,
  CommunityTeamsTable,
} from '../../db/schema-community.js';

// Kysely queries of the Community module (teams, people and members, activities, targets, roll-ups). No rules.

export type TeamRow = Selectable<CommunityTeamsTable> & { unitName: string; communeName: string };
export type ActivityRow = Selectable<CommunityActivitiesTable> & { teamName: string };
export type MemberRow = Selectable<CommunityMembersTable> & { fullName: string; phone: string | null };

const n = (v: unknown) => Number(v ?? 0);
/** Stored types of commune-level units (the stored kind may be older than the 'commune' kind). */
export const COMMUNE_TYPES = [
  'xã',
  'phường',
  'thị trấn',
  'đặc khu',
  'commune',
  'ward',
  'special_zone',
] as const;

export function createCommunityRepository(db: Kysely<DB>) {
  const teams = (exec: Executor) =>
    exec
      .selectFrom('communityTeams as t')
      .innerJoin('units as u', 'u.id', 't.unitId')
      .innerJoin('units as c', 'c.id', 't.communeId')
      .selectAll('t')
      .select(['u.name as unitName', 'c.name as communeName']);

  return {
    unit: (id: number, exec: Executor = db) =>
      exec
        .selectFrom('units')
        .select(['id', 'name', 'kind', 'type', 'level', 'parentId', 'structureId', 'validFrom', 'validTo'])
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Villages (kind 'village') directly below a commune, with their team if any. */
    villagesOf: (communeId: number, exec: Executor = db) =>
      exec
        .selectFrom('units as u')
        .leftJoin('communityTeams as t', 't.unitId', 'u.id')
        .select([
          'u.id',
          'u.parentId',
          'u.code',
          'u.name',
          'u.type',
          'u.validFrom',
          'u.validTo',
          't.id as teamId',
        ])
        .where('u.parentId', '=', communeId)
        .where('u.kind', '=', 'village')
        .orderBy('u.name')
        .execute(),

    findTeam: (id: number, exec: Executor = db): Promise<TeamRow | undefined> =>
      teams(exec).where('t.id', '=', id).executeTakeFirst(),
    teamOfUnit: (unitId: number, exec: Executor = db) =>
      teams(exec).where('t.unitId', '=', unitId).executeTakeFirst(),

    /** Teams of the communes in the subtree of `rootUnitId` (tree rows only). */
    listTeams: (rootUnitId: number, status: string | undefined, exec: Executor = db): Promise<TeamRow[]> => {
      let q = teams(exec)
        .innerJoin('unitClosure as uc', 'uc.descendantId', 't.unitId')
        .where('uc.ancestorId', '=', rootUnitId)
        .where('uc.viaLineage', '=', 0);
      if (status) q = q.where('t.status', '=', status as 'active');
      return q.orderBy('c.name').orderBy('t.name').orderBy('t.id').execute();
    },

    teamCounts: async (teamIds: number[], exec: Executor = db) => {
      if (!teamIds.length)
        return new Map<number, { members: number; activities: number; last: string | null }>();
      const members = await exec
        .selectFrom('communityMembers')
        .select(['teamId', (e) => e.fn.countAll().as('n')])
        .where('teamId', 'in', teamIds)
        .where('endDate', 'is', null)
        .groupBy('teamId')
        .execute();
      const acts = await exec
        .selectFrom('communityActivities')
        .select(['teamId', (e) => e.fn.countAll().as('n'), (e) => e.fn.max('activityDate').as('last')])
        .where('teamId', 'in', teamIds)
        .groupBy('teamId')
        .execute();
      const out = new Map<number, { members: number; activities: number; last: string | null }>();
      for (const id of teamIds) out.set(id, { members: 0, activities: 0, last: null });
      for (const m of members) out.get(m.teamId)!.members = n(m.n);
      for (const a of acts) Object.assign(out.get(a.teamId)!, { activities: n(a.n), last: a.last ?? null });
      return out;
    },

    insertTeam: (row: Insertable<CommunityTeamsTable>, exec: Executor = db) =>
      exec.insertInto('communityTeams').values(row).returning('id').executeTakeFirstOrThrow(),
    updateTeam: async (id: number, changes: Updateable<CommunityTeamsTable>, exec: Executor = db) => {
      await exec.updateTable('communityTeams').set(changes).where('id', '=', id).execute();
    },

    file: (publicId: string, exec: Executor = db) =>
      exec.selectFrom('files').selectAll().where('publicId', '=', publicId).executeTakeFirst(),
    filesByIds: (ids: number[], exec: Executor = db) =>
      ids.length
        ? exec.selectFrom('files').select(['id', 'publicId', 'originalName']).where('id', 'in', ids).execute()
        : Promise.resolve([]),

    // --- people and members
    personByPhone: (phone: string, exec: Executor = db) =>
      exec.selectFrom('communityPeople').selectAll().where('phone', '=', phone).executeTakeFirst(),
    insertPerson: (row: { fullName: string; phone: string | null; createdAt: string }, exec: Executor = db) =>
      exec.insertInto('communityPeople').values(row).returning('id').executeTakeFirstOrThrow(),
    membersOf: (teamId: number, exec: Executor = db): Promise<MemberRow[]> =>
      exec
        .selectFrom('communityMembers as m')
        .innerJoin('communityPeople as p', 'p.id', 'm.personId')
        .selectAll('m')
        .select(['p.fullName', 'p.phone'])
        .where('m.teamId', '=', teamId)
        .orderBy('m.endDate', 'desc')
        .orderBy('m.role')
        .orderBy('p.fullName')
        .execute(),
    findMember: (id: number, exec: Executor = db): Promise<MemberRow | undefined> =>
      exec
        .selectFrom('communityMembers as m')
        .innerJoin('communityPeople as p', 'p.id', 'm.personId')
        .selectAll('m')
        .select(['p.fullName', 'p.phone'])
        .where('m.id', '=', id)
        .executeTakeFirst(),
    /** Current memberships of each person on teams other than `teamId`. */
    otherTeamCounts: async (personIds: number[], teamId: number, exec: Executor = db) => {
      if (!personIds.length) return new Map<number, number>();
      const rows = await exec
        .selectFrom('communityMembers')
        .select(['personId', (e) => e.fn.count<number>('teamId').distinct().as('n')])
        .where('personId', 'in', personIds)
        .where('teamId', '!=', teamId)
        .where('endDate', 'is', null)
        .groupBy('personId')
        .execute();
      return new Map(rows.map((r) => [r.personId, n(r.n)]));
    },
    activeMembership: (teamId: number, personId: number, exec: Executor = db) =>
      exec
        .selectFrom('communityMembers')
        .select('id')
        .where('teamId', '=', teamId)
        .where('personId', '=', personId)
        .where('endDate', 'is', null)
        .executeTakeFirst(),
    insertMember: (row: Insertable<CommunityMembersTable>, exec: Executor = db) =>
      exec.insertInto('communityMembers').values(row).returning('id').executeTakeFirstOrThrow(),
    updateMember: async (id: number, changes: Updateable<CommunityMembersTable>, exec: Executor = db) => {
      await exec.updateTable('communityMembers').set(changes).where('id', '=', id).execute();
    },

    // --- activities
    activityByClientKey: (teamId: number, clientKey: string, exec: Executor = db) =>
      exec
        .selectFrom('communityActivities')
        .select('id')
        .where('teamId', '=', teamId)
        .where('clientKey', '=', clientKey)
        .executeTakeFirst(),
    sameActivity: (
      a: { teamId: number; activityDate: string; kind: string; place: string },
      exec: Executor = db,
    ) =>
      exec
        .selectFrom('communityActivities')
        .select('id')
        .where('teamId', '=', a.teamId)
        .where('activityDate', '=', a.activityDate)
        .where('kind', '=', a.kind as 'home')
        .where('place', '=', a.place)
        .executeTakeFirst(),
    insertActivity: async (
      row: Insertable<CommunityActivitiesTable>,
      skills: string[],
      exec: Executor = db,
    ) => {
      const { id } = await exec
        .insertInto('communityActivities')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      await exec
        .insertInto('communityActivitySkills')
        .values(
          skills.map((skill) => ({
            activityId: id,
            communeId: row.communeId,
            activityDate: row.activityDate,
            skill,
            peopleReached: row.peopleReached,
          })),
        )
        .execute();
      return id;
    },
    deleteActivity: async (id: number, exec: Executor = db) => {
      await exec.deleteFrom('communityActivitySkills').where('activityId', '=', id).execute();
      await exec.deleteFrom('communityActivities').where('id', '=', id).execute();
    },
    findActivity: (id: number, exec: Executor = db): Promise<ActivityRow | undefined> =>
      exec
        .selectFrom('communityActivities as a')
        .innerJoin('communityTeams as t', 't.id', 'a.teamId')
        .selectAll('a')
        .select('t.name as teamName')
        .where('a.id', '=', id)
        .executeTakeFirst(),
    listActivities: async (
      f: { rootUnitId: number; teamId?: number; from?: string; to?: string; limit: number; offset: number },
      exec: Executor = db,
    ) => {
      let q = exec
        .selectFrom('communityActivities as a')
        .innerJoin('communityTeams as t', 't.id', 'a.teamId')
        .innerJoin('unitClosure as uc', 'uc.descendantId', 't.unitId')
        .where('uc.ancestorId', '=', f.rootUnitId)
        .where('uc.viaLineage', '=', 0);
      if (f.teamId) q = q.where('a.teamId', '=', f.teamId);
      if (f.from) q = q.where('a.activityDate', '>=', f.from);
      if (f.to) q = q.where('a.activityDate', '<=', f.to);
      const total = n((await q.select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const items: ActivityRow[] = await q
        .selectAll('a')
        .select('t.name as teamName')
        .orderBy('a.activityDate', 'desc')
        .orderBy('a.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute();
      return { items, total };
    },
    activityCount: async (communeId: number, year: number, exec: Executor = db) =>
      n(
        (
          await exec
            .selectFrom('communityActivities')
            .select((e) => e.fn.countAll().as('n'))
            .where('communeId', '=', communeId)
            .where('activityDate', '>=', `${year}-01-01`)
            .where('activityDate', '<=', `${year}-12-31`)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    activeTeamCount: async (communeId: number, exec: Executor = db) =>
      n(
        (
          await exec
            .selectFrom('communityTeams')
            .select((e) => e.fn.countAll().as('n'))
            .where('communeId', '=', communeId)
            .where('status', '!=', 'dissolved')
            .executeTakeFirstOrThrow()
        ).n,
      ),

    // --- targets
    targetsOf: (communeIds: number[], year: number, exec: Executor = db) =>
      communeIds.length
        ? exec
            .selectFrom('communityTargets')
            .selectAll()
            .where('communeId', 'in', communeIds)
            .where('year', '=', year)
            .execute()
        : Promise.resolve([]),
    replaceTargets: async (
      communeId: number,
      year: number,
      rows: { metric: 'teams' | 'sessions' | 'people'; skill: string; value: number }[],
      now: string,
      exec: Executor = db,
    ) => {
      await exec
        .deleteFrom('communityTargets')
        .where('communeId', '=', communeId)
        .where('year', '=', year)
        .execute();
      if (rows.length)
        await exec
          .insertInto('communityTargets')
          .values(rows.map((r) => ({ ...r, communeId, year, updatedAt: now })))
          .execute();
    },

    // --- roll-ups (aggregation in SQL)
    /** Communes (kind 'commune') in the subtree of `rootUnitId`, the root itself included when it is one. */
    communesIn: (rootUnitId: number, exec: Executor = db) =>
      exec
        .selectFrom('units as u')
        .innerJoin('unitClosure as uc', 'uc.descendantId', 'u.id')
        .select(['u.id', 'u.name'])
        .where('uc.ancestorId', '=', rootUnitId)
        .where('uc.viaLineage', '=', 0)
        .where((e) => e.or([e('u.kind', '=', 'commune'), e('u.type', 'in', [...COMMUNE_TYPES])]))
        .where('u.validTo', 'is', null)
        .orderBy('u.name')
        .execute(),
    /** Which of the unit's direct sub-units (not communes themselves) holds which current commune. */
    areasOf: (rootUnitId: number, exec: Executor = db) =>
      exec
        .selectFrom('units as a')
        .innerJoin('unitClosure as uc', 'uc.ancestorId', 'a.id')
        .innerJoin('units as c', 'c.id', 'uc.descendantId')
        .select(['a.id as areaId', 'a.name as areaName', 'c.id as communeId'])
        .where('a.parentId', '=', rootUnitId)
        .where('a.validTo', 'is', null)
        .where('a.kind', '!=', 'commune')
        .where('a.type', 'not in', [...COMMUNE_TYPES])
        .where('uc.viaLineage', '=', 0)
        .where((e) => e.or([e('c.kind', '=', 'commune'), e('c.type', 'in', [...COMMUNE_TYPES])]))
        .where('c.validTo', 'is', null)
        .orderBy('a.name')
        .orderBy('a.id')
        .execute(),
    /**
     * Sessions, people and households per commune and month of `year` below `rootUnitId`, from the monthly
     * sums the triggers keep (community_activity_months), not from the activities themselves.
     */
    monthlyByCommune: (rootUnitId: number, year: number, exec: Executor = db) =>
      exec
        .selectFrom('communityActivityMonths as s')
        .innerJoin('unitClosure as uc', 'uc.descendantId', 's.communeId')
        .select(['s.communeId', 's.month', 's.sessions', 's.people', 's.households'])
        .where('uc.ancestorId', '=', rootUnitId)
        .where('uc.viaLineage', '=', 0)
        .where('s.month', '>=', `${year}-01`)
        .where('s.month', '<=', `${year}-12`)
        .where('s.sessions', '>', 0)
        .execute()
        .then((rows) =>
          rows.map((r) => ({
            communeId: r.communeId,
            month: Number(r.month.slice(5, 7)),
            sessions: n(r.sessions),
            people: n(r.people),
            households: n(r.households),
          })),
        ),
    /** Sessions and people per skill taught in `year` below `rootUnitId`, from the yearly sums per skill. */
    perSkill: (rootUnitId: number, year: number, exec: Executor = db) =>
      exec
        .selectFrom('communitySkillYears as s')
        .innerJoin('unitClosure as uc', 'uc.descendantId', 's.communeId')
        .select([
          's.skill',
          (e) => e.fn.sum('s.sessions').as('sessions'),
          (e) => e.fn.sum('s.people').as('people'),
        ])
        .where('uc.ancestorId', '=', rootUnitId)
        .where('uc.viaLineage', '=', 0)
        .where('s.year', '=', year)
        .where('s.sessions', '>', 0)
        .groupBy('s.skill')
        .execute()
        .then((rows) => rows.map((r) => ({ skill: r.skill, sessions: n(r.sessions), people: n(r.people) }))),
    /**
     * Recomputes the summaries (activity months, skill years, teams per commune, villages per parent, current
     * memberships per person and commune, people per commune, communes per person) from their sources. The
     * triggers keep them; this is the repair path should they ever be doubted (e.g. rows written with triggers
     * disabled). Run in a transaction.
     */
    rebuildActivitySums: async (exec: Executor = db) => {
      await exec.deleteFrom('communityActivityMonths').execute();
      await exec.deleteFrom('communitySkillYears').execute();
      await sql`insert into community_activity_months (month, commune_id, sessions, people, households)
        select substr(activity_date, 1, 7), commune_id, count(*), sum(people_reached), sum(households_reached)
          from community_activities group by 1, 2`.execute(exec);
      await sql`insert into community_skill_years (year, skill, commune_id, sessions, people)
        select cast(substr(activity_date, 1, 4) as integer), skill, commune_id, count(*), sum(people_reached)
          from community_activity_skills group by 1, 2, 3`.execute(exec);
      await exec.deleteFrom('communityCommuneTeams').execute();
      await exec.deleteFrom('unitVillageCounts').execute();
      await sql`insert into community_commune_teams (commune_id, teams)
        select commune_id, sum(case when status <> 'dissolved' then 1 else 0 end) from community_teams group by 1`.execute(
        exec,
      );
      await sql`insert into unit_village_counts (parent_id, villages)
        select coalesce(parent_id, 0), sum(case when kind = 'village' and valid_to is null then 1 else 0 end)
          from units group by 1`.execute(exec);
      // The memberships' inserts fill the two summaries chained on them through their triggers; these are then
      // recomputed from the memberships too, so a repair does not rely on those triggers either.
      await exec.deleteFrom('communityPersonCommunes').execute();
      await sql`insert into community_person_communes (person_id, commune_id, memberships)
        select m.person_id, t.commune_id, sum(case when m.end_date is null then 1 else 0 end)
          from community_members m join community_teams t on t.id = m.team_id group by 1, 2`.execute(exec);
      await exec.deleteFrom('communityCommunePeople').execute();
      await exec.deleteFrom('communityPersonSpread').execute();
      await sql`insert into community_commune_people (commune_id, people)
        select commune_id, sum(case when memberships > 0 then 1 else 0 end)
          from community_person_communes group by 1`.execute(exec);
      await sql`insert into community_person_spread (person_id, communes)
        select person_id, sum(case when memberships > 0 then 1 else 0 end)
          from community_person_communes group by 1`.execute(exec);
    },
    /**
     * Teams (not dissolved), members (current) and villages per commune below `rootUnitId`, all from counts
     * triggers keep: teams and villages (migration 2026-12-07-2100), and the distinct current members (migration
     * 2026-12-07-2300) as the persons counted in each commune below the root, less the repeats of the few
     * persons with memberships in more than one commune: for each, its communes below the root − 1. The same
     * figure as a count of the distinct person_id of current members of teams whose commune is below the root.
     */
    structureByCommune: async (rootUnitId: number, exec: Executor = db) => {
      // Independent reads: on PostgreSQL they run on separate pooled connections at once.
      const [teamRows, memberRows, villageRows] = await Promise.all([
        exec
          .selectFrom('communityCommuneTeams as s')
          .innerJoin('unitClosure as uc', 'uc.descendantId', 's.communeId')
          .select(['s.communeId', 's.teams as n'])
          .where('uc.ancestorId', '=', rootUnitId)
          .where('uc.viaLineage', '=', 0)
          .where('s.teams', '<>', 0)
          .execute(),
        sql<{ people: number | string | null; repeats: number | string | null }>`select
            (select sum(p.people) from community_commune_people p
               join unit_closure uc on uc.descendant_id = p.commune_id
              where uc.ancestor_id = ${rootUnitId} and uc.via_lineage = 0) as people,
            (select sum(x.k - 1) from (
               select pc.person_id, count(*) as k from community_person_spread s
                 join community_person_communes pc on pc.person_id = s.person_id and pc.memberships > 0
                 join unit_closure uc on uc.descendant_id = pc.commune_id
                where s.communes > 1 and uc.ancestor_id = ${rootUnitId} and uc.via_lineage = 0
                group by pc.person_id) x) as repeats`
          .execute(exec)
          .then((r) => ({ n: n(r.rows[0]?.people) - n(r.rows[0]?.repeats) })),
        exec
          .selectFrom('unitVillageCounts as s')
          .innerJoin('unitClosure as uc', 'uc.descendantId', 's.parentId')
          .select(['s.parentId', 's.villages as n'])
          .where('uc.ancestorId', '=', rootUnitId)
          .where('uc.viaLineage', '=', 0)
          .where('s.villages', '<>', 0)
          .execute(),
      ]);
      return {
        teams: new Map(teamRows.map((r) => [r.communeId, n(r.n)])),
        villages: new Map(villageRows.map((r) => [r.parentId as number, n(r.n)])),
        members: n(memberRows.n),
      };
    },

    // --- public
    publicTeams: (communeId: number, year: number, exec: Executor = db) =>
      exec
        .selectFrom('communityTeams as t')
        .innerJoin('units as u', 'u.id', 't.unitId')
        .select((e) => [
          't.id',
          't.name',
          'u.name as villageName',
          e
            .selectFrom('communityMembers as m')
            .select((x) => x.fn.countAll().as('n'))
            .whereRef('m.teamId', '=', 't.id')
            .where('m.endDate', 'is', null)
            .as('members'),
          e
            .selectFrom('communityActivities as a')
            .select((x) => x.fn.countAll().as('n'))
            .whereRef('a.teamId', '=', 't.id')
            .where('a.activityDate', '>=', `${year}-01-01`)
            .where('a.activityDate', '<=', `${year}-12-31`)
            .as('activities'),
        ])
        .where('t.communeId', '=', communeId)
        .where('t.status', '=', 'active')
        .orderBy('u.name')
        .execute(),
    leadersOf: (teamIds: number[], exec: Executor = db) =>
      teamIds.length
        ? exec
            .selectFrom('communityMembers as m')
            .innerJoin('communityPeople as p', 'p.id', 'm.personId')
            .select(['m.teamId', 'm.role', 'p.fullName', 'p.phone'])
            .where('m.teamId', 'in', teamIds)
            .where('m.endDate', 'is', null)
            .where('m.role', 'in', ['leader', 'deputy'])
            .execute()
        : Promise.resolve([]),
    publicCommunes: (exec: Executor = db) =>
      exec
        .selectFrom('communityTeams as t')
        .innerJoin('units as c', 'c.id', 't.communeId')
        .select(['c.id', 'c.name', (e) => e.fn.countAll().as('teams')])
        .where('t.status', '=', 'active')
        .where('c.validTo', 'is', null)
        .groupBy(['c.id', 'c.name'])
        .orderBy('c.name')
        .execute()
        .then((rows) => rows.map((r) => ({ id: r.id, name: r.name, teams: n(r.teams) }))),
  };
}
export type CommunityRepository = ReturnType<typeof createCommunityRepository>;
