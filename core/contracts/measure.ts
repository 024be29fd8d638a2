import { z } from 'zod';
import {
  ComponentValueSchema,
  FrameworkIssueSchema,
  MeasureUnitKindSchema,
  UnitResultSchema,
} from './measure-framework.js';

// Measure API contracts (frameworks storage, periods, submissions, appraisal, results).
// The framework definition itself is in measure-framework.ts.

export const IdParamSchema = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
export const PeriodUnitParamsSchema = z.strictObject({ periodId: id, unitId: id });
const isoDate = z.iso.date();
const comment = z.string().trim().max(2000);

// ---- Frameworks ----
export const FrameworkStatusSchema = z.enum(['draft', 'frozen']);
export const StoredFrameworkSchema = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  status: FrameworkStatusSchema,
  derivedFromId: z.number().nullable(),
  componentCount: z.number(),
  maxPoints: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredFramework = z.infer<typeof StoredFrameworkSchema>;
export const StoredFrameworkDetailSchema = StoredFrameworkSchema.extend({
  definition: z.unknown(),
  canEdit: z.boolean(),
});
export const FrameworkTemplateSchema = z.object({
  key: z.string(),
  code: z.string(),
  name: z.string(),
  componentCount: z.number(),
  maxPoints: z.number(),
});
// A new framework belongs to an owner unit: the one named, else the caller's first measure.manage unit; a new
// version of an existing code keeps that code's owner. Managing it needs measure.manage on the owner.
const ownerUnitId = id.optional().describe('The unit that will own the framework (measure.manage there)');
export const FrameworkFromTemplateSchema = z.strictObject({
  templateKey: z.string().min(1).max(80),
  ownerUnitId,
});
// The definition is validated by the core validator so its errors come back per field, not as one zod blob.
export const FrameworkDefinitionBodySchema = z.strictObject({ definition: z.unknown() });
export const FrameworkImportBodySchema = z.strictObject({ definition: z.unknown(), ownerUnitId });
export const FrameworkOwnerQuerySchema = z.strictObject({
  ownerUnitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export const FrameworkSaveResultSchema = z.object({
  framework: StoredFrameworkDetailSchema,
  // Set when saving a frozen framework created a new version instead of changing it.
  createdNewVersion: z.boolean(),
  warnings: z.array(FrameworkIssueSchema),
});

// ---- Periods ----
export const PeriodStatusSchema = z.enum(['draft', 'open', 'closed', 'published']);
export type PeriodStatus = z.infer<typeof PeriodStatusSchema>;
// Plan targets on the 0–1 value scale (Digital Decade style "distance to target"): one for the total index and
// optionally one per main index of the period's framework, by code (checked against the framework on save).
const targetValue = z.number().finite().min(0).max(1);
export const PeriodTargetsSchema = z.strictObject({
  total: targetValue.nullable().default(null),
  mainIndices: z.record(z.string().trim().min(1).max(40), targetValue).default({}),
});
export type PeriodTargets = z.infer<typeof PeriodTargetsSchema>;
export const PeriodCreateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    year: z.number().int().min(2000).max(2100),
    frameworkId: id,
    rootUnitId: id,
    unitIds: z.array(id).max(20_000).default([]),
    unitKinds: z.array(MeasureUnitKindSchema).max(10).default([]),
    // Unit groups named by frameworks' applicability rules (e.g. "kts_remit"): group code → member unit ids.
    unitGroups: z.record(z.string().trim().min(1).max(60), z.array(id).max(20_000)).default({}),
    opensOn: isoDate,
    dueOn: isoDate,
    targets: PeriodTargetsSchema.optional(),
  })
  .refine((p) => p.opensOn <= p.dueOn, {
    path: ['dueOn'],
    params: { code: 'measure.due_before_open' },
  })
  .refine((p) => p.unitIds.length + p.unitKinds.length > 0, {
    path: ['unitKinds'],
    params: { code: 'measure.no_units_assigned' },
  });
