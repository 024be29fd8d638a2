import type { TieBreak } from '../contracts/contest.js';

// Ranking (research/contest.md §1.2–1.3): score first, then the configured tie-breaks in order — prediction
// closeness (smallest absolute difference to the round's true value, known only at close), shortest duration,
// earliest submission — and the attempt id last, so the order is total and the same attempts always rank the
// same. The comparator that ranks people also chooses each person's counting attempt ("best").

export type Entry = {
  attemptId: number;
  participantId: number;
  groupKey: string;
  unitId: number | null;
  score: number;
  prediction: number | null;
  durationMs: number;
  startedAt: string;
  submittedAt: string;
};

export type RankedEntry = Entry & { rank: number; predictionDistance: number | null };

export function predictionDistance(prediction: number | null, truth: number | null): number | null {
  if (prediction === null || truth === null) return null;
  return Math.abs(prediction - truth);
}

/** Negative when `a` ranks before `b`. */
export function compareEntries(
  a: Entry,
  b: Entry,
  tieBreaks: readonly TieBreak[],
  truth: number | null,
): number {
  if (a.score !== b.score) return b.score - a.score;
  for (const t of tieBreaks) {
    if (t === 'prediction') {
      const da = predictionDistance(a.prediction, truth) ?? Number.POSITIVE_INFINITY;
      const db = predictionDistance(b.prediction, truth) ?? Number.POSITIVE_INFINITY;
      if (da !== db) return da < db ? -1 : 1;
    } else if (t === 'duration') {
      if (a.durationMs !== b.durationMs) return a.durationMs - b.durationMs;
    } else if (a.submittedAt !== b.submittedAt) {
      return a.submittedAt < b.submittedAt ? -1 : 1;
    }
  }
  return a.attemptId - b.attemptId;
}

export type Counting = 'best' | 'first' | 'last';

const byStart = (a: Entry, b: Entry) =>
  a.startedAt === b.startedAt ? a.attemptId - b.attemptId : a.startedAt < b.startedAt ? -1 : 1;

/** Whether `a` beats `b` as a person's counting attempt (the orders are total, so "first after sorting"). */
function beats(
  a: Entry,
  b: Entry,
  counting: Counting,
  tieBreaks: readonly TieBreak[],
  truth: number | null,
): boolean {
  if (counting === 'best') return compareEntries(a, b, tieBreaks, truth) < 0;
  return counting === 'first' ? byStart(a, b) < 0 : byStart(a, b) > 0;
}

/** The attempt of one person that counts: the best by the ranking comparator, or the first or last made. */
export function countingAttempt(
  attempts: readonly Entry[],
  counting: Counting,
  tieBreaks: readonly TieBreak[],
  truth: number | null,
): Entry | undefined {
  let chosen: Entry | undefined;
  for (const a of attempts) if (!chosen || beats(a, chosen, counting, tieBreaks, truth)) chosen = a;
  return chosen;
}

/** The true value of the prediction question over a round's attempts (all of them, counting or not). */
export function predictionTruth(
  target: 'perfect_scorers' | 'participants' | 'attempts',
  attempts: readonly Pick<Entry, 'participantId' | 'score'>[],
  maxScore: number,
): number {
  if (target === 'attempts') return attempts.length;
  const people = new Set<number>();
  for (const a of attempts)
    if (target === 'participants' || a.score === maxScore) people.add(a.participantId);
  return people.size;
}

/**
 * Ranks one board (a round × group): each person's counting attempt, ordered, ranks 1…n. One pass keeps each
 * person's counting attempt (no per-person lists), and the sort compares precomputed prediction distances:
 * a million attempts by half a million people rank in a few seconds.
 */
export function rankBoard(
  attempts: readonly Entry[],
  opts: { counting: Counting; tieBreaks: readonly TieBreak[]; truth: number | null },
): RankedEntry[] {
  const { counting, tieBreaks, truth } = opts;
  const chosen = new Map<number, Entry>();
  for (const a of attempts) {
    const current = chosen.get(a.participantId);
    if (current === undefined || beats(a, current, counting, tieBreaks, truth))
      chosen.set(a.participantId, a);
  }
  const counted = Array.from(chosen.values(), (e) => ({ e, d: predictionDistance(e.prediction, truth) }));
  counted.sort((x, y) => {
    const a = x.e;
    const b = y.e;
    if (a.score !== b.score) return b.score - a.score;
    for (const t of tieBreaks) {
      if (t === 'prediction') {
        const da = x.d ?? Number.POSITIVE_INFINITY;
        const db = y.d ?? Number.POSITIVE_INFINITY;
        if (da !== db) return da < db ? -1 : 1;
      } else if (t === 'duration') {
        if (a.durationMs !== b.durationMs) return a.durationMs - b.durationMs;
      } else if (a.submittedAt !== b.submittedAt) {
        return a.submittedAt < b.submittedAt ? -1 : 1;
      }
    }
    return a.attemptId - b.attemptId;
  });
  return counted.map(({ e, d }, i) => ({ ...e, rank: i + 1, predictionDistance: d }));
}
