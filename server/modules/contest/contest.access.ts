import type { AccessRow } from '../../lib/access-table.js';

// The contest module's rows of the authorisation matrix. '$contest' is a draft contest of the target unit and
// '$contestQuestion' a question of its bank (test/security/authz-world-contest.ts); '$contestSlug' is an open
// contest of the principals' own commune, so the public rows read something real. The public participant
// routes act only with a participant token (x-contest-token): without one they answer 4xx.

// Only the participant holding the token may use them (so the matrix's control is not tried either).
const PUBLIC_4XX = { permission: 'public', unit: 'none', expectPublic: '4xx', uploaderOnly: true } as const;

export const contestAccess: AccessRow[] = [
  {
    operation: 'GET /api/contest/questions',
    permission: 'contest.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/contest/questions',
    permission: 'contest.manage',
    unit: 'body:unitId',
    example: {
      body: {
        unitId: '$unit',
        category: 'Chính quyền số',
        text: 'Cổng dịch vụ công quốc gia là gì?',
        options: [
          { text: 'Một cổng thông tin', correct: true },
          { text: 'Một mạng xã hội', correct: false },
        ],
      },
    },
  },
  {
    operation: 'DELETE /api/contest/questions/{id}',
    permission: 'contest.manage',
    unit: 'question.unit',
    example: { params: { id: '$contestQuestion' } },
  },
  {
    operation: 'POST /api/contest/questions/import',
    permission: 'contest.manage',
    unit: 'query:unitId',
    example: {
      query: { unitId: '$unit', format: 'gift', mode: 'preview' },
      body: { content: 'Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Nẵng}' },
    },
  },
  { operation: 'GET /api/contest/contests', permission: 'contest.read', unit: 'none', example: {} },
  {
    operation: 'POST /api/contest/contests',
    permission: 'contest.manage',
    unit: 'body:unitId',
    example: {
      body: {
        unitId: '$unit',
        title: 'Cuộc thi thử',
        slug: 'cuoc-thi-ma-tran',
        config: {
          groups: [{ key: 'all', name: 'Mọi người', prizes: [{ tier: 'first', count: 1 }] }],
          rounds: [{ key: 'r1', name: 'Đợt 1', startsAt: '2026-03-01T00:00', endsAt: '2026-03-31T00:00' }],
          eligibility: {},
          questionsPerAttempt: 1,
          selection: { mode: 'random', quotas: [{ count: 1 }] },
          timeLimitSeconds: 600,
          attemptsPerRound: 1,
          tieBreaks: ['duration'],
          registration: [{ field: 'fullName', required: true }],
        },
      },
    },
  },
  {
    operation: 'GET /api/contest/contests/{id}',
    permission: 'contest.read',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'PUT /api/contest/contests/{id}',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: {
      params: { id: '$contest' },
      body: {
        title: 'Sửa tên',
        slug: 'sua-ten-ma-tran',
        config: {
          groups: [{ key: 'all', name: 'Mọi người', prizes: [] }],
          rounds: [{ key: 'r1', name: 'Đợt 1', startsAt: '2026-03-01T00:00', endsAt: '2026-03-31T00:00' }],
          eligibility: {},
          questionsPerAttempt: 1,
          selection: { mode: 'random', quotas: [{ count: 1 }] },
          timeLimitSeconds: 600,
          attemptsPerRound: 1,
          tieBreaks: [],
          registration: [{ field: 'fullName', required: true }],
        },
      },
    },
  },
  {
    operation: 'POST /api/contest/contests/{id}/open',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'POST /api/contest/contests/{id}/rounds/{roundKey}/close',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest', roundKey: 'r1' } },
  },
  {
    operation: 'POST /api/contest/contests/{id}/close',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/results',
    permission: 'contest.read',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/participation',
    permission: 'contest.read',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/results.xlsx',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/participants.xlsx',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },

  // Outputs: item statistics (the answer key's figures) and the decision carry names or keys: organisers only;
  // the bulletin has unit figures only: any reader of the contest.
  {
    // Prize certificates carry full names: organisers only.
    operation: 'GET /api/contest/contests/{id}/certificates.pdf',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' }, query: { round: 'r1' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/item-stats',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' }, query: { round: 'r1' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/item-stats.xlsx',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' }, query: { round: 'r1' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/results.docx',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/bulletin.xlsx',
    permission: 'contest.read',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'GET /api/contest/contests/{id}/bulletin.docx',
    permission: 'contest.read',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  // Certificates: the participant's own need the token (4xx without); an unknown code is not valid (404).
  {
    operation: 'GET /api/public/contests/{slug}/certificates',
    ...PUBLIC_4XX,
    example: { params: { slug: '$contestSlug' } },
  },
  {
    operation: 'GET /api/public/contests/{slug}/certificate.pdf',
    ...PUBLIC_4XX,
    example: { params: { slug: '$contestSlug' }, query: { round: 'r1' } },
  },
  {
    operation: 'GET /api/public/contest-certificates/{code}',
    ...PUBLIC_4XX,
    example: { params: { code: 'ABCDEFGHJKLM' } },
  },

  {
    operation: 'GET /api/contest/contests/{id}/flags',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { id: '$contest' } },
  },
  {
    operation: 'POST /api/contest/contest-flags/{flagId}/review',
    permission: 'contest.manage',
    unit: 'contest.unit',
    example: { params: { flagId: '$contestFlag' }, body: { decision: 'cleared', note: 'Cùng một cơ quan' } },
  },
  {
    operation: 'GET /api/public/contests/{slug}',
    permission: 'public',
    unit: 'none',
    example: { params: { slug: '$contestSlug' } },
  },
  {
    operation: 'GET /api/public/contests/{slug}/units',
    permission: 'public',
    unit: 'none',
    example: { params: { slug: '$contestSlug' }, query: { q: 'xa' } },
  },
  {
    operation: 'GET /api/public/contests/{slug}/leaderboard',
    permission: 'public',
    unit: 'none',
    example: { params: { slug: '$contestSlug' }, query: { round: 'r1', group: 'all' } },
  },
  // Without consent a registration is refused (400) for everyone, so the matrix writes nothing.
  {
    operation: 'GET /api/public/contests/{slug}/challenge',
    permission: 'public',
    unit: 'none',
    example: { params: { slug: '$contestSlug' } },
  },
  {
    operation: 'POST /api/public/contests/{slug}/register',
    ...PUBLIC_4XX,
    example: { params: { slug: '$contestSlug' }, body: { groupKey: 'all', fullName: 'Nguyễn Văn A' } },
  },
  {
    operation: 'POST /api/public/contests/{slug}/otp',
    ...PUBLIC_4XX,
    example: { params: { slug: '$contestSlug' } },
  },
  {
    operation: 'POST /api/public/contests/{slug}/verify',
    ...PUBLIC_4XX,
    example: { params: { slug: '$contestSlug' }, body: { code: '123456' } },
  },
  {
    operation: 'GET /api/public/contests/{slug}/me',
    ...PUBLIC_4XX,
    example: { params: { slug: '$contestSlug' } },
  },
  {
    operation: 'POST /api/public/contests/{slug}/attempts',
    ...PUBLIC_4XX,
    example: { params: { slug: '$contestSlug' } },
  },
  { operation: 'GET /api/public/contest-attempts/{id}', ...PUBLIC_4XX, example: { params: { id: 1 } } },
  {
    operation: 'PUT /api/public/contest-attempts/{id}/answers',
    ...PUBLIC_4XX,
    example: { params: { id: 1 }, body: { answers: {} } },
  },
  {
    operation: 'POST /api/public/contest-attempts/{id}/submit',
    ...PUBLIC_4XX,
    example: { params: { id: 1 }, body: { answers: {} } },
  },
];