export type PeriodCreate = z.infer<typeof PeriodCreateSchema>;
export const PeriodSchema = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  frameworkId: z.number(),
  frameworkCode: z.string(),
  // The framework's name for people ("Bộ chỉ số DTI cấp xã, phường 2025"); the code is for machines.
  frameworkName: z.string(),
  frameworkVersion: z.number(),
  rootUnitId: z.number(),
  unitIds: z.array(z.number()),
  unitKinds: z.array(z.string()),
  unitGroups: z.record(z.string(), z.array(z.number())),
  unitCount: z.number(),
  opensOn: z.string(),
  dueOn: z.string(),
  status: PeriodStatusSchema,
  // Always present; {total: null, mainIndices: {}} when none are set.
  targets: z.object({ total: z.number().nullable(), mainIndices: z.record(z.string(), z.number()) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Period = z.infer<typeof PeriodSchema>;

// ---- Submissions ----
export const SubmissionStatusSchema = z.enum(['draft', 'submitted', 'returned', 'approved']);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;
export const ValuesBodySchema = z.strictObject({
  // null clears a component's value.
  values: z.record(z.string().min(1).max(40), ComponentValueSchema.nullable()),
});
export type ValuesBody = z.infer<typeof ValuesBodySchema>;
export const EvidenceCreateSchema = z
  .strictObject({
    componentCode: z.string().min(1).max(40),
    // The file's public id from POST /api/files (issue 8 #2: numeric file ids are never accepted).
    fileId: z.string().min(1).max(64).optional(),
    document: z
      .strictObject({
        number: z.string().trim().min(1).max(100),
        date: isoDate,
        title: z.string().trim().min(1).max(500),
      })
      .optional(),
  })
  .refine((e) => (e.fileId === undefined) !== (e.document === undefined), {
    path: ['fileId'],
    params: { code: 'measure.evidence_file_or_document' },
  });
export type EvidenceCreate = z.infer<typeof EvidenceCreateSchema>;
export const EvidenceSchema = z.object({
  id: z.number(),
  componentCode: z.string(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  document: z.object({ number: z.string(), date: z.string(), title: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
export const SubmissionComponentSchema = z.object({
  code: z.string(),
  value: z.unknown().nullable(),
  selfPoints: z.number().nullable(),
  appraisedValue: z.unknown().nullable(),
  appraisedPoints: z.number().nullable(),
  appraisalComment: z.string().nullable(),
  needsFix: z.boolean(),
  evidence: z.array(EvidenceSchema),
  updatedAt: z.string().nullable(),
});
export const SubmissionActionsSchema = z.object({
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canAppraise: z.boolean(),
});
export const SubmissionViewSchema = z.object({
  id: z.number().nullable(),
  periodId: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  status: SubmissionStatusSchema,
  round: z.number(),
  returnComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Set when a manager reopened the submission after the period closed or was published. */
  reopenedAt: z.string().nullable(),
  components: z.array(SubmissionComponentSchema),
  selfScore: UnitResultSchema,
  appraisedScore: UnitResultSchema.nullable(),
  actions: SubmissionActionsSchema,
});
export type SubmissionView = z.infer<typeof SubmissionViewSchema>;
export const PreviewResultSchema = UnitResultSchema;
export const HistoryEntrySchema = z.object({
  id: z.number(),
  componentCode: z.string(),
  kind: z.enum(['self', 'appraisal']),
  value: z.unknown().nullable(),
  points: z.number().nullable(),
  comment: z.string().nullable(),
  changedBy: z.number().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});

// ---- Appraisal ----
export const AppraisalBodySchema = z.strictObject({
  components: z.record(
    z.string().min(1).max(40),
    z.strictObject({
      // An appraised value is re-scored by the engine; explicit points override it (within 0..max).
      value: ComponentValueSchema.nullable().optional(),
      points: z.number().finite().min(0).max(100_000).nullable().optional(),
      comment: comment.nullable().optional(),
    }),
  ),
});
export type AppraisalBody = z.infer<typeof AppraisalBodySchema>;
export const ReturnBodySchema = z.strictObject({
  comment: comment.min(1),
  components: z
    .array(z.strictObject({ code: z.string().min(1).max(40), comment: comment.min(1) }))
    .min(1)
    .max(500),
});
export type ReturnBody = z.infer<typeof ReturnBodySchema>;

// ---- Results ----
export const RankedUnitSchema = z.object({
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  peerGroup: z.string(),
  points: z.number(),
  applicableMax: z.number(),
  value: z.number().nullable(),
  band: z.object({ code: z.string(), name: z.string() }).nullable(),
  rank: z.number().nullable(),
  peerRank: z.number().nullable(),
  kindRank: z.number().nullable(),
  mainIndices: z.array(z.object({ code: z.string(), points: z.number(), value: z.number().nullable() })),
  pillars: z.array(z.object({ code: z.string(), points: z.number(), value: z.number().nullable() })),
});
export type RankedUnit = z.infer<typeof RankedUnitSchema>;
/** A unit a manager excluded from the ranking ("không tham gia xếp hạng") and why. */
export const ExcludedUnitSchema = z.object({ unitId: z.number(), unitName: z.string(), reason: z.string() });
export type ExcludedUnit = z.infer<typeof ExcludedUnitSchema>;
export const PeriodResultsSchema = z.object({
  periodId: z.number(),
  frameworkId: z.number(),
  frameworkVersion: z.number(),
  computedAt: z.string(),
  units: z.array(RankedUnitSchema),
  // Absent in snapshots written before exclusions existed.
  excluded: z.array(ExcludedUnitSchema).optional(),
});
export type PeriodResults = z.infer<typeof PeriodResultsSchema>;
// The ranking is paged: a whole period is thousands of units, far too much for one response.
const rankingPage = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  peerGroup: z.string().trim().min(1).max(40).optional(),
  // Matched against names folded with core/units/fold (no marks, lowercase).
  q: z.string().trim().max(100).optional(),
  // One unit's row (the public unit profile), still with the period's totals in `groups`.
  unitId: id.optional(),
};
export const PublicRankingQuerySchema = z.strictObject(rankingPage);
export const RankingQuerySchema = z.strictObject({
  source: z.enum(['published', 'live']).optional(),
  ...rankingPage,
});
export type RankingQuery = z.infer<typeof PublicRankingQuerySchema> & { source?: 'published' | 'live' };
export const RankingSchema = z.object({
  periodId: z.number(),
  periodName: z.string(),
  source: z.enum(['published', 'live']),
  snapshotId: z.number().nullable(),
  frameworkVersion: z.number(),
  computedAt: z.string(),
  previousPeriodId: z.number().nullable(),
  // Units in the whole period, and per peer group (before `peerGroup`/`q` filters).
  unitCount: z.number(),
  groups: z.array(z.object({ peerGroup: z.string(), count: z.number() })),
  // Rows matching the filters; `units` is the page [offset, offset + limit) of them.
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  units: z.array(
    RankedUnitSchema.extend({
      change: z.object({ valueDelta: z.number().nullable(), rankDelta: z.number().nullable() }).nullable(),
    }),
  ),
  // Units excluded from this ranking by a manager, with the reason (every page carries the whole list).
  excluded: z.array(ExcludedUnitSchema),
});
// ---- Publishing: who is not approved, reopening a unit, excluding it from the ranking ----
export const PublishPreviewSchema = z.object({
  periodId: z.number(),
  periodName: z.string(),
  status: z.enum(['draft', 'open', 'closed', 'published']),
  /** When the latest snapshot was published; a new publish moves it. Null before the first publish. */
  publishedAt: z.string().nullable(),
  snapshotCount: z.number(),
  unitCount: z.number(),
  /** Units the publish would rank (approved and not excluded). */
  rankedCount: z.number(),
  /** Units that are not approved: not in the ranking unless approved first. */
  notApproved: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      status: SubmissionStatusSchema.nullable(),
      reopened: z.boolean(),
    }),
  ),
  excluded: z.array(ExcludedUnitSchema),
});
export type PublishPreview = z.infer<typeof PublishPreviewSchema>;
export const PeriodIdUnitParamsSchema = z.strictObject({ id, unitId: id });
export const ReasonBodySchema = z.strictObject({ reason: comment.min(1) });
export type ReasonBody = z.infer<typeof ReasonBodySchema>;
export const ReopenResultSchema = z.object({
  periodId: z.number(),
  unitId: z.number(),
  status: SubmissionStatusSchema,
  reopenedAt: z.string(),
});
export const ExclusionResultSchema = z.object({
  periodId: z.number(),
  unitId: z.number(),
  excludedReason: z.string().nullable(),
});
export const SnapshotSummarySchema = z.object({
  id: z.number(),
  periodId: z.number(),
  frameworkId: z.number(),
  frameworkVersion: z.number(),
  computedAt: z.string(),
  unitCount: z.number(),
});
export const ComponentCodeParamsSchema = z.strictObject({ id, code: z.string().min(1).max(40) });
export const ComponentAcrossUnitsSchema = z.object({
  periodId: z.number(),
  code: z.string(),
  name: z.string(),
  maxPoints: z.number(),
  units: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      status: SubmissionStatusSchema.nullable(),
      value: z.unknown().nullable(),
      selfPoints: z.number().nullable(),
      appraisedPoints: z.number().nullable(),
      points: z.number().nullable(),
    }),
  ),
});
export const CompletionSchema = z.object({
  periodId: z.number(),
  today: z.string(),
  dueOn: z.string(),
  counts: z.record(z.string(), z.number()),
  units: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      status: z.enum(['not_started', 'draft', 'submitted', 'returned', 'approved']),
      answered: z.number(),
      componentCount: z.number(),
      submittedAt: z.string().nullable(),
      isLate: z.boolean(),
    }),
  ),
});
// A unit's distance to one of the period's targets: gap = target − value (0 when met; null when not evaluable).
export const TargetGapSchema = z.object({
  kind: z.enum(['total', 'mainIndex']),
  code: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  target: z.number(),
  gap: z.number().nullable(),
  met: z.boolean(),
});
export type TargetGap = z.infer<typeof TargetGapSchema>;
export const ProfileSchema = z.object({
  periodId: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  source: z.enum(['published', 'live']),
  result: RankedUnitSchema.nullable(),
  strengths: z.array(z.object({ code: z.string(), value: z.number().nullable() })),
  weaknesses: z.array(z.object({ code: z.string(), value: z.number().nullable() })),
  gains: z.array(z.object({ code: z.string(), name: z.string(), gainPoints: z.number() })),
  history: z.array(
    z.object({
      periodId: z.number(),
      periodName: z.string(),
      year: z.number(),
      value: z.number().nullable(),
      rank: z.number().nullable(),
    }),
  ),
  targets: z.array(TargetGapSchema),
});
