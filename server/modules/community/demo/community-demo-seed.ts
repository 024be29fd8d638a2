import type { ActivityKind, Organisation, Skill } from '../../../../core/community/community.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { createCommunityServices } from '../community.module.js';

// Demo: community digital technology teams of four communes of the demo province (the demo officer's ward
// first): villages and residential groups, a team per village with 4–7 members (one person on two teams), a
// few hundred activities since the teams were established, and this year's targets (one commune set to lag).
// Built through the services, so the audit log, the KPIs (COMMUNITY_ACTIVITIES, COMMUNITY_TEAMS) and the
// roll-ups read as real. Idempotent: nothing is done when a demo team exists.

const VILLAGES = [
  ['Tổ dân phố 1', 'tổ dân phố'],
  ['Tổ dân phố 2', 'tổ dân phố'],
  ['Thôn Đồng Tâm', 'thôn'],
  ['Thôn Tân Lập', 'thôn'],
  ['Thôn Bắc Sơn', 'thôn'],
  ['Thôn Làng Mới', 'thôn'],
] as const;
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Lan',
  'Linh',
  'Nam',
  'Phương',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
];
const ORGS: Organisation[] = [
  'village_head',
  'police',
  'youth_union',
  'womens_union',
  'telecom',
  'fatherland_front',
  'veterans',
];
const KINDS: ActivityKind[] = ['home', 'home', 'village_hall', 'one_stop', 'online'];
const SKILL_SETS: Skill[][] = [
  ['vneid_level2'],
  ['vneid_level2', 'online_public_services'],
  ['online_public_services'],
  ['cashless_payment'],
  ['cashless_payment', 'online_safety'],
  ['ecommerce'],
  ['online_safety'],
  ['e_health', 'citizen_app'],
];

