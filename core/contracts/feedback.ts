import { z } from 'zod';
import { DEADLINE_KINDS } from '../feedback/deadline.js';
import { FEEDBACK_ACTIONS, FEEDBACK_STATUSES, REFUSE_KINDS } from '../feedback/lifecycle.js';

// Staff-side shapes of the Feedback module (/api/feedback/…): categories (lĩnh vực), the queue of citizen
// reports in the caller's scope, one report with its whole timeline, and the actions on it. Dates are
// 'YYYY-MM-DD' (Asia/Ho_Chi_Minh), instants ISO UTC strings.

const IdNumber = z.number().int().positive().max(2_147_483_647);
const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const FeedbackIdParamsSchema = z.strictObject({ id: IdParam });

export const FeedbackCategoryInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_-]{2,30}$/, 'feedback.category_code'),
  nameVi: Text(200),
  nameEn: Text(200),
  deadlineAmount: z.number().int().min(1).max(90),
  deadlineKind: z.enum(DEADLINE_KINDS),
  photoRequired: z.boolean().default(false),
  /** Working hours within which a new report must be routed (8; 4 for urgent matters). */
  receiveHours: z.number().int().min(1).max(80).default(8),
  defaultUnitId: IdNumber.nullish().transform((v) => v ?? null),
  active: z.boolean().default(true),
});
export type FeedbackCategoryInput = z.infer<typeof FeedbackCategoryInputSchema>;

export const FeedbackCategorySchema = z.object({
  id: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  deadlineAmount: z.number(),
  deadlineKind: z.enum(DEADLINE_KINDS),
  photoRequired: z.boolean(),
  receiveHours: z.number(),
  defaultUnitId: z.number().nullable(),
  defaultUnitName: z.string().nullable(),
  active: z.boolean(),
});
export type FeedbackCategory = z.infer<typeof FeedbackCategorySchema>;
export const FeedbackCategoryListSchema = z.object({ items: z.array(FeedbackCategorySchema) });

const BoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const FeedbackQueueQuerySchema = z.strictObject({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  categoryId: IdParam.optional(),
  unitId: IdParam.optional(),
  overdue: BoolQuery.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type FeedbackQueueQuery = z.infer<typeof FeedbackQueueQuerySchema>;
/** The queue's filters for the xlsx export (every matching row, up to 10,000). */
export const FeedbackExportQuerySchema = FeedbackQueueQuerySchema.omit({ page: true, pageSize: true });
export type FeedbackExportQuery = z.infer<typeof FeedbackExportQuerySchema>;

const DeadlineStateSchema = z.enum(['none', 'on_track', 'due_soon', 'overdue']);

export const FeedbackQueueItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  categoryId: z.number(),
  categoryName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  areaName: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineState: DeadlineStateSchema,
  createdAt: z.string(),
});
export const FeedbackQueueSchema = z.object({
  items: z.array(FeedbackQueueItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type FeedbackQueue = z.infer<typeof FeedbackQueueSchema>;

export const FeedbackFileSchema = z.object({ id: z.string(), name: z.string(), mime: z.string() });

export const FeedbackEventSchema = z.object({
  id: z.number(),
  kind: z.string(),
  isPublic: z.boolean(),
  status: z.enum(FEEDBACK_STATUSES).nullable(),
  unitName: z.string().nullable(),
  text: z.string().nullable(),
  userName: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(FeedbackFileSchema),
});

export const FeedbackReportSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  categoryId: z.number(),
  categoryName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  areaUnitId: z.number().nullable(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** The handling unit sees the contact (to call back); masked in every other place. */
  contactKind: z.enum(['phone', 'email']),
  contact: z.string(),
  reporterName: z.string().nullable(),
  showName: z.boolean(),
  deadline: z.string().nullable(),
  deadlineState: DeadlineStateSchema,
  /** The instant by which a new report must be routed (working hours of its category). */
  receiveDueAt: z.string().nullable(),
  /** Merged: the report this one duplicates. */
  duplicateOf: z.object({ id: z.number(), code: z.string() }).nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  refuseKind: z.enum(REFUSE_KINDS).nullable(),
  refuseReason: z.string().nullable(),
  satisfaction: z.enum(['satisfied', 'unsatisfied']).nullable(),
  satisfactionReason: z.string().nullable(),
  extension: z
    .object({ days: z.number(), reason: z.string(), status: z.enum(['pending', 'approved', 'rejected']) })
    .nullable(),
  photos: z.array(FeedbackFileSchema),
  events: z.array(FeedbackEventSchema),
  createdAt: z.string(),
  /** What the caller may do now (lifecycle × permissions). */
  can: z.object({
    actions: z.array(z.enum(FEEDBACK_ACTIONS)),
    note: z.boolean(),
    requestExtension: z.boolean(),
    decideExtension: z.boolean(),
  }),
});
export type FeedbackReport = z.infer<typeof FeedbackReportSchema>;

export const FeedbackAssignSchema = z.strictObject({
  unitId: IdNumber,
  reason: z.string().trim().max(2000).optional(),
});
export const FeedbackAnswerSchema = z.strictObject({
  answer: Text(8000),
  /** Evidence files uploaded with POST /api/files?purpose=evidence (their public ids). */
  fileIds: z.array(z.string().min(1).max(64)).max(10).default([]),
});
export const FeedbackRefuseSchema = z.strictObject({ kind: z.enum(REFUSE_KINDS), reason: Text(2000) });
/** Marks the report as a duplicate of `intoId`: refused as a duplicate with a link; its followers follow that one. */
export const FeedbackMergeSchema = z.strictObject({
  intoId: IdNumber,
  reason: z.string().trim().max(2000).optional(),
});
export const FeedbackNoteSchema = z.strictObject({ text: Text(4000) });
export const FeedbackExtensionRequestSchema = z.strictObject({
  days: z.number().int().min(1).max(30),
  reason: Text(2000),
});
export const FeedbackExtensionDecisionSchema = z.strictObject({ approve: z.boolean() });
export const FeedbackCloseSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });

// The working calendar (days off and swapped working days; Vietnam's public holidays shipped, editable).
export const CALENDAR_DAY_KINDS = ['holiday', 'working_day'] as const;
export const FeedbackCalendarQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const FeedbackCalendarDayParamsSchema = z.strictObject({ day: z.iso.date() });
export const FeedbackCalendarDayInputSchema = z.strictObject({
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: Text(200),
});
export const FeedbackCalendarDaySchema = z.object({
  day: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
});
export type FeedbackCalendarDay = z.infer<typeof FeedbackCalendarDaySchema>;
export const FeedbackCalendarSchema = z.object({
  year: z.number(),
  items: z.array(FeedbackCalendarDaySchema),
});

// Routing rules: a category × an area (a unit and its subtree) → the handling unit.
export const FeedbackRoutingRuleInputSchema = z.strictObject({
  categoryId: IdNumber,
  areaUnitId: IdNumber,
  unitId: IdNumber,
});
export type FeedbackRoutingRuleInput = z.infer<typeof FeedbackRoutingRuleInputSchema>;
export const FeedbackRoutingRuleSchema = z.object({
  id: z.number(),
  categoryId: z.number(),
  categoryName: z.string(),
  areaUnitId: z.number(),
  areaName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
});
export type FeedbackRoutingRule = z.infer<typeof FeedbackRoutingRuleSchema>;
export const FeedbackRoutingRuleListSchema = z.object({ items: z.array(FeedbackRoutingRuleSchema) });
