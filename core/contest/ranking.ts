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

/** The attempt of one person that counts: the best by the ranking comparator, or the first or last made. */
export function countingAttempt(
  attempts: readonly Entry[],
  counting: Counting,
  tieBreaks: readonly TieBreak[],
  truth: number | null,
): Entry | undefined {
  if (attempts.length === 0) return undefined;
  const byStart = (a: Entry, b: Entry) =>
    a.startedAt === b.startedAt ? a.attemptId - b.attemptId : a.startedAt < b.startedAt ? -1 : 1;
  const sorted = [...attempts].sort(
    counting === 'best' ? (a, b) => compareEntries(a, b, tieBreaks, truth) : byStart,
  );
  return counting === 'last' ? sorted[sorted.length - 1] : sorted[0];
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

/** Ranks one board (a round × group): each person's counting attempt, ordered, ranks 1…n. */
export function rankBoard(
  attempts: readonly Entry[],
  opts: { counting: Counting; tieBreaks: readonly TieBreak[]; truth: number | null },
): RankedEntry[] {
  const byPerson = new Map<number, Entry[]>();
  for (const a of attempts) {
    const list = byPerson.get(a.participantId);
    if (list) list.push(a);
    else byPerson.set(a.participantId, [a]);
  }
  const counted: Entry[] = [];
  for (const list of byPerson.values()) {
    const c = countingAttempt(list, opts.counting, opts.tieBreaks, opts.truth);
    if (c) counted.push(c);
  }
  counted.sort((a, b) => compareEntries(a, b, opts.tieBreaks, opts.truth));
  return counted.map((e, i) => ({
    ...e,
    rank: i + 1,
    predictionDistance: predictionDistance(e.prediction, opts.truth),
  }));
}
