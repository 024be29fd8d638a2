import { z } from 'zod';

// Contest contracts (issue 13): the configuration a contest is run by (the engine in core/contest reads it),
// the question bank, and the organiser's views. The participant's public shapes are in contest-public.ts.

const text = (max: number) => z.string().trim().min(1).max(max);
const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/);
/** A wall-clock time in Vietnam, 'YYYY-MM-DDTHH:mm' (the thể lệ writes "00:00 ngày 10/9"). */
export const VietnamDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const PRIZE_TIERS = ['first', 'second', 'third', 'consolation'] as const;
export type PrizeTier = (typeof PRIZE_TIERS)[number];
export const PrizeLineSchema = z.object({
  tier: z.enum(PRIZE_TIERS),
  count: z.number().int().min(0).max(1000),
});

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const GroupSchema = z.object({
  key,
  name: text(120),
  /** Prizes of this group in each round that awards prizes. */
  prizes: z.array(PrizeLineSchema).max(4),
  /** The group's own question set: only these categories are drawn from (empty: the contest's selection). */
  categoryIds: z.array(z.number().int().positive().max(2_147_483_647)).max(50).default([]),
});

export const RoundSchema = z.object({
  key,
  name: text(120),
  startsAt: VietnamDateTimeSchema,
  endsAt: VietnamDateTimeSchema,
  /**
   * A board-only round takes no attempts of its own: it ranks the attempts made in its window (a monthly board
   * over the same attempts as the weekly rounds). Attempt rounds must not overlap each other.
   */
  boardOnly: z.boolean().default(false),
  awardsPrizes: z.boolean().default(true),
});

export const QuotaSchema = z.object({
  categoryId: z.number().int().positive().max(2_147_483_647).nullable().default(null),
  difficulty: z.enum(DIFFICULTIES).nullable().default(null),
  count: z.number().int().min(1).max(100),
});

export const SelectionSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('fixed'),
    questionIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(200),
  }),
  z.object({ mode: z.literal('random'), quotas: z.array(QuotaSchema).min(1).max(30) }),
]);

export const PREDICTION_TARGETS = ['perfect_scorers', 'participants', 'attempts'] as const;
export type PredictionTarget = (typeof PREDICTION_TARGETS)[number];
export const TIE_BREAKS = ['prediction', 'duration', 'submitted_at'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];
export const COUNTING = ['best', 'first', 'last'] as const;

