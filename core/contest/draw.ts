// Seeded draws: an attempt's questions and option orders follow from a seed stored with the attempt, so the
// server can rebuild what a participant saw (resume, scoring, review) without storing per-question rows.

/** A small deterministic PRNG (mulberry32) from a string seed; returns floats in [0, 1). */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export type BankQuestion = {
  id: number;
  categoryId: number;
  difficulty: 'easy' | 'medium' | 'hard';
  optionCount: number;
};
export type Quota = {
  categoryId: number | null;
  difficulty: 'easy' | 'medium' | 'hard' | null;
  count: number;
};
export type Selection = { mode: 'fixed'; questionIds: number[] } | { mode: 'random'; quotas: Quota[] };

/** One drawn question: its id and the order its options are shown in (indexes into the stored options). */
export type DrawnQuestion = { questionId: number; optionOrder: number[] };

export class DrawError extends Error {
  constructor(
    readonly code: 'contest.bank_too_small' | 'contest.unknown_question',
    readonly quota: number,
  ) {
    super(code);
  }
}

/**
 * Draws an attempt's questions: the fixed set, or each quota in turn from the questions of its category and
 * difficulty not yet drawn (a question never appears twice). `categories` restricts the bank to a group's own
 * question set. Shuffles question order and options when asked. Same inputs and seed → same draw.
 */
export function drawQuestions(
  bank: readonly BankQuestion[],
  selection: Selection,
  options: {
    seed: string;
    shuffleQuestions: boolean;
    shuffleOptions: boolean;
    categories?: readonly number[];
  },
): DrawnQuestion[] {
  const random = seededRandom(options.seed);
  const pool =
    options.categories && options.categories.length > 0
      ? bank.filter((q) => options.categories?.includes(q.categoryId))
      : [...bank];
  const byId = new Map(bank.map((q) => [q.id, q]));
  let picked: BankQuestion[] = [];
  if (selection.mode === 'fixed') {
    picked = selection.questionIds.map((id, i) => {
      const q = byId.get(id);
      if (!q) throw new DrawError('contest.unknown_question', i);
      return q;
    });
  } else {
    const taken = new Set<number>();
    selection.quotas.forEach((quota, i) => {
      const candidates = pool
        .filter(
          (q) =>
            !taken.has(q.id) &&
            (quota.categoryId === null || q.categoryId === quota.categoryId) &&
            (quota.difficulty === null || q.difficulty === quota.difficulty),
        )
        .sort((a, b) => a.id - b.id);
      if (candidates.length < quota.count) throw new DrawError('contest.bank_too_small', i);
      for (const q of shuffled(candidates, random).slice(0, quota.count)) {
        taken.add(q.id);
        picked.push(q);
      }
    });
  }
  if (options.shuffleQuestions) picked = shuffled(picked, random);
  return picked.map((q) => {
    const order = Array.from({ length: q.optionCount }, (_, i) => i);
    return { questionId: q.id, optionOrder: options.shuffleOptions ? shuffled(order, random) : order };
  });
}

/** How many questions each quota could draw from (the editor warns before the contest opens). */
export function quotaShortfalls(bank: readonly BankQuestion[], quotas: readonly Quota[]): number[] {
  return quotas.map((quota) => {
    const n = bank.filter(
      (q) =>
        (quota.categoryId === null || q.categoryId === quota.categoryId) &&
        (quota.difficulty === null || q.difficulty === quota.difficulty),
    ).length;
    return Math.max(0, quota.count - n);
  });
}
