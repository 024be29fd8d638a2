import { z } from 'zod';
import { ComponentValueSchema } from './measure-framework.js';

// Request and response schemas of the analysis routes (what-if, robustness, leave-one-out, history).
// Response schemas are the allowlist of what leaves the server.

const code = z.string().trim().min(1).max(40);
const id = z.coerce.number().int().positive().max(2_147_483_647);

export const WhatIfBodySchema = z.strictObject({
  overrides: z
    .record(code, ComponentValueSchema.nullable())
    .refine((o) => Object.keys(o).length <= 200, { message: 'too_big' })
    .default({}),
  weights: z
    .record(code, z.number().finite().min(0).max(100_000))
    .refine((o) => Object.keys(o).length <= 200, { message: 'too_big' })
    .optional(),
});
export type WhatIfBody = z.infer<typeof WhatIfBodySchema>;

const NodeBriefSchema = z.object({ code: z.string(), points: z.number(), value: z.number().nullable() });
const ScoreSummarySchema = z.object({
  points: z.number(),
  applicableMax: z.number(),
  value: z.number().nullable(),
  band: z.object({ code: z.string(), name: z.string() }).nullable(),
  mainIndices: z.array(NodeBriefSchema),
});
export type ScoreSummary = z.infer<typeof ScoreSummarySchema>;

export const WhatIfResultSchema = z.object({
  periodId: z.number(),
  unitId: z.number(),
  peerCount: z.number(),
  before: ScoreSummarySchema,
  after: ScoreSummarySchema,
  deltaPoints: z.number(),
  deltaValue: z.number().nullable(),
  rankBefore: z.number().nullable(),
  rankAfter: z.number().nullable(),
  changedComponents: z.array(z.object({ code: z.string(), before: z.number(), after: z.number() })),
});

export const RobustnessQuerySchema = z.strictObject({
  runs: z.coerce.number().int().min(1).max(2000).default(500),
  spread: z.coerce.number().min(0).max(0.9).default(0.2),
  seed: z.coerce.number().int().min(0).max(2_147_483_647).default(1),
  level: z.enum(['mainIndex', 'component']).default('mainIndex'),
});
export type RobustnessQuery = z.infer<typeof RobustnessQuerySchema>;

export const RobustnessSchema = z.object({
  periodId: z.number(),
  snapshotId: z.number(),
  runs: z.number(),
  spread: z.number(),
  seed: z.number(),
  level: z.enum(['mainIndex', 'component']),
  units: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      peerGroup: z.string(),
      baseValue: z.number().nullable(),
      baseRank: z.number(),
      min: z.number(),
      p5: z.number(),
      median: z.number(),
      p95: z.number(),
      max: z.number(),
    }),
  ),
});

export const DropOneSchema = z.object({
  periodId: z.number(),
  snapshotId: z.number(),
  components: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      maxAbsShift: z.number(),
      meanAbsShift: z.number(),
      unitsMoved: z.number(),
      largestChanges: z.array(
        z.object({ unitId: z.number(), baseRank: z.number(), rank: z.number(), shift: z.number() }),
      ),
    }),
  ),
});

export const LineageRuleSchema = z.enum(['mean', 'weighted', 'pooled', 'sum']);
// What a weighted mean does with a unit some of whose predecessors have no headcount.
export const MissingWeightSchema = z.enum(['flag', 'mean', 'exclude']);
// "3,4": period ids, comma-separated.
const periodIdList = z
  .string()
  .max(200)
  .regex(/^\d{1,10}(,\d{1,10}){0,19}$/)
  .transform((v) => v.split(',').map(Number));
export const InStructureQuerySchema = z.strictObject({
  structure: id,
  rule: LineageRuleSchema.default('mean'),
  weight: z.enum(['population', 'officials']).default('population'),
  missing: MissingWeightSchema.default('flag'),
  // More published periods of the same framework family (other areas), ranked in one list with this one.
  with: periodIdList.optional(),
});
export type InStructureQuery = z.infer<typeof InStructureQuerySchema>;

const ContributorSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  periodId: z.number(),
  share: z.number(),
  // True when the link is partial and has no recorded share: the share is assumed (an even split of what the
  // old unit's other links leave), never a real one.
  shareAssumed: z.boolean(),
  weight: z.number().nullable(),
  value: z.number().nullable(),
});
const CoverageSchema = z.object({
  total: z.number(),
  used: z.number(),
  shareCovered: z.number(),
  weightUsed: z.number().nullable(),
});
const TreatmentSchema = z.enum(['complete', 'flagged', 'fallback_mean', 'excluded']);

export const InStructureSchema = z.object({
  periodId: z.number(),
  periodName: z.string(),
  snapshotId: z.number(),
  sources: z.array(
    z.object({ periodId: z.number(), periodName: z.string(), year: z.number(), snapshotId: z.number() }),
  ),
  frameworkCode: z.string(),
  structureId: z.number(),
  rule: LineageRuleSchema,
  weight: z.enum(['population', 'officials']).nullable(),
  missing: MissingWeightSchema.nullable(),
  units: z.array(
    z.object({
      unitId: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
      value: z.number().nullable(),
      rank: z.number().nullable(),
      mainIndices: z.array(z.object({ code: z.string(), value: z.number().nullable() })),
      predecessors: z.array(ContributorSchema),
      coverage: CoverageSchema,
      treatment: TreatmentSchema,
    }),
  ),
});

export const HistoryQuerySchema = z.strictObject({
  rule: LineageRuleSchema.default('mean'),
  weight: z.enum(['population', 'officials']).default('population'),
  missing: MissingWeightSchema.default('flag'),
});

export const HistoryGapSchema = z.enum([
  'not_published',
  'not_approved',
  'no_submission',
  'no_predecessor_data',
  'no_weight',
]);
export const UnitHistorySchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  rule: LineageRuleSchema,
  weight: z.enum(['population', 'officials']).nullable(),
  missing: MissingWeightSchema.nullable(),
  // One series per framework family (framework code), named.
  families: z.array(z.object({ code: z.string(), name: z.string() })),
  periods: z.array(
    z.object({
      periodId: z.number(),
      periodName: z.string(),
      year: z.number(),
      frameworkCode: z.string(),
      frameworkName: z.string(),
      snapshotId: z.number().nullable(),
      direct: z.boolean(),
      value: z.number().nullable(),
      // Why there is no value (null when there is one).
      gap: HistoryGapSchema.nullable(),
      submissionStatus: z.enum(['draft', 'submitted', 'returned', 'approved']).nullable(),
      contributors: z.array(ContributorSchema),
      coverage: CoverageSchema.nullable(),
      treatment: TreatmentSchema.nullable(),
    }),
  ),
});

export type WhatIfResult = z.infer<typeof WhatIfResultSchema>;
export type Robustness = z.infer<typeof RobustnessSchema>;
export type DropOne = z.infer<typeof DropOneSchema>;
export type LineageRule = z.infer<typeof LineageRuleSchema>;
export type Contributor = z.infer<typeof ContributorSchema>;
export type MissingWeight = z.infer<typeof MissingWeightSchema>;
export type HistoryGap = z.infer<typeof HistoryGapSchema>;
export type InStructure = z.infer<typeof InStructureSchema>;
export type UnitHistory = z.infer<typeof UnitHistorySchema>;
