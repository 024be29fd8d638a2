import { z } from 'zod';
import { MEASURE_UNIT_KINDS, type MeasureUnitKind } from '../units/kind.js';

// Indicator framework (bộ chỉ số) contract, shared by server and web.
// Tree: groups (nền tảng / hoạt động) → main indices (chỉ số chính) → components (chỉ số thành phần);
// a second classification, pillar (trụ cột), is carried by each component (or inherited from its main index).

const MAX_POINTS = 100_000;
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();

// Codes are referenced by formulas, so they must be identifiers: a letter first, then letters, digits, '_' or '.'.
export const NodeCodeSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'code: letter first, then letters, digits, "_" or "."');

export const PILLARS = ['government', 'economy', 'society'] as const;
export const PillarSchema = z.enum(PILLARS);
export type Pillar = z.infer<typeof PillarSchema>;

// The framework's unit classes (appliesTo, peer groups): core/units/kind.ts, beside the stored kinds they refine.
export const MeasureUnitKindSchema = z.enum(MEASURE_UNIT_KINDS);
export type { MeasureUnitKind };

export const VALUE_TYPES = ['number', 'percent', 'ratio', 'boolean', 'choice', 'date', 'document'] as const;
export const ValueTypeSchema = z.enum(VALUE_TYPES);
export type ValueType = z.infer<typeof ValueTypeSchema>;

// Empty or absent lists mean "applies to every unit". Kinds and groups are alternatives (OR).
export const AppliesToSchema = z.strictObject({
  unitKinds: z.array(MeasureUnitKindSchema).max(20).optional(),
  unitGroups: z.array(text(60)).max(50).optional(),
});
export type AppliesTo = z.infer<typeof AppliesToSchema>;

const finite = z.number().finite();
const points = z.number().finite().min(0).max(MAX_POINTS);

// Scoring rules. Every rule yields points within [0, component.maxPoints].
export const ZERO_CASES = ['full', 'zero', 'not_applicable'] as const;
export const ZeroCasesSchema = z.enum(ZERO_CASES);
export type ZeroCases = z.infer<typeof ZeroCasesSchema>;
export const StepsRuleSchema = z.strictObject({
  kind: z.literal('steps'),
  // value ≥ min → points; the matching step with the highest min wins; below every min → 0.
  steps: z
    .array(z.strictObject({ min: finite, points }))
    .min(1)
    .max(50),
});
export const RatioRuleSchema = z.strictObject({
  kind: z.literal('ratio'),
  // points = min(1, (a/b) / fullAt) × max; fullAt (default 1) gives full points from e.g. 90 %.
  cap: z.boolean().default(true),
  fullAt: z.number().finite().gt(0).max(1).optional(),
  // What "no cases" (0/0) means: full points, zero, or not applicable (the maximum leaves the unit's total).
  // Absent: the rate cannot be scored (not_evaluable), as before the option existed.
  zeroCases: ZeroCasesSchema.optional(),
});
export const ChoiceRuleSchema = z.strictObject({
  kind: z.literal('choice'),
  options: z
    .array(z.strictObject({ value: text(60), label: text(200), labelEn: optText(200), points }))
    .min(1)
    .max(30),
});
export const BooleanRuleSchema = z.strictObject({ kind: z.literal('boolean') });
export const MinMaxRuleSchema = z.strictObject({
  kind: z.literal('minmax'),
  lower: finite,
  upper: finite,
  higherIsBetter: z.boolean().default(true),
});
export const TargetRuleSchema = z.strictObject({
  kind: z.literal('target'),
  target: finite,
  baseline: finite.optional(),
  higherIsBetter: z.boolean().default(true),
});
export const FormulaRuleSchema = z.strictObject({
  kind: z.literal('formula'),
  expression: text(500),
  // 'fraction': expression yields 0..1 of max; 'points': it yields points directly. Both are clipped.
  result: z.enum(['fraction', 'points']).default('fraction'),
});
// '{year}-MM-DD': a deadline on the same day of each period's year (resolved in core/measure/deadlines.ts).
export const RELATIVE_DUE = /^\{year\}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const DeadlineRuleSchema = z.strictObject({
  kind: z.literal('deadline'),
  // A fixed date (as every framework stored before relative deadlines), or relative to the period's year.
  due: z.union([z.iso.date(), z.string().regex(RELATIVE_DUE, 'due: YYYY-MM-DD or {year}-MM-DD')]),
  latePoints: points.default(0),
});
export const NoneRuleSchema = z.strictObject({ kind: z.literal('none') });

export const ScoringRuleSchema = z.discriminatedUnion('kind', [
  StepsRuleSchema,
  RatioRuleSchema,
  ChoiceRuleSchema,
  BooleanRuleSchema,
  MinMaxRuleSchema,
  TargetRuleSchema,
  FormulaRuleSchema,
  DeadlineRuleSchema,
  NoneRuleSchema,
]);
export type ScoringRule = z.infer<typeof ScoringRuleSchema>;
export type ScoringRuleInput = z.input<typeof ScoringRuleSchema>;
export type RuleKind = ScoringRule['kind'];

