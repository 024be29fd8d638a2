import { z } from 'zod';
import { ComponentValueSchema } from '../../../core/contracts/measure-framework.js';

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

export const LineageRuleSchema = z.enum(['mean', 'weighted', 'sum']);
export const InStructureQuerySchema = z.strictObject({
  structure: id,
  rule: LineageRuleSchema.default('mean'),
  weight: z.enum(['population', 'officials']).default('population'),
});
export type InStructureQuery = z.infer<typeof InStructureQuerySchema>;

const ContributorSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  share: z.number(),
  weight: z.number().nullable(),
  value: z.number().nullable(),
});

export const InStructureSchema = z.object({
  periodId: z.number(),
  periodName: z.string(),
  snapshotId: z.number(),
  structureId: z.number(),
  rule: LineageRuleSchema,
  weight: z.enum(['population', 'officials']).nullable(),
  units: z.array(
    z.object({
      unitId: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
      value: z.number().nullable(),
      rank: z.number().nullable(),
      mainIndices: z.array(z.object({ code: z.string(), value: z.number().nullable() })),
      predecessors: z.array(ContributorSchema),
    }),
  ),
});

export const HistoryQuerySchema = z.strictObject({
  rule: LineageRuleSchema.default('mean'),
  weight: z.enum(['population', 'officials']).default('population'),
});

export const UnitHistorySchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  rule: LineageRuleSchema,
  periods: z.array(
    z.object({
      periodId: z.number(),
      periodName: z.string(),
      year: z.number(),
      snapshotId: z.number(),
      direct: z.boolean(),
      value: z.number().nullable(),
      contributors: z.array(ContributorSchema),
    }),
  ),
});
