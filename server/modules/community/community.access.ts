import type { AccessRow } from '../../lib/access-table.js';

// The authorisation rows of the Community module (see server/lib/access-table.ts). '$team' is a team of a
// village of the target commune and '$activity' one of its activities, seeded by
// test/security/authz-world-community.ts. Teams live in communes, so entity rows are tried on the sibling
// commune only; the province is tried through the rows that name a unit.
const sibling = ['sibling'] as const;
const team = {
  unitId: '$village',
  name: 'Tổ CNSCĐ thôn mới',
  decisionNumber: '12/QĐ-UBND',
  decisionDate: '2025-09-01',
  decisionSigner: 'Chủ tịch UBND xã',
  status: 'active',
};

export const communityAccess: AccessRow[] = [
  {
    operation: 'GET /api/community/villages',
    permission: 'community.read',
    unit: 'query:communeId',
    example: { query: { communeId: '$unit' } },
    targets: sibling,
  },
  {
    operation: 'POST /api/community/villages',
    permission: 'community.manage',
    unit: 'body:communeId',
    example: { body: { communeId: '$unit', code: '$newCode', name: 'Thôn Mới', type: 'thôn' } },
    targets: sibling,
  },
  {
    operation: 'POST /api/community/villages/merge',
    permission: 'community.manage',
    unit: 'body:communeId',
    example: {
      body: {
        communeId: '$unit',
        fromIds: ['$mergeVillage'],
        into: { code: '$newCode', name: 'Thôn Hợp Nhất', type: 'thôn' },
        effectiveDate: '2026-01-01',
      },
    },
    targets: sibling,
  },
  {
    operation: 'GET /api/community/teams',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/community/teams',
    permission: 'community.manage',
    unit: 'body:unitId',
    example: { body: team },
    targets: sibling,
  },
  {
    operation: 'GET /api/community/teams/{id}',
    permission: 'community.read',
    unit: 'team.unit',
    example: { params: { id: '$team' } },
    targets: sibling,
  },
  {
    operation: 'PUT /api/community/teams/{id}',
    permission: 'community.manage',
    unit: 'team.unit',
    example: { params: { id: '$team' }, body: { ...team, unitId: '$teamVillage', name: 'Tổ sửa tên' } },
    targets: sibling,
  },
  {
    operation: 'POST /api/community/teams/{id}/members',
    permission: 'community.manage',
    unit: 'team.unit',
    example: {
      params: { id: '$team' },
      body: {
        fullName: 'Nguyễn Văn Mới',
        phone: null,
        role: 'member',
        organisation: 'youth_union',
        startDate: '2025-10-01',
      },
    },
    targets: sibling,
  },
  {
    operation: 'POST /api/community/teams/{id}/members/{memberId}/end',
    permission: 'community.manage',
    unit: 'team.unit',
    example: { params: { id: '$team', memberId: '$member' }, body: { endDate: '2026-06-30' } },
    targets: sibling,
  },
  {
    operation: 'GET /api/community/activities',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/community/activities',
    permission: 'community.manage',
    unit: 'team.unit',
    example: {
      body: {
        teamId: '$team',
        activityDate: '2026-02-10',
        place: '$newCode',
        kind: 'home',
        skills: ['vneid_level2'],
        peopleReached: 4,
        householdsReached: 2,
      },
    },
    targets: sibling,
  },
  {
    operation: 'DELETE /api/community/activities/{id}',
    permission: 'community.manage',
    unit: 'activity.unit',
    example: { params: { id: '$activity' } },
    targets: sibling,
  },
  {
    operation: 'GET /api/community/targets',
    permission: 'community.read',
    unit: 'query:communeId',
    example: { query: { communeId: '$unit', year: 2026 } },
    targets: sibling,
  },
  {
    operation: 'PUT /api/community/targets',
    permission: 'community.manage',
    unit: 'body:communeId',
    example: { body: { communeId: '$unit', year: 2026, teams: 3, sessions: 24, people: 500, perSkill: [] } },
    targets: sibling,
  },
  {
    operation: 'GET /api/community/rollup',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit', year: 2026 } },
  },
  {
    operation: 'POST /api/community/imports',
    permission: 'community.manage',
    unit: 'query:communeId',
    example: { query: { communeId: '$unit', kind: 'villages' }, upload: 'png' },
    targets: sibling,
  },
  {
    operation: 'GET /api/community/exports/registry.xlsx',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'GET /api/community/exports/report.xlsx',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit', year: 2026 } },
  },
  {
    operation: 'GET /api/community/exports/registry.docx',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'GET /api/community/exports/report.docx',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit', year: 2026 } },
  },
  // Training: '$course' is a course organised by the target unit with one session, '$registration' one of its
  // officials, checked in (so it has a certificate, '$certificate'); '$sessionCode' the session's check-in code.
  {
    operation: 'GET /api/training/courses',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/training/courses',
    permission: 'training.manage',
    unit: 'body:unitId',
    example: {
      body: {
        unitId: '$unit',
        title: 'Tập huấn kỹ năng số',
        organiser: 'Sở Khoa học và Công nghệ',
        audience: 'commune',
        mode: 'both',
        startsOn: '2026-05-01',
        endsOn: '2026-05-31',
        capacity: 50,
      },
    },
  },
  {
    operation: 'GET /api/training/courses/{id}',
    permission: 'community.read',
    unit: 'course.unit',
    example: { params: { id: '$course' } },
    // Also the province's course: open to the readers of the units below it (listed to them), who see their
    // own units' registrations only.
    targets: ['sibling', 'province'],
  },
  {
    operation: 'POST /api/training/courses/{id}/sessions',
    permission: 'training.manage',
    unit: 'course.unit',
    example: { params: { id: '$course' }, body: { sessionDate: '2026-05-12', place: 'Hội trường' } },
    targets: sibling,
  },
  {
    operation: 'POST /api/training/courses/{id}/registrations',
    permission: 'community.manage',
    unit: 'body:unitId',
    example: {
      params: { id: '$course' },
      body: { unitId: '$unit', officials: [{ fullName: 'Cán bộ mới' }] },
    },
    targets: sibling,
  },
  {
    operation: 'POST /api/training/attendance',
    permission: 'community.manage',
    unit: 'registration.unit',
    example: { body: { code: '$sessionCode', registrationId: '$registration' } },
    targets: sibling,
  },
  {
    operation: 'POST /api/training/courses/{id}/attendance-import',
    permission: 'training.manage',
    unit: 'course.unit',
    example: { params: { id: '$course' }, query: { sessionId: '$session' }, upload: 'png' },
    targets: sibling,
  },
  {
    operation: 'GET /api/training/registrations/{id}/certificate.pdf',
    permission: 'community.read',
    unit: 'registration.unit',
    example: { params: { id: '$registration' } },
    targets: sibling,
  },
  {
    operation: 'GET /api/training/trained-rate',
    permission: 'community.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit', year: 2026 } },
  },
  {
    operation: 'GET /api/public/community/certificates/{code}',
    permission: 'public',
    unit: 'none',
    example: { params: { code: '$certificate' } },
    // A certificate names its holder's unit, by design (it is what a verifier checks).
    participants: true,
  },
  {
    operation: 'GET /api/public/community/communes',
    permission: 'public',
    unit: 'none',
    example: {},
    // Names every commune with a team, by design (like a ranking names every ranked unit).
    participants: true,
  },
  {
    operation: 'GET /api/public/community/teams',
    permission: 'public',
    unit: 'none',
    example: { query: { communeId: '$home' } },
  },
];