export const ComponentSchema = z.strictObject({
  code: NodeCodeSchema,
  name: text(300),
  nameEn: optText(300),
  description: optText(2000),
  appliesTo: AppliesToSchema.optional(),
  valueType: ValueTypeSchema,
  unitOfMeasure: optText(60),
  requiredEvidence: optText(1000),
  dataSource: optText(300),
  verifyingAgency: optText(300),
  // Informational components are collected and shown but always score 0 (max 0).
  informational: z.boolean().default(false),
  kpiCode: optText(60),
  maxPoints: points,
  // undefined → inherit from the main index; null → no pillar.
  pillar: PillarSchema.nullable().optional(),
  rule: ScoringRuleSchema,
  isExample: z.boolean().optional(),
});
export type Component = z.infer<typeof ComponentSchema>;
export type ComponentInput = z.input<typeof ComponentSchema>;

export const MainIndexSchema = z.strictObject({
  code: NodeCodeSchema,
  name: text(300),
  nameEn: optText(300),
  description: optText(2000),
  maxPoints: points,
  pillar: PillarSchema.nullable().default(null),
  components: z.array(ComponentSchema).max(300),
});
export type MainIndex = z.infer<typeof MainIndexSchema>;

export const GroupSchema = z.strictObject({
  code: NodeCodeSchema,
  name: text(300),
  nameEn: optText(300),
  maxPoints: points,
  mainIndices: z.array(MainIndexSchema).max(50),
});
export type Group = z.infer<typeof GroupSchema>;

export const BandSchema = z.strictObject({
  code: NodeCodeSchema,
  name: text(100),
  nameEn: optText(100),
  // The band applies from this value (0..1) up to the next band's minValue.
  minValue: z.number().min(0).max(1),
});
export type Band = z.infer<typeof BandSchema>;

// A check between components' values, run on submit (e.g. "X.HT.1 <= X.HT.2", "A + B <= C"). Values read as
// in formulas (a numerator/denominator pair as a percentage); a rule with an unanswered input is skipped.
export const ConsistencyRuleSchema = z.strictObject({
  code: NodeCodeSchema,
  expression: text(500),
  message: text(500),
  messageEn: optText(500),
});
export type ConsistencyRule = z.infer<typeof ConsistencyRuleSchema>;

export const FrameworkSchema = z
  .strictObject({
    code: NodeCodeSchema,
    name: text(300),
    nameEn: optText(300),
    version: text(40),
    description: optText(4000),
    legalBasis: optText(300),
    maxPoints: points,
    groups: z.array(GroupSchema).min(1).max(20),
    bands: z.array(BandSchema).max(10).default([]),
    consistencyRules: z.array(ConsistencyRuleSchema).max(100).optional(),
    isExample: z.boolean().optional(),
  })
  .meta({ id: 'FrameworkDefinition' });
export type Framework = z.infer<typeof FrameworkSchema>;
export type FrameworkInput = z.input<typeof FrameworkSchema>;

// A unit's raw entry for one component. Raw parts are kept; rates and points are derived.
export const ComponentValueSchema = z.union([
  z.strictObject({ notApplicable: z.literal(true), reason: optText(500) }),
  z.strictObject({ number: z.number().finite().min(-1e12).max(1e12) }),
  z.strictObject({
    numerator: z.number().finite().min(0).max(1e12),
    denominator: z.number().finite().min(0).max(1e12),
  }),
  z.strictObject({ bool: z.boolean() }),
  z.strictObject({ choice: text(60) }),
  z.strictObject({ date: z.iso.date() }),
  z.strictObject({ documentRef: text(500) }),
]);
export type ComponentValue = z.infer<typeof ComponentValueSchema>;
export type UnitValues = Record<string, ComponentValue | null | undefined>;

export const ScoreStatusSchema = z.enum(['scored', 'not_applicable', 'missing', 'not_evaluable']);
export type ScoreStatus = z.infer<typeof ScoreStatusSchema>;

export const ExplanationSchema = z.strictObject({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const ComponentResultSchema = z.strictObject({
  code: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  status: ScoreStatusSchema,
  explanation: ExplanationSchema,
});
export type ComponentResult = z.infer<typeof ComponentResultSchema>;

export const NodeResultSchema = z.strictObject({
  code: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  applicableMax: z.number(),
  // points ÷ applicableMax; null when nothing applies (applicableMax 0).
  value: z.number().nullable(),
});
export type NodeResult = z.infer<typeof NodeResultSchema>;

export const UnitResultSchema = z.strictObject({
  components: z.array(ComponentResultSchema),
  mainIndices: z.array(NodeResultSchema),
  groups: z.array(NodeResultSchema),
  pillars: z.array(NodeResultSchema),
  total: NodeResultSchema,
  band: BandSchema.nullable(),
});
export type UnitResult = z.infer<typeof UnitResultSchema>;

export const FrameworkIssueSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type FrameworkIssue = z.infer<typeof FrameworkIssueSchema>;
