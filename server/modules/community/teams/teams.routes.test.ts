import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type CommunityScenario, communityScenario } from '../community-test-fixtures.js';

// Villages, teams, members and activities on both databases: a commune's officer adds villages (units below the
// commune, in its scope), registers a team with members (one person on two teams), logs activities (a resend by
// client key is harmless); bad input is a Vietnamese problem+json and nothing is half-saved; phones are whole
// only inside the commune; the KPIs fill the kpis module; the roll-up matches a hand-computed table.

describe.each(testDialects())('Community teams on %s', (dialect) => {
  let s: CommunityScenario;
  let villageA1: number;
  let villageA2: number;
  let teamA1: number;
  let teamA2: number;
  beforeAll(async () => {
    s = await communityScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  it('adds villages below a commune through the units module (401 → 403 → 201), in the commune scope', async () => {
    const body = { communeId: s.tree.communeA, code: 'T01', name: 'Thôn Đồng Tâm', type: 'thôn' };
    expect((await s.call(null, 'POST', '/api/community/villages', body)).status).toBe(401);
    expect((await s.call(s.officerB, 'POST', '/api/community/villages', body)).status).toBe(403);
    expect((await s.call(s.leader, 'POST', '/api/community/villages', body)).status).toBe(403);
    const created = await s.call(s.officerA, 'POST', '/api/community/villages', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ communeId: s.tree.communeA, name: 'Thôn Đồng Tâm', teamId: null });
    villageA1 = created.body.id;
    villageA2 = (
      await s.call(s.officerA, 'POST', '/api/community/villages', {
        communeId: s.tree.communeA,
        code: 'T02',
        name: 'Tổ dân phố 2',
        type: 'tổ dân phố',
      })
    ).body.id;
    const unit = await s.call(s.secretariat, 'GET', `/api/units/${villageA1}`);
    expect(unit.body).toMatchObject({ kind: 'village', parentId: s.tree.communeA });
    // The closure makes the commune's scope cover the village.
    const closure = await s.t.deps.db
      .selectFrom('unitClosure')
      .select('ancestorId')
      .where('descendantId', '=', villageA1)
      .execute();
    expect(closure.map((r) => r.ancestorId).sort()).toEqual(
      [villageA1, s.tree.communeA, s.tree.province].sort(),
    );
    const dup = await s.call(s.officerA, 'POST', '/api/community/villages', body);
    expect(dup.status).toBe(409);
    const list = await s.call(s.officerA, 'GET', `/api/community/villages?communeId=${s.tree.communeA}`);
    expect(list.body.items.map((v: { name: string }) => v.name)).toEqual(['Thôn Đồng Tâm', 'Tổ dân phố 2']);
  });

  it('registers a team per village, refuses a second one and a village of another commune', async () => {
    const team = {
      unitId: villageA1,
      name: 'Tổ CNSCĐ thôn Đồng Tâm',
      decisionNumber: '45/QĐ-UBND',
      decisionDate: '2025-08-01',
      decisionSigner: 'Nguyễn Văn An',
    };
    expect((await s.call(s.officerB, 'POST', '/api/community/teams', team)).status).toBe(403);
    const created = await s.call(s.officerA, 'POST', '/api/community/teams', team);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      communeId: s.tree.communeA,
      status: 'active',
      memberCount: 0,
      can: { manage: true },
    });
    teamA1 = created.body.id;
    const again = await s.call(s.officerA, 'POST', '/api/community/teams', { ...team, name: 'Tổ thứ hai' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('đã có Tổ');
    const notVillage = await s.call(s.secretariat, 'POST', '/api/community/teams', {
      ...team,
      unitId: s.tree.department,
    });
    expect(notVillage.status).toBe(400);
    expect(notVillage.body.errors[0]).toMatchObject({ field: 'body.unitId', code: 'community.not_village' });
    teamA2 = (
      await s.call(s.officerA, 'POST', '/api/community/teams', {
        ...team,
        unitId: villageA2,
        name: 'Tổ CNSCĐ TDP 2',
        decisionDate: '2025-09-15',
      })
    ).body.id;
    expect(await s.count('communityTeams')).toBe(2);
    expect(await s.kpi(s.tree.communeA, 'COMMUNITY_TEAMS', '2026-Q2')).toBe(2);
  });

  it('adds members with validated phones; one person serves on two teams; phones masked outside the commune', async () => {
    const member = {
      fullName: 'Trần Thị Bình',
      phone: '0912 345 678',
      role: 'leader',
      organisation: 'youth_union',
      startDate: '2025-08-01',
    };
    const bad = await s.call(s.officerA, 'POST', `/api/community/teams/${teamA1}/members`, {
      ...member,
      phone: '12345',
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.phone', code: 'community.phone_invalid' });
    expect(bad.body.errors[0].message).toContain('Số điện thoại');
    const early = await s.call(s.officerA, 'POST', `/api/community/teams/${teamA1}/members`, {
      ...member,
      startDate: '2025-01-01',
    });
    expect(early.status).toBe(400);
    expect(await s.count('communityPeople')).toBe(0);

    const added = await s.call(s.officerA, 'POST', `/api/community/teams/${teamA1}/members`, member);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ phone: '0912345678', phoneMasked: false, otherTeams: 0 });
    const twice = await s.call(s.officerA, 'POST', `/api/community/teams/${teamA1}/members`, member);
    expect(twice.status).toBe(409);
    const second = await s.call(s.officerA, 'POST', `/api/community/teams/${teamA2}/members`, {
      ...member,
      phone: '+84 912.345.678',
      role: 'member',
      startDate: '2025-10-01',
    });
    expect(second.status).toBe(201);
    expect(second.body.personId).toBe(added.body.personId);
    expect(second.body.otherTeams).toBe(1);
    expect(await s.count('communityPeople')).toBe(1);

    const own = await s.call(s.officerA, 'GET', `/api/community/teams/${teamA1}`);
    expect(own.body.members[0]).toMatchObject({ phone: '0912345678', phoneMasked: false, otherTeams: 1 });
    const province = await s.call(s.leader, 'GET', `/api/community/teams/${teamA1}`);
    expect(province.status).toBe(200);
    expect(province.body.members[0]).toMatchObject({ phone: '091****678', phoneMasked: true });
    expect(province.body.can.manage).toBe(false);
    expect((await s.call(s.officerB, 'GET', `/api/community/teams/${teamA1}`)).status).toBe(403);
    // The audit log keeps the phone masked.
    const audit = await s.t.deps.db
      .selectFrom('auditLog')
      .select('afterJson')
      .where('action', '=', 'community.member.add')
      .execute();
    expect(audit.length).toBe(2);
    expect(audit.every((a) => !a.afterJson?.includes('0912345678'))).toBe(true);

    const ended = await s.call(
      s.officerA,
      'POST',
      `/api/community/teams/${teamA2}/members/${second.body.id}/end`,
      { endDate: '2026-03-31' },
    );
    expect(ended.body.endDate).toBe('2026-03-31');
  });

  it('logs activities; bad input is refused whole; a queued resend is harmless; the KPI follows', async () => {
    const activity = {
      teamId: teamA1,
      activityDate: '2026-03-05',
      place: 'Nhà văn hoá thôn Đồng Tâm',
      kind: 'village_hall',
      skills: ['vneid_level2', 'online_public_services'],
      peopleReached: 35,
      householdsReached: 20,
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ activityDate: '2026-06-16' }, 'body.activityDate', 'community.activity_future'],
      [{ activityDate: '2025-07-31' }, 'body.activityDate', 'community.activity_before_team'],
      [{ peopleReached: -1 }, 'body.peopleReached', 'community.negative_count'],
    ];
    for (const [patch, field, code] of cases) {
      const res = await s.call(s.officerA, 'POST', '/api/community/activities', { ...activity, ...patch });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field, code });
    }
    const unknownSkill = await s.call(s.officerA, 'POST', '/api/community/activities', {
      ...activity,
      skills: ['juggling'],
    });
    expect(unknownSkill.status).toBe(400);
    expect(await s.count('communityActivities')).toBe(0);

    const first = await s.call(s.officerA, 'POST', '/api/community/activities', {
      ...activity,
      clientKey: 'offline-key-0001',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ replayed: false, skills: ['vneid_level2', 'online_public_services'] });
    const resend = await s.call(s.officerA, 'POST', '/api/community/activities', {
      ...activity,
      clientKey: 'offline-key-0001',
    });
    expect(resend.status).toBe(200);
    expect(resend.body).toMatchObject({ id: first.body.id, replayed: true });
    const duplicate = await s.call(s.officerA, 'POST', '/api/community/activities', activity);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toContain('đã được ghi');
    expect((await s.call(s.officerB, 'POST', '/api/community/activities', activity)).status).toBe(403);

    const more = [
      {
        teamId: teamA1,
        activityDate: '2026-03-20',
        kind: 'home',
        skills: ['cashless_payment'],
        peopleReached: 6,
        householdsReached: 3,
      },
      {
        teamId: teamA2,
        activityDate: '2026-04-02',
        kind: 'one_stop',
        skills: ['online_public_services'],
        peopleReached: 12,
        householdsReached: 10,
      },
      {
        teamId: teamA2,
        activityDate: '2026-04-09',
        kind: 'online',
        skills: ['online_safety', 'ecommerce'],
        peopleReached: 50,
        householdsReached: 0,
      },
      {
        teamId: teamA1,
        activityDate: '2025-12-20',
        kind: 'home',
        skills: ['vneid_level2'],
        peopleReached: 2,
        householdsReached: 1,
      },
    ];
    for (const [i, a] of more.entries()) {
      const res = await s.call(s.officerA, 'POST', '/api/community/activities', { ...a, place: `Nơi ${i}` });
      expect(res.status).toBe(201);
    }
    expect(await s.kpi(s.tree.communeA, 'COMMUNITY_ACTIVITIES', '2026')).toBe(4);
    expect(await s.kpi(s.tree.communeA, 'COMMUNITY_ACTIVITIES', '2025')).toBe(1);

    const list = await s.call(
      s.leader,
      'GET',
      `/api/community/activities?unitId=${s.tree.province}&from=2026-01-01`,
    );
    expect(list.body.total).toBe(4);
    expect(list.body.items[0].activityDate).toBe('2026-04-09');
    expect(
      (await s.call(s.officerB, 'GET', `/api/community/activities?unitId=${s.tree.communeA}`)).status,
    ).toBe(403);
  });

  it('rolls up by month and skill as a hand-computed table, with targets and laggards', async () => {
    const targets = {
      communeId: s.tree.communeA,
      year: 2026,
      teams: 3,
      sessions: 24,
      people: 600,
      perSkill: [{ skill: 'vneid_level2', people: 200 }],
    };
    expect((await s.call(s.officerB, 'PUT', '/api/community/targets', targets)).status).toBe(403);
    const put = await s.call(s.officerA, 'PUT', '/api/community/targets', targets);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      teams: 3,
      sessions: 24,
      people: 600,
      perSkill: [{ skill: 'vneid_level2', people: 200 }],
    });
    await s.call(s.secretariat, 'PUT', '/api/community/targets', {
      ...targets,
      communeId: s.tree.communeB,
      teams: 1,
      sessions: 2,
      people: 10,
      perSkill: [],
    });

    const r = await s.call(s.leader, 'GET', `/api/community/rollup?unitId=${s.tree.province}&year=2026`);
    expect(r.status).toBe(200);
    expect(r.body.throughMonth).toBe(6);
    // March: 35 + 6 people in 2 sessions; April: 12 + 50 in 2 sessions.
    expect(r.body.months[2]).toMatchObject({ month: 3, sessions: 2, people: 41, households: 23 });
    expect(r.body.months[3]).toMatchObject({
      month: 4,
      sessions: 2,
      people: 62,
      cumSessions: 4,
      cumPeople: 103,
    });
    expect(r.body.totals).toMatchObject({
      communes: 2,
      communesWithTeams: 1,
      villages: 2,
      teams: 2,
      members: 1,
      sessions: 4,
      people: 103,
    });
    const skills = Object.fromEntries(
      r.body.perSkill.map((p: { skill: string; people: number }) => [p.skill, p.people]),
    );
    expect(skills).toEqual({
      vneid_level2: 35,
      online_public_services: 47,
      cashless_payment: 6,
      ecommerce: 50,
      online_safety: 50,
    });
    // Through June: A is due 12 sessions and 300 people (has 4 and 103) and 3 teams (has 2); B has nothing.
    expect(r.body.laggards.map((l: { communeId: number }) => l.communeId)).toEqual([
      s.tree.communeB,
      s.tree.communeA,
    ]);
    expect(r.body.laggards[1]).toMatchObject({
      reasons: ['teams', 'sessions', 'people'],
      expectedSessions: 12,
      expectedPeople: 300,
    });
    expect(
      (await s.call(s.officerB, 'GET', `/api/community/rollup?unitId=${s.tree.communeA}&year=2026`)).status,
    ).toBe(403);
  });

  it('merges two villages with lineage and shows a commune’s teams publicly with masked contacts', async () => {
    const v3 = (
      await s.call(s.officerA, 'POST', '/api/community/villages', {
        communeId: s.tree.communeA,
        code: 'T03',
        name: 'Thôn Hạ',
        type: 'thôn',
      })
    ).body.id;
    const v4 = (
      await s.call(s.officerA, 'POST', '/api/community/villages', {
        communeId: s.tree.communeA,
        code: 'T04',
        name: 'Thôn Thượng',
        type: 'thôn',
      })
    ).body.id;
    const merged = await s.call(s.officerA, 'POST', '/api/community/villages/merge', {
      communeId: s.tree.communeA,
      fromIds: [v3, v4],
      into: { code: 'T34', name: 'Thôn Thượng Hạ', type: 'thôn' },
      effectiveDate: '2026-05-01',
    });
    expect(merged.status).toBe(201);
    expect(merged.body.validFrom).toBe('2026-05-01');
    const lineage = await s.t.deps.db
      .selectFrom('unitLineage')
      .select(['fromUnitId', 'toUnitId'])
      .where('toUnitId', '=', merged.body.id)
      .execute();
    expect(lineage.map((l) => l.fromUnitId).sort()).toEqual([v3, v4].sort());
    const closed = await s.call(s.officerA, 'GET', `/api/community/villages?communeId=${s.tree.communeA}`);
    expect(closed.body.items.find((v: { id: number }) => v.id === v3).validTo).toBe('2026-04-30');
    expect(
      (
        await s.call(s.officerB, 'POST', '/api/community/villages/merge', {
          communeId: s.tree.communeA,
          fromIds: [v3],
          into: { code: 'T99', name: 'X', type: 'thôn' },
          effectiveDate: '2026-05-01',
        })
      ).status,
    ).toBe(403);

    const pub = await s.call(null, 'GET', `/api/public/community/teams?communeId=${s.tree.communeA}`);
    expect(pub.status).toBe(200);
    expect(pub.body.items).toHaveLength(2);
    const t1 = pub.body.items.find((t: { id: number }) => t.id === teamA1);
    expect(t1).toMatchObject({
      contactName: 'Trần Thị Bình',
      contactPhone: '091****678',
      members: 1,
      activitiesThisYear: 2,
    });
    expect(JSON.stringify(pub.body)).not.toContain('0912345678');
    const communes = await s.call(null, 'GET', '/api/public/community/communes');
    expect(communes.body.items).toEqual([{ id: s.tree.communeA, name: 'Phường Phan Đình Phùng', teams: 2 }]);
    expect(
      (await s.call(null, 'GET', `/api/public/community/teams?communeId=${s.tree.department}`)).status,
    ).toBe(404);
  });

  it('pages the communes and laggards of a roll-up, and sums it per area below a country', async () => {
    // A country above the province (closure rows to everything below it), and its leader.
    const db = s.t.deps.db;
    const now = '2026-06-15T02:00:00.000Z';
    const province = await db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', s.tree.province)
      .executeTakeFirstOrThrow();
    const country = (
      await db
        .insertInto('units')
        .values({
          structureId: province.structureId,
          code: `VN-${dialect}`,
          name: 'Việt Nam',
          searchName: 'viet nam',
          type: 'country',
          kind: 'admin',
          level: 0,
          parentId: null,
          path: '',
          validFrom: '2025-07-01',
          validTo: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.updateTable('units').set({ parentId: country }).where('id', '=', s.tree.province).execute();
    const below = await db
      .selectFrom('unitClosure')
      .select(['descendantId', 'depth'])
      .where('ancestorId', '=', s.tree.province)
      .execute();
    await db
      .insertInto('unitClosure')
      .values([
        { ancestorId: country, descendantId: country, depth: 0 },
        ...below.map((r) => ({ ancestorId: country, descendantId: r.descendantId, depth: r.depth + 1 })),
      ])
      .execute();
    const national = await loginAs(s.t, { role: 'leader', unitId: country });

    const whole = await s.call(s.leader, 'GET', `/api/community/rollup?unitId=${s.tree.province}&year=2026`);
    expect(whole.status).toBe(200);
    // The province's communes are its own children: no areas; both lists whole within the default page.
    expect(whole.body.areas).toEqual([]);
    expect(whole.body.page).toEqual({ offset: 0, limit: 100, communes: 2, laggards: 2 });

    const first = await s.call(national, 'GET', `/api/community/rollup?unitId=${country}&year=2026&limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.page).toEqual({ offset: 0, limit: 1, communes: 2, laggards: 2 });
    expect(first.body.communes).toHaveLength(1);
    expect(first.body.laggards).toHaveLength(1);
    // Totals cover the whole country, not the page.
    expect(first.body.totals).toEqual({ ...whole.body.totals });
    expect(first.body.areas).toEqual([
      {
        unitId: s.tree.province,
        unitName: province.name,
        communes: 2,
        communesWithTeams: 1,
        teams: 2,
        sessions: 4,
        people: 103,
        laggards: 2,
      },
    ]);
    const second = await s.call(
      national,
      'GET',
      `/api/community/rollup?unitId=${country}&year=2026&offset=1&limit=1`,
    );
    expect(second.status).toBe(200);
    // The two pages together are the province's whole lists, in the same order.
    expect([...first.body.communes, ...second.body.communes]).toEqual(whole.body.communes);
    expect([...first.body.laggards, ...second.body.laggards]).toEqual(whole.body.laggards);
    const past = await s.call(national, 'GET', `/api/community/rollup?unitId=${country}&year=2026&offset=5`);
    expect(past.body.communes).toEqual([]);
    expect(past.body.page).toMatchObject({ offset: 5, communes: 2 });

    for (const bad of ['limit=0', 'limit=501', 'offset=-1', 'limit=abc']) {
      const r = await s.call(national, 'GET', `/api/community/rollup?unitId=${country}&year=2026&${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.type).toContain('application/problem+json');
    }
    // The province's leader cannot read the country's roll-up.
    expect((await s.call(s.leader, 'GET', `/api/community/rollup?unitId=${country}&year=2026`)).status).toBe(
      403,
    );
  });
});
