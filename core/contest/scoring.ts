// Scoring an attempt: one mark per question answered exactly right (a multiple-choice question needs the
// whole set of correct options and nothing else), as the Vietnamese contests count "số câu trả lời đúng".

export type KeyedQuestion = { questionId: number; correct: readonly number[] };
/** The options a participant chose, by question id (indexes into the stored options). */
export type Answers = Readonly<Record<number, readonly number[]>>;

export type AttemptScore = { correct: number; total: number; perQuestion: boolean[] };

export function isAnswerCorrect(correct: readonly number[], chosen: readonly number[] | undefined): boolean {
  if (!chosen || chosen.length !== correct.length) return false;
  const set = new Set(chosen);
  return set.size === correct.length && correct.every((c) => set.has(c));
}

export function scoreAttempt(questions: readonly KeyedQuestion[], answers: Answers): AttemptScore {
  const perQuestion = questions.map((q) => isAnswerCorrect(q.correct, answers[q.questionId]));
  return { correct: perQuestion.filter(Boolean).length, total: questions.length, perQuestion };
}
