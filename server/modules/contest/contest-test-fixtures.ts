import { createHash } from 'node:crypto';
import type { ContestConfigInput } from '../../../core/contracts/contest.js';
import { meetsDifficulty, powInput } from '../../../core/feedback/pow.js';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../db/database.js';

// One scenario for the contest module's route tests: an app on a fresh database at 09:00 on 2 March 2026
// (Vietnam), the test unit tree with headcounts, a secretariat organiser on the province, and a bank of
// questions in two categories created through the API.

export type ContestScenario = {
  t: TestApp;
  tree: UnitTree;
  organiser: LoggedIn;
  categories: { policy: number; skills: number };
  /** Question ids and the index of their correct option. */
  questions: { id: number; correct: number }[];
};

export async function contestScenario(
  dialect: DialectName,
  options: { env?: Record<string, string> } = {},
): Promise<ContestScenario> {
  const t = await createTestApp(dialect, { now: '2026-03-02T02:00:00.000Z', env: options.env });
  const tree = await createUnitTree(t.deps.db);
  await t.deps.db
    .insertInto('unitHeadcounts')
    .values([
      { unitId: tree.communeA, metric: 'population', asOf: '2025-07-01', value: 10, source: 'manual' },
      { unitId: tree.communeB, metric: 'population', asOf: '2025-07-01', value: 20, source: 'manual' },
      { unitId: tree.department, metric: 'officials', asOf: '2025-07-01', value: 8, source: 'manual' },
    ])
    .execute();
  const organiser = await loginAs(t, { role: 'secretariat', unitId: tree.province });
  const questions: { id: number; correct: number }[] = [];
  for (let i = 0; i < 8; i++) {
    const correct = i % 4;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/contest/questions',
      headers: organiser.headers,
      payload: {
        unitId: tree.province,
        category: i < 4 ? 'Chính quyền số' : 'Kỹ năng số',
        difficulty: i % 2 ? 'hard' : 'easy',
        text: `Câu hỏi số ${i + 1} về chuyển đổi số?`,
        options: [0, 1, 2, 3].map((k) => ({ text: `Phương án ${k + 1}`, correct: k === correct })),
      },
    });
    if (res.statusCode !== 201) throw new Error(`question: ${res.statusCode} ${res.body}`);
    questions.push({ id: res.json().id, correct });
  }
  const cats = await t.deps.db.selectFrom('contestCategories').select(['id', 'name']).execute();
  const id = (name: string) => cats.find((c) => c.name === name)?.id as number;
  return {
    t,
    tree,
    organiser,
    questions,
    categories: { policy: id('Chính quyền số'), skills: id('Kỹ năng số') },
  };
}

/** Two groups (1/1/1/1 and 1/1 prizes), two daily rounds and a board over both, 4 questions, 1 attempt a round. */
export function contestConfig(
  s: ContestScenario,
  over: Partial<ContestConfigInput> = {},
): ContestConfigInput {
  return {
    rulesText: 'Thể lệ cuộc thi thử nghiệm',
    eligibility: { minAge: 15, residence: 'province', excluded: 'Ban Tổ chức' },
    groups: [
      {
        key: 'officials',
        name: 'Cán bộ, công chức',
        prizes: [
          { tier: 'first', count: 1 },
          { tier: 'second', count: 1 },
          { tier: 'third', count: 1 },
          { tier: 'consolation', count: 1 },
        ],
      },
      {
        key: 'citizens',
        name: 'Nhân dân',
        prizes: [
          { tier: 'first', count: 1 },
          { tier: 'second', count: 1 },
        ],
      },
    ],
    rounds: [
      { key: 'd1', name: 'Ngày 1', startsAt: '2026-03-02T00:00', endsAt: '2026-03-03T00:00' },
      { key: 'd2', name: 'Ngày 2', startsAt: '2026-03-03T00:00', endsAt: '2026-03-04T00:00' },
      {
        key: 'all',
        name: 'Cả đợt',
        startsAt: '2026-03-02T00:00',
        endsAt: '2026-03-04T00:00',
        boardOnly: true,
        awardsPrizes: false,
      },
    ],
    questionsPerAttempt: 4,
    selection: {
      mode: 'random',
      quotas: [
        { categoryId: s.categories.policy, count: 2 },
        { categoryId: s.categories.skills, count: 2 },
      ],
    },
    timeLimitSeconds: 600,
    graceSeconds: 10,
    attemptsPerRound: 1,
    counting: 'best',
    prediction: { question: 'Bao nhiêu người trả lời đúng tất cả?', target: 'perfect_scorers' },
    tieBreaks: ['prediction', 'duration', 'submitted_at'],
    onePrizePerPerson: true,
    registration: [
      { field: 'fullName', required: true },
      { field: 'cccd', required: true, unique: true },
      { field: 'phone', required: false },
      { field: 'birthDate', required: false },
      { field: 'email', required: false },
      { field: 'unit', required: true },
    ],
    verification: 'none',
    collective: {
      formula: 'rate_plus_points',
      points: { first: 10, second: 8, third: 6, consolation: 4 },
      prizes: [{ label: 'Giải Nhất tập thể', count: 1 }],
    },
    ...over,
  };
}

let serial = 10000;
/** A structurally valid CCCD for someone born in 1990 (male). */
export const cccdOf = () => `0010900${String(serial++).padStart(5, '0')}`;

/** A solved proof-of-work challenge for a public registration (the tests' difficulty is the default's). */
export async function solvedPow(t: TestApp, slug: string, remoteAddress = '10.99.0.1') {
  const res = await t.app.inject({ url: `/api/public/contests/${slug}/challenge`, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  const ch = res.json();
  return { challenge: ch.challenge as string, nonce: solvePow(ch.challenge, ch.difficulty) };
}

function solvePow(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const hash = createHash('sha256')
      .update(powInput(challenge, String(n)))
      .digest();
    if (meetsDifficulty(hash, difficulty)) return String(n);
  }
}
