import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContestConfig, ContestConfigSchema } from '../contracts/contest.js';
import { type BankQuestion, DrawError, drawQuestions } from './draw.js';
import { ageOn, checkCccd, maskName, normalisePhone } from './registration.js';
import { attemptRoundAt, roundsOfAttempt, vietnamLocalToUtc } from './rounds.js';
import { scoreAttempt } from './scoring.js';
import { rulesSummary } from './summary.js';

const sampleConfig = (): ContestConfig =>
  ContestConfigSchema.parse({
    eligibility: { minAge: 15, residence: 'province', excluded: 'Thành viên Ban Tổ chức, Tổ thư ký' },
    groups: [
      {
        key: 'officials',
        name: 'Cán bộ, công chức, viên chức',
        prizes: [
          { tier: 'first', count: 1 },
          { tier: 'second', count: 3 },
        ],
      },
      { key: 'citizens', name: 'Nhân dân', prizes: [{ tier: 'first', count: 1 }] },
    ],
    rounds: [
      { key: 'w1', name: 'Tuần 1', startsAt: '2026-03-02T00:00', endsAt: '2026-03-09T00:00' },
      { key: 'w2', name: 'Tuần 2', startsAt: '2026-03-09T00:00', endsAt: '2026-03-16T00:00' },
      {
        key: 'month',
        name: 'Cả tháng',
        startsAt: '2026-03-01T00:00',
        endsAt: '2026-04-01T00:00',
        boardOnly: true,
      },
    ],
    questionsPerAttempt: 3,
    selection: {
      mode: 'random',
      quotas: [
        { categoryId: 1, count: 2 },
        { difficulty: 'hard', count: 1 },
      ],
    },
    timeLimitSeconds: 600,
    attemptsPerRound: 3,
    prediction: { question: 'Có bao nhiêu người trả lời đúng tất cả?', target: 'perfect_scorers' },
    registration: [
      { field: 'fullName', required: true },
      { field: 'cccd', required: true, unique: true },
      { field: 'unit', required: true },
    ],
    collective: {
      formula: 'rate_plus_points',
      points: { first: 10, second: 8, third: 6, consolation: 4 },
      prizes: [{ label: 'Giải tập thể', count: 3 }],
    },
  });