export const REGISTRATION_FIELDS = [
  'fullName',
  'phone',
  'cccd',
  'email',
  'birthDate',
  'gender',
  'unit',
  'address',
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export const FieldRuleSchema = z.object({
  field: z.enum(REGISTRATION_FIELDS),
  required: z.boolean(),
  unique: z.boolean().default(false),
});

export const COLLECTIVE_FORMULAS = ['rate', 'rate_plus_points', 'total'] as const;
export type CollectiveFormula = (typeof COLLECTIVE_FORMULAS)[number];

export const ContestConfigSchema = z
  .object({
    rulesText: z.string().max(20_000).default(''),
    eligibility: z.object({
      minAge: z.number().int().min(0).max(100).nullable().default(null),
      residence: z.enum(['province', 'any']).default('province'),
      /** Who may not take part (organising committee, question drafters, secretariat). */
      excluded: z.string().max(500).default(''),
    }),
    groups: z.array(GroupSchema).min(1).max(6),
    rounds: z.array(RoundSchema).min(1).max(60),
    questionsPerAttempt: z.number().int().min(1).max(100),
    selection: SelectionSchema,
    shuffleQuestions: z.boolean().default(true),
    shuffleOptions: z.boolean().default(true),
    timeLimitSeconds: z
      .number()
      .int()
      .min(30)
      .max(3 * 3600),
    graceSeconds: z.number().int().min(0).max(300).default(15),
    /** Attempts per person and round; null: unlimited. */
    attemptsPerRound: z.number().int().min(1).max(100).nullable(),
    counting: z.enum(COUNTING).default('best'),
    prediction: z
      .object({ question: text(500), target: z.enum(PREDICTION_TARGETS) })
      .nullable()
      .default(null),
    /** After the score, in order. */
    tieBreaks: z.array(z.enum(TIE_BREAKS)).max(3).default(['prediction', 'duration', 'submitted_at']),
    onePrizePerPerson: z.boolean().default(true),
    /** Everyone ranked in a closed round may download a participation certificate (winners always may). */
    participationCertificates: z.boolean().default(false),
    registration: z.array(FieldRuleSchema).min(1).max(REGISTRATION_FIELDS.length),
    verification: z.enum(['none', 'otp_email', 'sso']).default('none'),
    /**
     * Days after the contest closes before its participants' CCCD and phone are erased; null: the server's
     * CONTEST_RETENTION_DAYS (365 unless set); 0: kept until the organiser deletes the contest. Stated in the rules
     * summary, since a person must be told how long their data is kept (Decree 13/2023, Art. 13).
     */
    retentionDays: z.number().int().min(0).max(3650).nullable().default(null),
    collective: z
      .object({
        formula: z.enum(COLLECTIVE_FORMULAS),
        /** Points a unit earns per individual prize of its people (the 10/8/6… of the thể lệ). */
        points: z.object({
          first: z.number().min(0).max(100),
          second: z.number().min(0).max(100),
          third: z.number().min(0).max(100),
          consolation: z.number().min(0).max(100),
        }),
        prizes: z.array(z.object({ label: text(80), count: z.number().int().min(0).max(100) })).max(6),
      })
      .nullable()
      .default(null),
  })
  .superRefine((c, ctx) => {
    const dup = (list: string[], path: string) => {
      const seen = new Set<string>();
      list.forEach((k, i) => {
        if (seen.has(k))
          ctx.addIssue({
            code: 'custom',
            path: [path, i, 'key'],
            message: 'contest.duplicate_key',
            params: { code: 'contest.duplicate_key' },
          });
        seen.add(k);
      });
    };
    dup(
      c.groups.map((g) => g.key),
      'groups',
    );
    dup(
      c.rounds.map((r) => r.key),
      'rounds',
    );
    c.rounds.forEach((r, i) => {
      if (r.endsAt <= r.startsAt)
        ctx.addIssue({
          code: 'custom',
          path: ['rounds', i, 'endsAt'],
          message: 'contest.round_ends_before_start',
          params: { code: 'contest.round_ends_before_start' },
        });
    });
    const attemptRounds = c.rounds
      .filter((r) => !r.boardOnly)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    if (attemptRounds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['rounds'],
        message: 'contest.no_attempt_round',
        params: { code: 'contest.no_attempt_round' },
      });
    for (let i = 1; i < attemptRounds.length; i++) {
      if (attemptRounds[i].startsAt < attemptRounds[i - 1].endsAt) {
        const at = c.rounds.indexOf(attemptRounds[i]);
        ctx.addIssue({
          code: 'custom',
          path: ['rounds', at, 'startsAt'],
          message: 'contest.rounds_overlap',
          params: { code: 'contest.rounds_overlap' },
        });
      }
    }
    if (c.selection.mode === 'random') {
      const total = c.selection.quotas.reduce((s, q) => s + q.count, 0);
      if (total !== c.questionsPerAttempt)
        ctx.addIssue({
          code: 'custom',
          path: ['selection', 'quotas'],
          message: 'contest.quotas_sum',
          params: { code: 'contest.quotas_sum' },
        });
    } else if (c.selection.questionIds.length !== c.questionsPerAttempt) {
      ctx.addIssue({
        code: 'custom',
        path: ['selection', 'questionIds'],
        message: 'contest.fixed_count',
        params: { code: 'contest.fixed_count' },
      });
    }
    if (!c.registration.some((f) => f.field === 'fullName' && f.required))
      ctx.addIssue({
        code: 'custom',
        path: ['registration'],
        message: 'contest.name_required',
        params: { code: 'contest.name_required' },
      });
    if (c.verification === 'otp_email' && !c.registration.some((f) => f.field === 'email' && f.required))
      ctx.addIssue({
        code: 'custom',
        path: ['verification'],
        message: 'contest.otp_needs_email',
        params: { code: 'contest.otp_needs_email' },
      });
    if (c.tieBreaks.includes('prediction') && !c.prediction)
      ctx.addIssue({
        code: 'custom',
        path: ['tieBreaks'],
        message: 'contest.prediction_missing',
        params: { code: 'contest.prediction_missing' },
      });
    if (new Set(c.tieBreaks).size !== c.tieBreaks.length)
      ctx.addIssue({
        code: 'custom',
        path: ['tieBreaks'],
        message: 'contest.duplicate_key',
        params: { code: 'contest.duplicate_key' },
      });
  });
export type ContestConfig = z.infer<typeof ContestConfigSchema>;
export type ContestConfigInput = z.input<typeof ContestConfigSchema>;
export type ContestGroup = z.infer<typeof GroupSchema>;
export type ContestRound = z.infer<typeof RoundSchema>;

export const CONTEST_STATUSES = ['draft', 'open', 'closed'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

export const ContestInputSchema = z.object({
  unitId: z.number().int().positive().max(2_147_483_647),
  title: text(200),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{2,60}$/),
  config: ContestConfigSchema,
});
export type ContestInput = z.input<typeof ContestInputSchema>;
export const ContestPatchSchema = ContestInputSchema.omit({ unitId: true });

export const ContestViewSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(CONTEST_STATUSES),
  config: ContestConfigSchema,
  summary: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: z.object({ participants: z.number(), attempts: z.number() }),
});
export type ContestView = z.infer<typeof ContestViewSchema>;
export const ContestListSchema = z.object({
  items: z.array(ContestViewSchema.omit({ config: true, summary: true })),
});
export const ContestListQuerySchema = z.object({
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export const ContestIdParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

// The question bank: a bank belongs to the organising unit; questions have categories and difficulty.
export const QuestionOptionSchema = z.object({ text: text(500), correct: z.boolean() });
export const QuestionInputSchema = z
  .object({
    unitId: z.number().int().positive().max(2_147_483_647),
    category: text(120),
    difficulty: z.enum(DIFFICULTIES).default('medium'),
    kind: z.enum(['single', 'multiple']).default('single'),
    text: text(2000),
    options: z.array(QuestionOptionSchema).min(2).max(8),
    explanation: z.string().max(2000).nullable().default(null),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0 || (q.kind === 'single' && correct !== 1))
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'contest.question_correct_count',
        params: { code: 'contest.question_correct_count' },
      });
  });
