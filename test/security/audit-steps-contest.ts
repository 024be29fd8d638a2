import { solvedPow } from '../../server/modules/contest/contest-test-fixtures.js';
import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of Contest (joined into audit-steps.ts): a question added, imported and archived; a contest
// created, edited, opened, a participant registered (public), an attempt started, answers autosaved (not
// audited: the start and the submission are), submitted; the round closed after it ended and the contest closed.

type Ctx = Record<string, number | string>;
type Step = {
  op: string;
  request: (
    ctx: Ctx,
  ) =>
    | { url: string; payload?: unknown; as?: () => Record<string, string> }
    | Promise<{ url: string; payload?: unknown; as?: () => Record<string, string> }>;
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
  noAudit?: string;
};

const config = (categoryId?: number) => ({
  groups: [{ key: 'all', name: 'Mọi người', prizes: [{ tier: 'first', count: 1 }] }],
  rounds: [
    { key: 'r0', name: 'Đợt thử', startsAt: '2026-02-01T00:00', endsAt: '2026-02-02T00:00' },
    { key: 'r1', name: 'Đợt 1', startsAt: '2026-03-01T00:00', endsAt: '2026-03-31T00:00' },
  ],
  eligibility: {},
  questionsPerAttempt: 1,
  selection: { mode: 'random', quotas: [{ count: 1, categoryId: categoryId ?? null }] },
  timeLimitSeconds: 600,
  attemptsPerRound: 2,
  tieBreaks: ['duration'],
  registration: [{ field: 'fullName', required: true }],
});

export function contestSteps(env: { t: TestApp; tree: UnitTree; admin: () => LoggedIn }): Step[] {
  const { tree, t } = env;
  const anonymous = (c: Ctx) => () => ({ 'x-contest-token': String(c.contestToken ?? '') });
  return [
    {
      op: 'POST /api/contest/questions',
      request: () => ({
        url: '/api/contest/questions',
        payload: {
          unitId: tree.province,
          category: 'Kiểm toán',
          text: 'Câu hỏi kiểm toán?',
          options: [
            { text: 'Đúng', correct: true },
            { text: 'Sai', correct: false },
          ],
        },
      }),
      after: (b, c) => {
        c.contestQuestion = Number(b.id);
        c.contestCategory = Number(b.categoryId);
      },
    },
    {
      op: 'POST /api/contest/questions/import',
      request: () => ({
        url: `/api/contest/questions/import?unitId=${tree.province}&format=aiken&mode=commit&category=${encodeURIComponent('Kiểm toán')}`,
        payload: { content: 'Câu hỏi nhập?\nA. Đúng\nB. Sai\nANSWER: A\n' },
      }),
    },
    {
      op: 'POST /api/contest/contests',
      request: (c) => ({
        url: '/api/contest/contests',
        payload: {
          unitId: tree.province,
          title: 'Cuộc thi kiểm toán',
          slug: 'cuoc-thi-kiem-toan',
          config: config(Number(c.contestCategory)),
        },
      }),
      after: (b, c) => {
        c.contest = Number(b.id);
      },
    },
    {
      op: 'PUT /api/contest/contests/{id}',
      request: (c) => ({
        url: `/api/contest/contests/${c.contest}`,
        payload: {
          title: 'Cuộc thi kiểm toán (sửa)',
          slug: 'cuoc-thi-kiem-toan',
          config: config(Number(c.contestCategory)),
        },
      }),
    },
    {
      op: 'POST /api/contest/contests/{id}/open',
      request: (c) => ({ url: `/api/contest/contests/${c.contest}/open` }),
    },
    {
      op: 'DELETE /api/contest/questions/{id}',
      request: (c) => ({ url: `/api/contest/questions/${c.contestQuestion}` }),
    },
    {
      op: 'POST /api/contest/contest-flags/{flagId}/review',
      request: async (c) => {
        const flag = await t.deps.db
          .insertInto('contestFlags')
          .values({
            contestId: Number(c.contest),
            kind: 'shared_ip_block',
            subject: 'ip:kiem-toan',
            participantIdsJson: '[]',
            evidenceJson: '{"participants":15}',
            createdAt: '2026-03-02T00:00:00.000Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return {
          url: `/api/contest/contest-flags/${flag.id}/review`,
          payload: { decision: 'confirmed', note: 'Cùng một máy, đã xác minh', excludeFromPrizes: true },
        };
      },
    },
    {
      op: 'POST /api/public/contests/{slug}/register',
      request: async () => ({
        url: '/api/public/contests/cuoc-thi-kiem-toan/register',
        payload: {
          groupKey: 'all',
          fullName: 'Nguyễn Văn Kiểm',
          consent: true,
          pow: await solvedPow(t, 'cuoc-thi-kiem-toan'),
        },
        as: () => ({}),
      }),
      after: (b, c) => {
        c.contestToken = String(b.token);
      },
    },
    {
      op: 'POST /api/public/contests/{slug}/otp',
      request: (c) => ({ url: '/api/public/contests/cuoc-thi-kiem-toan/otp', as: anonymous(c) }),
      noAudit: 'the participant is already verified (verification none): nothing is sent',
    },
    {
      op: 'POST /api/public/contests/{slug}/verify',
      request: (c) => ({
        url: '/api/public/contests/cuoc-thi-kiem-toan/verify',
        payload: { code: '000000' },
        as: anonymous(c),
      }),
      noAudit: 'the participant is already verified (verification none): nothing changes',
    },
    {
      op: 'POST /api/public/contests/{slug}/attempts',
      request: (c) => ({ url: '/api/public/contests/cuoc-thi-kiem-toan/attempts', as: anonymous(c) }),
      after: (b, c) => {
        c.contestAttempt = Number(b.id);
      },
    },
    {
      op: 'PUT /api/public/contest-attempts/{id}/answers',
      request: (c) => ({
        url: `/api/public/contest-attempts/${c.contestAttempt}/answers`,
        payload: { answers: {} },
        as: anonymous(c),
      }),
      noAudit: 'autosave of an open attempt’s answers (hot path); its start and submission are audited',
    },
    {
      op: 'POST /api/public/contest-attempts/{id}/submit',
      request: (c) => ({
        url: `/api/public/contest-attempts/${c.contestAttempt}/submit`,
        payload: { answers: {}, prediction: null },
        as: anonymous(c),
      }),
    },
    {
      op: 'POST /api/contest/contests/{id}/rounds/{roundKey}/close',
      // The trial round ended in February (the test clock is in March): its results can be closed.
      request: (c) => ({ url: `/api/contest/contests/${c.contest}/rounds/r0/close` }),
    },
    {
      op: 'POST /api/contest/contests/{id}/close',
      request: (c) => ({ url: `/api/contest/contests/${c.contest}/close` }),
    },
  ];
}