describe('configuration', () => {
  it('accepts a complete configuration and refuses overlapping attempt rounds, wrong quotas and a missing prediction', () => {
    const c = sampleConfig();
    expect(c.tieBreaks).toEqual(['prediction', 'duration', 'submitted_at']);
    const bad = ContestConfigSchema.safeParse({
      ...c,
      rounds: [c.rounds[0], { ...c.rounds[1], startsAt: '2026-03-08T00:00' }],
      questionsPerAttempt: 5,
      prediction: null,
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining(['contest.rounds_overlap', 'contest.quotas_sum', 'contest.prediction_missing']),
    );
  });

  it('a board-only round may overlap the attempt rounds; an attempt belongs to both', () => {
    const c = sampleConfig();
    const at = vietnamLocalToUtc('2026-03-10T08:00');
    expect(at).toBe('2026-03-10T01:00:00.000Z');
    expect(attemptRoundAt(c.rounds, at)?.key).toBe('w2');
    expect(roundsOfAttempt(c.rounds, at).map((r) => r.key)).toEqual(['w2', 'month']);
    // 00:00 on 9 March in Vietnam is 17:00 UTC on the 8th: the second round, not the first.
    expect(attemptRoundAt(c.rounds, '2026-03-08T17:00:00.000Z')?.key).toBe('w2');
    expect(attemptRoundAt(c.rounds, '2026-03-08T16:59:59.999Z')?.key).toBe('w1');
  });

  it('the rules summary states every rule in Vietnamese', () => {
    const text = rulesSummary(
      'Cuộc thi tìm hiểu về chuyển đổi số',
      sampleConfig(),
      new Map([[1, 'Chính quyền số']]),
    );
    expect(text).toContain('từ đủ 15 tuổi');
    expect(text).toContain('Bảng 1 — Cán bộ, công chức, viên chức');
    expect(text).toContain('từ 00:00 ngày 02/03/2026 đến 00:00 ngày 09/03/2026');
    expect(text).toContain('2 câu chủ đề "Chính quyền số"');
    expect(text).toContain('1 câu mọi chủ đề, mức khó');
    expect(text).toContain('tối đa 3 lượt');
    expect(text).toContain('1 giải Nhất, 3 giải Nhì');
    expect(text).toContain('dự đoán gần đúng nhất');
    expect(text).toContain('Mỗi số CCCD chỉ được đăng ký một lần');
    expect(text).toContain('Nhất 10, Nhì 8, Ba 6');
  });

  it('the rules summary says how long personal data is kept, and that an identity account registers once', () => {
    const base = sampleConfig();
    expect(rulesSummary('X', base, new Map())).not.toContain('được xoá sau');
    expect(rulesSummary('X', { ...base, retentionDays: 90 }, new Map())).toContain(
      'Số CCCD và số điện thoại được xoá sau 90 ngày kể từ khi cuộc thi kết thúc',
    );
    expect(rulesSummary('X', { ...base, retentionDays: 0 }, new Map())).toContain(
      'được lưu đến khi Ban Tổ chức xoá dữ liệu cuộc thi',
    );
    expect(rulesSummary('X', { ...base, verification: 'sso' }, new Map())).toContain(
      'mỗi tài khoản chỉ đăng ký một lần',
    );
  });
});

const bank: BankQuestion[] = Array.from({ length: 30 }, (_, i) => ({
  id: i + 1,
  categoryId: (i % 3) + 1,
  difficulty: (['easy', 'medium', 'hard'] as const)[i % 3],
  optionCount: 4,
}));

describe('seeded draw', () => {
  it('follows the quotas without repeats, and the same seed gives the same draw', () => {
    const sel = {
      mode: 'random' as const,
      quotas: [
        { categoryId: 1, difficulty: null, count: 4 },
        { categoryId: null, difficulty: 'hard' as const, count: 3 },
      ],
    };
    const opts = { seed: 'attempt-1', shuffleQuestions: true, shuffleOptions: true };
    const one = drawQuestions(bank, sel, opts);
    expect(one).toEqual(drawQuestions(bank, sel, opts));
    expect(one.length).toBe(7);
    expect(new Set(one.map((q) => q.questionId)).size).toBe(7);
    const cats = one.map((q) => bank[q.questionId - 1]);
    expect(cats.filter((q) => q.categoryId === 1).length).toBe(4);
    expect(cats.filter((q) => q.difficulty === 'hard').length).toBe(3);
    for (const q of one) expect([...q.optionOrder].sort()).toEqual([0, 1, 2, 3]);
    expect(drawQuestions(bank, sel, { ...opts, seed: 'attempt-2' })).not.toEqual(one);
  });

  it('draws only from a group’s own categories, and refuses a quota the bank cannot fill', () => {
    const sel = { mode: 'random' as const, quotas: [{ categoryId: null, difficulty: null, count: 10 }] };
    const own = drawQuestions(bank, sel, {
      seed: 's',
      shuffleQuestions: false,
      shuffleOptions: false,
      categories: [2],
    });
    expect(own.every((q) => bank[q.questionId - 1].categoryId === 2)).toBe(true);
    expect(() =>
      drawQuestions(
        bank,
        { mode: 'random', quotas: [{ categoryId: 1, difficulty: 'easy', count: 11 }] },
        { seed: 's', shuffleQuestions: false, shuffleOptions: false },
      ),
    ).toThrow(DrawError);
  });

  it('property: any seed yields distinct questions and option permutations', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 30 }), (seed, n) => {
        const d = drawQuestions(
          bank,
          { mode: 'random', quotas: [{ categoryId: null, difficulty: null, count: n }] },
          { seed, shuffleQuestions: true, shuffleOptions: true },
        );
        expect(new Set(d.map((q) => q.questionId)).size).toBe(n);
        for (const q of d) expect([...q.optionOrder].sort()).toEqual([0, 1, 2, 3]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('scoring and registration', () => {
  it('a multiple-choice question needs exactly the correct set', () => {
    const qs = [
      { questionId: 1, correct: [2] },
      { questionId: 2, correct: [0, 3] },
      { questionId: 3, correct: [1] },
    ];
    expect(scoreAttempt(qs, { 1: [2], 2: [3, 0], 3: [0] }).correct).toBe(2);
    expect(scoreAttempt(qs, { 1: [2, 2], 2: [0], 3: [] }).perQuestion).toEqual([false, false, false]);
  });

  it('checks the CCCD structure against the birth year and gender', () => {
    expect(checkCccd('001090123456', { birthDate: '1990-05-01', gender: 'male' })).toBeNull();
    expect(checkCccd('001390123456', { birthDate: '2090-05-01', gender: 'female' })).toBeNull();
    expect(checkCccd('001190123456', { birthDate: '1990-05-01', gender: 'male' })).toBe('birth_mismatch');
    expect(checkCccd('001085123456', { birthDate: '1990-05-01' })).toBe('birth_mismatch');
    expect(checkCccd('099090123456')).toBe('province');
    expect(checkCccd('00109012345')).toBe('format');
    expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalisePhone('0212345678')).toBeNull();
    expect(ageOn('2011-03-05', '2026-03-04')).toBe(14);
    expect(ageOn('2011-03-05', '2026-03-05')).toBe(15);
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
  });
});