/** A small deterministic generator, so every demo install shows the same registry. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export async function seedDemoCommunity(deps: Deps): Promise<string[]> {
  const db = deps.db;
  if (await db.selectFrom('communityTeams').select('id').where('isDemo', '=', 1).executeTakeFirst())
    return [];
  const province = await db
    .selectFrom('units')
    .innerJoin('structures', 'structures.id', 'units.structureId')
    .select(['units.id'])
    .where('structures.name', '=', '2025-07-01')
    .where('units.code', '=', '19')
    .executeTakeFirst();
  const user = await db
    .selectFrom('users')
    .select(['id', 'fullName', 'email'])
    .where('email', '=', 'thamdinh@demo.dxboard.vn')
    .executeTakeFirst();
  if (!province || !user) return [];
  const communes = await db
    .selectFrom('units')
    .select(['id', 'name', 'code'])
    .where('parentId', '=', province.id)
    .where('kind', '=', 'commune')
    .orderBy('code')
    .execute();
  if (communes.length < 4) return [];
  const own = communes.find((c) => c.code === '05443') ?? communes[0];
  const chosen = [own, ...communes.filter((c) => c.id !== own.id).slice(0, 3)];
  const actor: UserActor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    sessionId: 'demo-seed',
    grants: [{ role: 'secretariat', unitId: province.id }],
  };
  const ctx: AuditContext = { actor, requestId: 'seed-demo-community' };
  const s = createCommunityServices(deps);
  const today = vietnamDate(deps.clock.now());
  const year = Number(today.slice(0, 4));
  const rnd = random(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  let phoneSeq = 0;
  let teams = 0;
  let members = 0;
  let activities = 0;
  let sharedPerson: { fullName: string; phone: string } | null = null;

  for (const [ci, commune] of chosen.entries()) {
    const villageCount = ci === 0 ? 6 : 4 + (ci % 2);
    for (const [vi, [name, type]] of VILLAGES.slice(0, villageCount).entries()) {
      const village = await s.villages.create(ctx, {
        communeId: commune.id,
        code: `${commune.code}-T${String(vi + 1).padStart(2, '0')}`,
        name,
        type,
      });
      // The last village of each commune but the first has no team yet (coverage below 100 %).
      if (ci > 0 && vi === villageCount - 1) continue;
      const decisionDate = `${year - 1}-0${8 + (vi % 2)}-${String(5 + vi).padStart(2, '0')}`;
      const team = await s.teams.create(ctx, {
        unitId: village.id,
        name: `Tổ công nghệ số cộng đồng ${name.toLowerCase().startsWith('tổ') ? name : name.replace('Thôn', 'thôn')}`,
        decisionNumber: `${120 + vi}/QĐ-UBND`,
        decisionDate,
        decisionSigner: 'Chủ tịch UBND',
        decisionFileId: null,
        status: 'active',
      });
      teams++;
      const size = 4 + Math.floor(rnd() * 4);
      for (let m = 0; m < size; m++) {
        const person: { fullName: string; phone: string } =
          m === 1 && sharedPerson && ci === 0 && vi === 1
            ? sharedPerson
            : {
                fullName: `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
                phone: `09${String(12_000_000 + phoneSeq++ * 7919).padStart(8, '0')}`,
              };
        if (ci === 0 && vi === 0 && m === 2) sharedPerson = person;
        await s.teams.addMember(ctx, team.id, {
          ...person,
          role: m === 0 ? 'leader' : m === 1 ? 'deputy' : 'member',
          organisation: m === 0 ? 'village_head' : pick(ORGS),
          startDate: decisionDate,
          endDate: null,
        });
        members++;
      }
      // Activities since the team was established: the third commune is quiet this year (a laggard).
      const start = Date.parse(`${decisionDate}T00:00:00Z`);
      const end = Date.parse(`${today}T00:00:00Z`);
      const count = ci === 2 ? 3 : 14 + Math.floor(rnd() * 10);
      const used = new Set<string>();
      for (let a = 0; a < count; a++) {
        const quiet = ci === 2 && a > 0;
        const from = quiet ? start : Math.max(start, Date.parse(`${year}-01-01T00:00:00Z`) - 60 * 86_400_000);
        const date = new Date(
          from +
            rnd() * Math.max(0, (quiet ? Date.parse(`${year}-01-01T00:00:00Z`) - 86_400_000 : end) - from),
        )
          .toISOString()
          .slice(0, 10);
        const kind = pick(KINDS);
        const place =
          kind === 'home'
            ? `Hộ gia đình ${pick(GIVEN)}`
            : kind === 'village_hall'
              ? `Nhà văn hoá ${name}`
              : kind === 'one_stop'
                ? 'Bộ phận một cửa xã'
                : 'Nhóm Zalo của thôn';
        if (used.has(`${date}|${kind}|${place}`)) continue;
        used.add(`${date}|${kind}|${place}`);
        const people =
          kind === 'village_hall'
            ? 20 + Math.floor(rnd() * 40)
            : kind === 'online'
              ? 15 + Math.floor(rnd() * 60)
              : 1 + Math.floor(rnd() * 6);
        await s.activities.log(ctx, {
          teamId: team.id,
          activityDate: date,
          place,
          kind,
          skills: pick(SKILL_SETS),
          peopleReached: people,
          householdsReached: kind === 'online' ? 0 : Math.max(1, Math.floor(people * 0.6)),
          note: null,
          photoFileIds: [],
          clientKey: null,
        });
        activities++;
      }
    }
    await s.rollups.putTargets(ctx, {
      communeId: commune.id,
      year,
      teams: villageCount,
      sessions: ci === 2 ? 60 : 12 * villageCount,
      people: ci === 2 ? 1500 : 250 * villageCount,
      perSkill: [
        { skill: 'vneid_level2', people: 80 * villageCount },
        { skill: 'online_public_services', people: 60 * villageCount },
      ],
    });
  }
  // One course for the communes' officials: two sessions, the first commune's officials registered, checked in
  // (two of them at both sessions, so they hold certificates).
  const courseStart = `${year}-0${Math.min(9, Math.max(1, Number(today.slice(5, 7)) - 2))}-01`;
  const course = await s.training.create(ctx, {
    unitId: province.id,
    title: 'Kỹ năng số cho cán bộ, công chức cấp xã',
    organiser: 'Sở Khoa học và Công nghệ',
    audience: 'commune',
    mode: 'both',
    startsOn: courseStart,
    endsOn: `${courseStart.slice(0, 8)}28`,
    capacity: 40,
    materials: [{ name: 'Khoá học trên OneTouch', url: 'https://onetouch.mic.gov.vn' }],
  });
  await s.training.addSession(ctx, course.id, {
    sessionDate: `${courseStart.slice(0, 8)}10`,
    place: 'Hội trường UBND tỉnh',
  });
  const withSessions = await s.training.addSession(ctx, course.id, {
    sessionDate: `${courseStart.slice(0, 8)}24`,
    place: 'Trực tuyến (Zoom)',
  });
  await s.training.register(ctx, course.id, {
    unitId: own.id,
    officials: ['Nguyễn Thị Hạnh', 'Trần Văn Long', 'Lê Thị Mai', 'Phạm Quốc Bảo'].map((fullName) => ({
      fullName,
      position: 'Công chức',
      email: null,
    })),
  });
  const regs = (await s.training.get(actor, course.id)).registrations;
  for (const [i, r] of regs.entries()) {
    for (const session of withSessions.sessions.slice(0, i < 2 ? 2 : 1))
      await s.training.checkIn(ctx, { code: session.checkinCode ?? '', registrationId: r.id });
  }
  const teamIds = (await db.selectFrom('communityTeams').select('id').execute()).map((t) => t.id);
  await db.updateTable('communityTeams').set({ isDemo: 1 }).where('id', 'in', teamIds).execute();
  await db.updateTable('communityActivities').set({ isDemo: 1 }).where('teamId', 'in', teamIds).execute();
  await db.updateTable('trainingCourses').set({ isDemo: 1 }).where('id', '=', course.id).execute();
  return [
    `Community: ${teams} demo teams, ${members} members, ${activities} activities in ${chosen.length} communes; a training course, 2 sessions, ${regs.length} officials`,
  ];
}

/** Start-up hook (server/startup.ts): the demo registry, once, in a demo database. */
export async function seedDemoCommunityOnStartup(deps: Deps): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  return seedDemoCommunity(deps);
}
