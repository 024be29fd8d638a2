import { multipartBody } from '../helpers/file-fixtures.js';
import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of Community (joined into audit-steps.ts): villages of commune A (two merged), a team with its
// decision, corrected, a member who joins and leaves, an activity logged and removed, a village imported from
// csv, a training course's attendance imported from csv, the commune's targets.

// The shape of audit-steps.ts's steps, restated so the two files do not import each other.
type Ctx = Record<string, number | string>;
type Request = { url: string; payload?: unknown; raw?: { payload: Buffer; headers: Record<string, string> } };
type Step = {
  op: string;
  request: (ctx: Ctx) => Request | Promise<Request>;
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
};

export function communitySteps(env: { t: TestApp; tree: UnitTree; admin: () => LoggedIn }): Step[] {
  const { tree } = env;
  const team = (c: Ctx, name: string) => ({
    unitId: c.communityVillage,
    name,
    decisionNumber: '15/QĐ-UBND',
    decisionDate: '2025-06-01',
    decisionSigner: 'Chủ tịch UBND',
    status: 'active',
  });
  return [
    {
      op: 'POST /api/community/villages',
      request: () => ({
        url: '/api/community/villages',
        payload: { communeId: tree.communeA, code: 'AUD-V1', name: 'Thôn Kiểm Tra', type: 'thôn' },
      }),
      after: (b, c) => {
        c.communityVillage = Number(b.id);
      },
    },
    {
      op: 'POST /api/community/villages/merge',
      request: async (c) => {
        const res = await env.t.app.inject({
          method: 'POST',
          url: '/api/community/villages',
          headers: env.admin().headers,
          payload: { communeId: tree.communeA, code: 'AUD-V2', name: 'Thôn Sáp Nhập', type: 'thôn' },
        });
        return {
          url: '/api/community/villages/merge',
          payload: {
            communeId: tree.communeA,
            fromIds: [Number(res.json().id)],
            into: { code: 'AUD-V3', name: 'Thôn Mới Sáp Nhập', type: 'thôn' },
            effectiveDate: '2026-01-01',
          },
        };
      },
      after: (_b, c) => {
        c.communityMerged = 1;
      },
    },
    {
      op: 'POST /api/community/teams',
      request: (c) => ({ url: '/api/community/teams', payload: team(c, 'Tổ CNSCĐ thôn Kiểm Tra') }),
      after: (b, c) => {
        c.communityTeam = Number(b.id);
      },
    },
    {
      op: 'PUT /api/community/teams/{id}',
      request: (c) => ({
        url: `/api/community/teams/${c.communityTeam}`,
        payload: team(c, 'Tổ công nghệ số cộng đồng thôn Kiểm Tra'),
      }),
    },
    {
      op: 'POST /api/community/teams/{id}/members',
      request: (c) => ({
        url: `/api/community/teams/${c.communityTeam}/members`,
        payload: {
          fullName: 'Lê Văn Cường',
          phone: '0912000111',
          role: 'leader',
          organisation: 'police',
          startDate: '2025-06-01',
        },
      }),
      after: (b, c) => {
        c.communityMember = Number(b.id);
      },
    },
    {
      op: 'POST /api/community/teams/{id}/members/{memberId}/end',
      request: (c) => ({
        url: `/api/community/teams/${c.communityTeam}/members/${c.communityMember}/end`,
        payload: { endDate: '2026-01-31' },
      }),
    },
    {
      op: 'POST /api/community/activities',
      request: (c) => ({
        url: '/api/community/activities',
        payload: {
          teamId: c.communityTeam,
          activityDate: '2026-02-01',
          place: 'Nhà văn hoá thôn',
          kind: 'village_hall',
          skills: ['vneid_level2', 'online_safety'],
          peopleReached: 30,
          householdsReached: 18,
        },
      }),
      after: (b, c) => {
        c.communityActivity = Number(b.id);
      },
    },
    {
      op: 'DELETE /api/community/activities/{id}',
      request: (c) => ({ url: `/api/community/activities/${c.communityActivity}` }),
    },
    {
      op: 'POST /api/community/imports',
      request: () => ({
        url: `/api/community/imports?communeId=${tree.communeA}&kind=villages&commit=true`,
        raw: multipartBody({
          name: 'thon.csv',
          data: Buffer.from('Mã,Tên,Loại\nAUD-V9,Thôn Nhập Từ Tệp,thôn\n'),
        }),
      }),
    },
    {
      op: 'POST /api/training/courses',
      request: () => ({
        url: '/api/training/courses',
        payload: {
          unitId: tree.province,
          title: 'Tập huấn kỹ năng số cho cán bộ xã',
          organiser: 'Sở Khoa học và Công nghệ',
          audience: 'commune',
          mode: 'both',
          startsOn: '2026-02-01',
          endsOn: '2026-02-28',
          capacity: 40,
        },
      }),
      after: (b, c) => {
        c.trainingCourse = Number(b.id);
      },
    },
    {
      op: 'POST /api/training/courses/{id}/sessions',
      request: (c) => ({
        url: `/api/training/courses/${c.trainingCourse}/sessions`,
        payload: { sessionDate: '2026-02-10', place: 'Hội trường tỉnh' },
      }),
      after: (b, c) => {
        c.trainingCode = String((b.sessions as { checkinCode: string }[])[0].checkinCode);
        c.trainingSession = Number((b.sessions as { id: number }[])[0].id);
      },
    },
    {
      op: 'POST /api/training/courses/{id}/registrations',
      request: (c) => ({
        url: `/api/training/courses/${c.trainingCourse}/registrations`,
        payload: { unitId: tree.communeA, officials: [{ fullName: 'Phạm Thị Học' }] },
      }),
    },
    {
      op: 'POST /api/training/attendance',
      request: async (c) => {
        const res = await env.t.app.inject({
          url: `/api/training/courses/${c.trainingCourse}`,
          headers: env.admin().headers,
        });
        return {
          url: '/api/training/attendance',
          payload: { code: c.trainingCode, registrationId: res.json().registrations[0].id },
        };
      },
    },
    {
      op: 'POST /api/training/courses/{id}/attendance-import',
      request: async (c) => {
        await env.t.app.inject({
          method: 'POST',
          url: `/api/training/courses/${c.trainingCourse}/registrations`,
          headers: env.admin().headers,
          payload: { unitId: tree.communeA, officials: [{ fullName: 'Đỗ Văn Trực Tuyến' }] },
        });
        return {
          url: `/api/training/courses/${c.trainingCourse}/attendance-import?sessionId=${c.trainingSession}&commit=true`,
          raw: multipartBody({ name: 'diem-danh.csv', data: Buffer.from('Họ và tên\nĐỗ Văn Trực Tuyến\n') }),
        };
      },
    },
    {
      op: 'PUT /api/community/targets',
      request: () => ({
        url: '/api/community/targets',
        payload: { communeId: tree.communeA, year: 2026, teams: 4, sessions: 30, people: 800, perSkill: [] },
      }),
    },
  ];
}
