import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEntries, countingAttempt, type Entry, predictionTruth, rankBoard } from './ranking.js';

const T = ['prediction', 'duration', 'submitted_at'] as const;
let next = 1;
const e = (p: Partial<Entry> & { participantId: number }): Entry => ({
  attemptId: next++,
  groupKey: 'g1',
  unitId: null,
  score: 10,
  prediction: null,
  durationMs: 300_000,
  startedAt: '2026-03-02T01:00:00.000Z',
  submittedAt: '2026-03-02T01:05:00.000Z',
  ...p,
});

describe('ranking comparator (research §1.2: score, prediction, duration, earliest submission)', () => {
  it('orders by score, then prediction closeness, then duration, then submission time', () => {
    // Huế week 2: many perfect papers; the prediction of the number of perfect scorers (truth 14,492) decides.
    const a = e({ participantId: 1, score: 15, prediction: 14_000 });
    const b = e({ participantId: 2, score: 15, prediction: 14_500 });
    const c = e({ participantId: 3, score: 15, prediction: 14_484, durationMs: 200_000 });
    const d = e({ participantId: 4, score: 15, prediction: 14_484, durationMs: 150_000 });
    const f = e({
      participantId: 5,
      score: 15,
      prediction: 14_484,
      durationMs: 150_000,
      submittedAt: '2026-03-02T01:04:00.000Z',
    });
    const g = e({ participantId: 6, score: 14, prediction: 14_492 });
    const ranked = rankBoard([a, b, c, d, f, g], { counting: 'best', tieBreaks: T, truth: 14_492 });
    // b and c/d/f are all 8 away from the truth: duration then submission time separate them; b took longest.
    expect(ranked.map((r) => r.participantId)).toEqual([5, 4, 3, 2, 1, 6]);
    expect(ranked[0].predictionDistance).toBe(8);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a missing prediction ranks after any prediction; without the prediction tie-break it is ignored', () => {
    const a = e({ participantId: 1, prediction: null, durationMs: 1000 });
    const b = e({ participantId: 2, prediction: 999_999, durationMs: 2000 });
    expect(compareEntries(a, b, T, 10)).toBeGreaterThan(0);
    expect(compareEntries(a, b, ['duration'], 10)).toBeLessThan(0);
  });

  it('the best attempt is chosen with the same comparator; first and last by start time', () => {
    const first = e({ participantId: 1, score: 9, startedAt: '2026-03-02T01:00:00.000Z' });
    const best = e({ participantId: 1, score: 10, prediction: 100, startedAt: '2026-03-02T02:00:00.000Z' });
    const perfectButFar = e({
      participantId: 1,
      score: 10,
      prediction: 500,
      startedAt: '2026-03-02T03:00:00.000Z',
    });
    const all = [perfectButFar, first, best];
    expect(countingAttempt(all, 'best', T, 120)?.attemptId).toBe(best.attemptId);
    // With another truth the other perfect attempt is the closer one: the prediction picks the attempt.
    expect(countingAttempt(all, 'best', T, 480)?.attemptId).toBe(perfectButFar.attemptId);
    expect(countingAttempt(all, 'first', T, 120)?.attemptId).toBe(first.attemptId);
    expect(countingAttempt(all, 'last', T, 120)?.attemptId).toBe(perfectButFar.attemptId);
  });

  it('the prediction truth counts perfect scorers (people), participants or attempts', () => {
    const xs = [
      { participantId: 1, score: 10 },
      { participantId: 1, score: 10 },
      { participantId: 2, score: 9 },
      { participantId: 3, score: 10 },
    ];
    expect(predictionTruth('perfect_scorers', xs, 10)).toBe(2);
    expect(predictionTruth('participants', xs, 10)).toBe(3);
    expect(predictionTruth('attempts', xs, 10)).toBe(4);
  });
});

const entryArb = fc.record({
  attemptId: fc.integer({ min: 1, max: 1_000_000 }),
  participantId: fc.integer({ min: 1, max: 30 }),
  groupKey: fc.constant('g'),
  unitId: fc.constant(null),
  score: fc.integer({ min: 0, max: 5 }),
  prediction: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  durationMs: fc.integer({ min: 0, max: 5 }),
  startedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z'),
  submittedAt: fc.constantFrom('2026-01-01T00:01:00.000Z', '2026-01-01T00:01:01.000Z'),
});
const uniqueEntries = fc.uniqueArray(entryArb, { selector: (x) => x.attemptId, maxLength: 40 });

describe('ranking properties', () => {
  it('is a total order: antisymmetric, transitive, zero only for the same attempt', () => {
    fc.assert(
      fc.property(entryArb, entryArb, entryArb, fc.integer({ min: 0, max: 50 }), (a, b, c, truth) => {
        const ab = compareEntries(a, b, T, truth);
        expect(Math.sign(ab)).toBe(-Math.sign(compareEntries(b, a, T, truth)) || 0);
        if (ab === 0) expect(a.attemptId).toBe(b.attemptId);
        if (ab < 0 && compareEntries(b, c, T, truth) < 0)
          expect(compareEntries(a, c, T, truth)).toBeLessThan(0);
      }),
    );
  });

  it('is deterministic whatever the input order, one row per person, best counting never beaten by own attempt', () => {
    fc.assert(
      fc.property(uniqueEntries, fc.integer({ min: 0, max: 50 }), (xs, truth) => {
        const opts = { counting: 'best' as const, tieBreaks: T, truth };
        const one = rankBoard(xs, opts);
        const two = rankBoard([...xs].reverse(), opts);
        expect(two.map((r) => r.attemptId)).toEqual(one.map((r) => r.attemptId));
        expect(new Set(one.map((r) => r.participantId)).size).toBe(one.length);
        for (const r of one) {
          for (const x of xs.filter((y) => y.participantId === r.participantId))
            expect(compareEntries(r, x, T, truth)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });
});
