import { isAnswerCorrect } from './scoring.js';

// Item statistics after a round (as Moodle's quiz statistics report): for each question, its facility index
// (the share of the attempts that drew it and answered it exactly right), its discrimination and how the
// answers spread over its options; items that measure badly are flagged for the question writers.
//
// Discrimination is the point-biserial correlation between the item (1 right, 0 not) and the rest of the
// attempt (its score without this item, as a share of the other questions drawn) — Moodle's "discriminative
// efficiency" family rather than the upper/lower 27 % index, because (1) it uses every attempt instead of
// discarding the middle 46 %, which matters for a round of a few hundred attempts; (2) with random draws the
// attempts have different question sets and lengths, and a share of the rest is comparable across them where
// raw group cut-offs are not; (3) leaving the item out of the total stops a short attempt from inflating its
// own correlation. It is undefined (null) when every attempt got the item right, or every one wrong, or the
// rest scores do not vary.

/** One question as frozen in the contest: its option count and the indexes of its correct options. */
export type StatsQuestion = { questionId: number; optionCount: number; correct: readonly number[] };

/** One submitted attempt: the questions it drew and the options chosen (indexes into the stored options). */
export type StatsAttempt = {
  questionIds: readonly number[];
  answers: Readonly<Record<number, readonly number[] | undefined>>;
};

export const ITEM_FLAGS = [
  'too_hard',
  'too_easy',
  'low_discrimination',
  'unused_distractor',
  'distractor_beats_key',
] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

export type ItemStats = {
  questionId: number;
  /** Attempts that drew the question. */
  responses: number;
  correctCount: number;
  /** Share of the responses answered exactly right; null with no response. */
  facility: number | null;
  discrimination: number | null;
  /** How many responses chose each option (a multiple-choice answer counts once per option chosen). */
  optionCounts: number[];
  /** Responses left blank. */
  blank: number;
  flags: ItemFlag[];
  /** The distractors (indexes) nobody chose, and the ones chosen more often than the key. */
  unusedDistractors: number[];
  strongDistractors: number[];
};

export type ItemStatsOptions = {
  /** Below this many responses no flag is raised (too little evidence); default 10. */
  minResponses?: number;
};

export const FACILITY_LOW = 0.2;
export const FACILITY_HIGH = 0.95;
export const DISCRIMINATION_LOW = 0.2;

/** Pearson correlation of two equally long series; null when either does not vary. */
export function correlation(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

type Sums = { n: number; x: number; y: number; xy: number; xx: number; yy: number };

/**
 * Item statistics built one attempt at a time (a round of a million attempts is read page by page): every
 * figure comes from running sums, so memory grows with the questions, not the attempts.
 */
export function createItemStatsAccumulator(questions: readonly StatsQuestion[]) {
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  const state = new Map(
    questions.map((q) => [
      q.questionId,
      {
        sums: { n: 0, x: 0, y: 0, xy: 0, xx: 0, yy: 0 } as Sums,
        optionCounts: Array.from({ length: q.optionCount }, () => 0),
        blank: 0,
      },
    ]),
  );
  return {
    add(a: StatsAttempt) {
      const ids = [...new Set(a.questionIds)].filter((id) => byId.has(id));
      const right = ids.map((id) => isAnswerCorrect((byId.get(id) as StatsQuestion).correct, a.answers[id]));
      const score = right.filter(Boolean).length;
      ids.forEach((id, i) => {
        const q = byId.get(id) as StatsQuestion;
        const st = state.get(id) as NonNullable<ReturnType<typeof state.get>>;
        const chosen = a.answers[id] ?? [];
        if (chosen.length === 0) st.blank++;
        for (const o of new Set(chosen)) if (o >= 0 && o < q.optionCount) st.optionCounts[o]++;
        const x = right[i] ? 1 : 0;
        // The rest of the attempt: its score without this item, as a share of the other questions drawn.
        const y = ids.length > 1 ? (score - x) / (ids.length - 1) : 0;
        const m = st.sums;
        m.n++;
        m.x += x;
        m.y += y;
        m.xy += x * y;
        m.xx += x * x;
        m.yy += y * y;
      });
    },
    result(options: ItemStatsOptions = {}): ItemStats[] {
      const minResponses = options.minResponses ?? 10;
      return questions.map((q) => {
        const {
          sums: m,
          optionCounts,
          blank,
        } = state.get(q.questionId) as NonNullable<ReturnType<typeof state.get>>;
        const responses = m.n;
        const correctCount = m.x;
        const facility = responses ? correctCount / responses : null;
        const discrimination = correlationOfSums(m);
        const key = new Set(q.correct);
        const distractors = optionCounts.map((_, i) => i).filter((i) => !key.has(i));
        const keyCount = Math.max(0, ...q.correct.map((i) => optionCounts[i] ?? 0));
        const unusedDistractors = distractors.filter((i) => optionCounts[i] === 0);
        const strongDistractors = distractors.filter((i) => optionCounts[i] > keyCount);
        const flags: ItemFlag[] = [];
        if (responses >= minResponses && facility !== null) {
          if (facility < FACILITY_LOW) flags.push('too_hard');
          if (facility > FACILITY_HIGH) flags.push('too_easy');
          // An item everyone gets right (or wrong) cannot discriminate: its facility flag says why already.
          if (discrimination !== null && discrimination < DISCRIMINATION_LOW)
            flags.push('low_discrimination');
          if (unusedDistractors.length) flags.push('unused_distractor');
          if (strongDistractors.length) flags.push('distractor_beats_key');
        }
        return {
          questionId: q.questionId,
          responses,
          correctCount,
          facility,
          discrimination,
          optionCounts: [...optionCounts],
          blank,
          flags,
          unusedDistractors,
          strongDistractors,
        };
      });
    },
  };
}

function correlationOfSums(m: Sums): number | null {
  if (m.n < 2) return null;
  const sxy = m.xy - (m.x * m.y) / m.n;
  const sxx = m.xx - (m.x * m.x) / m.n;
  const syy = m.yy - (m.y * m.y) / m.n;
  if (sxx < 1e-9 || syy < 1e-9) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export function itemStatistics(
  questions: readonly StatsQuestion[],
  attempts: readonly StatsAttempt[],
  options: ItemStatsOptions = {},
): ItemStats[] {
  const acc = createItemStatsAccumulator(questions);
  for (const a of attempts) acc.add(a);
  return acc.result(options);
}

/** The flags in words (vi, en), for the staff screen and the workbook. */
export const ITEM_FLAG_LABELS: Readonly<Record<ItemFlag, { vi: string; en: string }>> = {
  too_hard: {
    vi: 'Quá khó: dưới 20% trả lời đúng',
    en: 'Too hard: under 20% answered correctly',
  },
  too_easy: {
    vi: 'Quá dễ: trên 95% trả lời đúng',
    en: 'Too easy: over 95% answered correctly',
  },
  low_discrimination: {
    vi: 'Phân loại kém: người làm tốt bài không trả lời đúng câu này nhiều hơn',
    en: 'Poor discrimination: stronger candidates do not answer it better',
  },
  unused_distractor: {
    vi: 'Có phương án nhiễu không ai chọn',
    en: 'A distractor nobody chose',
  },
  distractor_beats_key: {
    vi: 'Có phương án nhiễu được chọn nhiều hơn đáp án đúng',
    en: 'A distractor chosen more often than the key',
  },
};

/** "A", "B", … for an option index, as the questions are printed. */
export const optionLetter = (i: number) => String.fromCharCode(65 + i);
