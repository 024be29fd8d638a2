import { z } from 'zod';
import { DIFFICULTIES, PREDICTION_TARGETS, REGISTRATION_FIELDS } from './contest.js';
import { PowSolutionSchema } from './feedback-public.js';

// The participant's public shapes (no account): the landing, registration, attempts and boards. Correct answers
// never appear in any of them; CCCD and phone only ever masked.

export const SlugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/) });
export const AttemptParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const PublicContestSchema = z.object({
  slug: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  rulesText: z.string(),
  summary: z.string(),
  groups: z.array(z.object({ key: z.string(), name: z.string() })),
  rounds: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      boardOnly: z.boolean(),
      final: z.boolean(),
    }),
  ),
  currentRoundKey: z.string().nullable(),
  registration: z.array(z.object({ field: z.enum(REGISTRATION_FIELDS), required: z.boolean() })),
  verification: z.enum(['none', 'otp_email', 'sso']),
  questionsPerAttempt: z.number(),
  timeLimitSeconds: z.number(),
  attemptsPerRound: z.number().nullable(),
  prediction: z.object({ question: z.string(), target: z.enum(PREDICTION_TARGETS) }).nullable(),
  serverNow: z.string(),
});
export type PublicContest = z.infer<typeof PublicContestSchema>;

export const RegisterBodySchema = z.object({
  groupKey: z.string().min(1).max(32),
  fullName: z.string().trim().min(2).max(120),
  phone: z.string().trim().max(20).optional(),
  cccd: z.string().trim().max(20).optional(),
  email: z.string().trim().email().max(200).optional(),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  gender: z.enum(['male', 'female', 'other']).optional(),
  unitId: z.number().int().positive().max(2_147_483_647).optional(),
  address: z.string().trim().max(300).optional(),
  consent: z.literal(true),
  /** The solved proof-of-work challenge (GET …/challenge); required on the public route. */
  pow: PowSolutionSchema.optional(),
});
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

export const MeSchema = z.object({
  participantId: z.number(),
  fullName: z.string(),
  groupKey: z.string(),
  unitName: z.string().nullable(),
  phone: z.string().nullable(),
  cccd: z.string().nullable(),
  verified: z.boolean(),
  attempts: z.array(
    z.object({
      id: z.number(),
      roundKey: z.string(),
      status: z.enum(['open', 'submitted']),
      score: z.number().nullable(),
      total: z.number(),
      startedAt: z.string(),
      submittedAt: z.string().nullable(),
      durationMs: z.number().nullable(),
    }),
  ),
  results: z.array(z.object({ roundKey: z.string(), rank: z.number(), prize: z.string().nullable() })),
});
export type Me = z.infer<typeof MeSchema>;
export const RegisteredSchema = z.object({ token: z.string(), me: MeSchema });
export const VerifyBodySchema = z.object({ code: z.string().regex(/^\d{6}$/) });

export const AttemptQuestionSchema = z.object({
  id: z.number(),
  text: z.string(),
  kind: z.enum(['single', 'multiple']),
  difficulty: z.enum(DIFFICULTIES),
  /** In the order shown; `key` is what an answer sends back. */
  options: z.array(z.object({ key: z.number(), text: z.string() })),
});
export const AttemptViewSchema = z.object({
  id: z.number(),
  roundKey: z.string(),
  status: z.enum(['open', 'submitted']),
  startedAt: z.string(),
  deadlineAt: z.string(),
  serverNow: z.string(),
  questions: z.array(AttemptQuestionSchema),
  answers: z.record(z.string(), z.array(z.number())),
  prediction: z.number().nullable(),
  predictionQuestion: z.string().nullable(),
  score: z.number().nullable(),
  total: z.number(),
  durationMs: z.number().nullable(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
});
export type AttemptView = z.infer<typeof AttemptViewSchema>;
export const AnswersBodySchema = z.object({
  answers: z.record(z.string().regex(/^\d{1,9}$/), z.array(z.number().int().min(0).max(20)).max(20)),
  prediction: z.number().int().min(0).max(100_000_000).nullable().optional(),
});
export type AnswersBody = z.infer<typeof AnswersBodySchema>;
export const SubmittedSchema = AttemptViewSchema.extend({ alreadySubmitted: z.boolean() });

export const LeaderboardQuerySchema = z.object({
  round: z.string().max(32),
  group: z.string().max(32),
});
export const LeaderboardSchema = z.object({
  roundKey: z.string(),
  groupKey: z.string(),
  /** False while the round is open: score and time only, labelled provisional. */
  final: z.boolean(),
  rows: z.array(
    z.object({
      rank: z.number(),
      name: z.string(),
      unitName: z.string().nullable(),
      score: z.number(),
      total: z.number(),
      durationMs: z.number(),
      prize: z.string().nullable(),
    }),
  ),
});
export type Leaderboard = z.infer<typeof LeaderboardSchema>;
export const UnitSearchQuerySchema = z.object({ q: z.string().trim().min(1).max(80) });
export const UnitSearchSchema = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });
