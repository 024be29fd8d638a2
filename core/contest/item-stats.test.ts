import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correlation, itemStatistics, type StatsAttempt, type StatsQuestion } from './item-stats.js';

const Q: StatsQuestion[] = [
  { questionId: 1, optionCount: 4, correct: [0] },
  { questionId: 2, optionCount: 3, correct: [1] },
  { questionId: 3, optionCount: 2, correct: [0] },
];
const all = [1, 2, 3];
const at = (a1: number[], a2: number[], a3: number[]): StatsAttempt => ({
  questionIds: all,
  answers: { 1: a1, 2: a2, 3: a3 },
});

describe('item statistics (worked by hand)', () => {
  // Five attempts scoring 3, 2, 1, 0, 0.
  const attempts = [
    at([0], [1], [0]),
    at([0], [1], [1]),
    at([0], [2], [1]),
    at([1], [2], [1]),
    at([], [2], [1]),
  ];
  const [q1, q2, q3] = itemStatistics(Q, attempts, { minResponses: 1 });

  it('question 1: facility 3/5, point-biserial 0.6/√0.96, two distractors nobody chose', () => {
    // item [1,1,1,0,0] against the rest of each attempt as a share of 2: [1, .5, 0, 0, 0].
    expect(q1.responses).toBe(5);
    expect(q1.facility).toBeCloseTo(0.6, 10);
    expect(q1.discrimination).toBeCloseTo(0.6 / Math.sqrt(0.96), 10);
    expect(q1.optionCounts).toEqual([3, 1, 0, 0]);
    expect(q1.blank).toBe(1);
    expect(q1.unusedDistractors).toEqual([2, 3]);
    expect(q1.flags).toEqual(['unused_distractor']);
  });

  it('question 2: a distractor chosen more often than the key', () => {
    // item [1,1,0,0,0], rest [1, .5, .5, 0, 0]: sxy .7, sxx 1.2, syy .7.
    expect(q2.facility).toBeCloseTo(0.4, 10);
    expect(q2.discrimination).toBeCloseTo(0.7 / Math.sqrt(1.2 * 0.7), 10);
    expect(q2.optionCounts).toEqual([0, 2, 3]);
    expect(q2.strongDistractors).toEqual([2]);
    expect(q2.flags).toEqual(['unused_distractor', 'distractor_beats_key']);
  });

  it('question 3: facility exactly 0.2 is not "too hard"; the distractor beats the key', () => {
    // item [1,0,0,0,0], rest [1, 1, .5, 0, 0]: sxy .5, sxx .8, syy 1.
    expect(q3.facility).toBeCloseTo(0.2, 10);
    expect(q3.discrimination).toBeCloseTo(0.5 / Math.sqrt(0.8), 10);
    expect(q3.flags).toEqual(['distractor_beats_key']);
  });

  it('flags an item the weaker attempts get right, one everybody gets right, and one nobody does', () => {
    const qs: StatsQuestion[] = [
      { questionId: 1, optionCount: 2, correct: [0] },
      { questionId: 2, optionCount: 2, correct: [0] },
      { questionId: 3, optionCount: 2, correct: [0] },
      { questionId: 4, optionCount: 2, correct: [0] },
    ];
    const a = (x: number, y: number): StatsAttempt => ({
      questionIds: [1, 2, 3, 4],
      answers: { 1: [x], 2: [y], 3: [0], 4: [1] },
    });
    const s = itemStatistics(qs, [a(1, 0), a(1, 0), a(0, 1), a(0, 1)], { minResponses: 1 });
    expect(s[0].discrimination).toBeCloseTo(-1, 10);
    expect(s[0].flags).toContain('low_discrimination');
    expect(s[2].facility).toBe(1);
    expect(s[2].discrimination).toBeNull();
    expect(s[2].flags).toEqual(['too_easy', 'unused_distractor']);
    expect(s[3].flags).toEqual(['too_hard', 'distractor_beats_key']);
  });

  it('raises no flag below the minimum number of responses, and counts only attempts that drew the item', () => {
    const s = itemStatistics(Q, [{ questionIds: [1], answers: { 1: [3] } }]);
    expect(s[0].responses).toBe(1);
    expect(s[0].flags).toEqual([]);
    expect(s[1].responses).toBe(0);
    expect(s[1].facility).toBeNull();
  });

  it('correlation is null for a constant series', () => {
    expect(correlation([1, 1, 1], [0, 1, 2])).toBeNull();
  });
});

describe('item statistics properties', () => {
  const attemptArb = fc.record({
    questionIds: fc.subarray(all, { minLength: 1 }),
    answers: fc.record({
      1: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
      2: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
      3: fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 1 }),
    }),
  });
  it('bounded figures, counts that add up, independent of the order of the attempts', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 40 }), (attempts) => {
        const stats = itemStatistics(Q, attempts, { minResponses: 1 });
        for (const s of stats) {
          const drew = attempts.filter((a) => a.questionIds.includes(s.questionId)).length;
          expect(s.responses).toBe(drew);
          expect(s.correctCount).toBeLessThanOrEqual(s.responses);
          if (s.facility !== null) expect(s.facility).toBeGreaterThanOrEqual(0);
          if (s.facility !== null) expect(s.facility).toBeLessThanOrEqual(1);
          if (s.discrimination !== null) expect(Math.abs(s.discrimination)).toBeLessThanOrEqual(1);
          for (const c of s.optionCounts) expect(c).toBeLessThanOrEqual(s.responses);
          expect(s.blank).toBeLessThanOrEqual(s.responses - s.correctCount);
        }
        const reversed = itemStatistics(Q, [...attempts].reverse(), { minResponses: 1 });
        expect(reversed.map((s) => [s.facility, s.flags])).toEqual(stats.map((s) => [s.facility, s.flags]));
        for (let i = 0; i < stats.length; i++) {
          const d1 = stats[i].discrimination;
          const d2 = reversed[i].discrimination;
          if (d1 === null) expect(d2).toBeNull();
          else expect(d2).toBeCloseTo(d1, 9);
        }
      }),
    );
  });
});

describe('the running sums agree with the two-series correlation', () => {
  it('discrimination equals correlation() of the item and the rest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), { minLength: 2, maxLength: 30 }),
        (rows) => {
          const attempts = rows.map(([a, b, c]) => at([a ? 0 : 1], [b ? 1 : 0], [c ? 0 : 1]));
          const s = itemStatistics(Q, attempts, { minResponses: 1 });
          const x = rows.map((r) => (r[0] ? 1 : 0));
          const y = rows.map((r) => ((r[1] ? 1 : 0) + (r[2] ? 1 : 0)) / 2);
          const expected = correlation(x, y);
          if (expected === null || s[0].discrimination === null)
            expect(s[0].discrimination === null || Math.abs(s[0].discrimination) <= 1).toBe(true);
          else expect(s[0].discrimination).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
});