export type QuestionInput = z.input<typeof QuestionInputSchema>;
export const QuestionViewSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  categoryId: z.number(),
  category: z.string(),
  difficulty: z.enum(DIFFICULTIES),
  kind: z.enum(['single', 'multiple']),
  text: z.string(),
  options: z.array(QuestionOptionSchema),
  explanation: z.string().nullable(),
  archived: z.boolean(),
});
export type QuestionView = z.infer<typeof QuestionViewSchema>;
export const QuestionListQuerySchema = z.object({
  unitId: z.coerce.number().int().positive().max(2_147_483_647),
  categoryId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export const QuestionListSchema = z.object({
  items: z.array(QuestionViewSchema),
  categories: z.array(z.object({ id: z.number(), name: z.string(), questions: z.number() })),
});

/** One row of an import, as parsed: the question or the reasons it was refused. */
export const ImportRowSchema = z.object({
  row: z.number(),
  question: z
    .object({
      category: z.string(),
      difficulty: z.enum(DIFFICULTIES),
      kind: z.enum(['single', 'multiple']),
      text: z.string(),
      options: z.array(QuestionOptionSchema),
    })
    .nullable(),
  errors: z.array(z.string()),
});
export const ImportResultSchema = z.object({
  format: z.enum(['gift', 'aiken', 'xlsx']),
  rows: z.array(ImportRowSchema),
  valid: z.number(),
  invalid: z.number(),
  /** Questions written (0 for a preview). */
  created: z.number(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
export const ImportQuerySchema = z.object({
  unitId: z.coerce.number().int().positive().max(2_147_483_647),
  format: z.enum(['gift', 'aiken', 'xlsx']),
  /** 'preview' parses and reports; 'commit' writes the valid rows. */
  mode: z.enum(['preview', 'commit']).default('preview'),
  category: z.string().trim().min(1).max(120).optional(),
});

// Results at close: the counting attempt of each person per round and group, ranks and prizes.
export const ResultRowSchema = z.object({
  rank: z.number(),
  participantId: z.number(),
  name: z.string(),
  unitName: z.string().nullable(),
  groupKey: z.string(),
  score: z.number(),
  total: z.number(),
  predictionValue: z.number().nullable(),
  predictionDistance: z.number().nullable(),
  durationMs: z.number(),
  submittedAt: z.string(),
  prize: z.enum(PRIZE_TIERS).nullable(),
});
export type ResultRow = z.infer<typeof ResultRowSchema>;
export const CollectiveRowSchema = z.object({
  rank: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  participants: z.number(),
  headcount: z.number().nullable(),
  rate: z.number().nullable(),
  prizePoints: z.number(),
  score: z.number(),
  prize: z.string().nullable(),
});
export type CollectiveRow = z.infer<typeof CollectiveRowSchema>;
export const RoundResultsSchema = z.object({
  roundKey: z.string(),
  roundName: z.string(),
  final: z.boolean(),
  predictionTrueValue: z.number().nullable(),
  groups: z.array(z.object({ groupKey: z.string(), groupName: z.string(), rows: z.array(ResultRowSchema) })),
});
export const ContestResultsSchema = z.object({
  contestId: z.number(),
  status: z.enum(CONTEST_STATUSES),
  rounds: z.array(RoundResultsSchema),
  collective: z.array(CollectiveRowSchema),
});
export type ContestResults = z.infer<typeof ContestResultsSchema>;
export const ResultsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(5000).default(200) });

export const ParticipationRowSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  participants: z.number(),
  attempts: z.number(),
  headcount: z.number().nullable(),
  rate: z.number().nullable(),
});
/** A block of units (khối): the peer group the province ranks units in. */
export const BlockRowSchema = z.object({
  block: z.string(),
  blockName: z.string(),
  units: z.number(),
  participants: z.number(),
  attempts: z.number(),
  headcount: z.number().nullable(),
  rate: z.number().nullable(),
});
export const ParticipationSchema = z.object({
  byGroup: z.array(z.object({ groupKey: z.string(), participants: z.number(), attempts: z.number() })),
  byUnit: z.array(ParticipationRowSchema.extend({ blockName: z.string() })),
  byBlock: z.array(BlockRowSchema),
  /** Units under half their block's rate (core/contest/participation.ts), lowest first. */
  laggards: z.array(ParticipationRowSchema.extend({ blockName: z.string() })),
  asOf: z.string(),
});
export type Participation = z.infer<typeof ParticipationSchema>;
