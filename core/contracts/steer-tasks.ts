import { z } from 'zod';
import { TASK_ACTIONS } from '../steer/lifecycle.js';
import {
  DEADLINE_CYCLES,
  DEADLINE_KINDS,
  LIFECYCLE_STATES,
  STATUS_BUCKETS,
  TASK_STATUSES,
} from '../steer/types.js';

// Request and response shapes of Steer's plans, tasks, lifecycle, extensions, progress and history
// (/api/steer/plans…, /api/steer/tasks…). The server validates with these; the staff app builds on the types.
// Dates are 'YYYY-MM-DD' (Asia/Ho_Chi_Minh), instants ISO UTC strings.

const IdNumber = z.number().int().positive().max(2_147_483_647);
const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
// A real calendar day (2026-02-30 and month 28 are refused as 400, not turned into an invalid Date).
export const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullish();

export const PLAN_STATUSES = ['draft', 'issued', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const TASK_SOURCE_KINDS = ['plan', 'conclusion', 'import', 'manual'] as const;
export type TaskSourceKind = (typeof TASK_SOURCE_KINDS)[number];

export const IdParamsSchema = z.strictObject({ id: IdParam });

// ---------------------------------------------------------------- plans

export const LegalBasisItemSchema = z.object({
  /** e.g. "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị" */
  title: Text(500),
  url: z.url().max(1000).nullish(),
});
export type LegalBasisItem = z.infer<typeof LegalBasisItemSchema>;

export const PlanInputSchema = z.strictObject({
  /** Số, ký hiệu: "3609/KH-BĐHCĐS" */
  numberSymbol: Text(100),
  /** Cơ quan ban hành, as printed: "Ban Chỉ đạo chuyển đổi số tỉnh" */
  issuingBody: Text(300),
  /** The unit that owns the plan (its scope): readers of its subtree see it. */
  issuingUnitId: IdNumber,
  issuedOn: IsoDate,
  title: Text(1000),
  legalBasis: z.array(LegalBasisItemSchema).max(50).default([]),
  /** Public id of the signed PDF (uploaded through POST /api/files). */
  signedFileId: z.string().max(64).nullish(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const PlanPatchSchema = PlanInputSchema.omit({ issuingUnitId: true }).partial().strict();
export type PlanPatch = z.infer<typeof PlanPatchSchema>;

export const SupersedeInputSchema = z.strictObject({ supersededById: IdNumber });

export const UnitRefSchema = z.object({ id: z.number(), name: z.string() });
export type UnitRef = z.infer<typeof UnitRefSchema>;

export const PlanViewSchema = z
  .object({
    id: z.number(),
    numberSymbol: z.string(),
    issuingBody: z.string(),
    issuingUnit: UnitRefSchema,
    issuedOn: z.string(),
    title: z.string(),
    legalBasis: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
    signedFile: z.object({ id: z.string(), name: z.string() }).nullable(),
    periodFrom: z.string(),
    periodTo: z.string(),
    status: z.enum(PLAN_STATUSES),
    supersededBy: z.object({ id: z.number(), numberSymbol: z.string() }).nullable(),
    taskCount: z.number(),
    isDemo: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SteerPlan' });
export type PlanView = z.infer<typeof PlanViewSchema>;

export const PlanListQuerySchema = z.strictObject({
  status: z.enum(PLAN_STATUSES).optional(),
  unitId: IdParam.optional(),
  q: z.string().trim().max(200).optional(),
});
export const PlanListSchema = z.object({ items: z.array(PlanViewSchema) });

export const GroupInputSchema = z.strictObject({
  /** As the appendix numbers it: I, II, III… */
  code: Text(20),
  title: Text(1000),
  position: z.number().int().min(0).max(100_000).optional(),
});
export type GroupInput = z.infer<typeof GroupInputSchema>;
export const GroupPatchSchema = GroupInputSchema.partial().strict();
export const GroupViewSchema = z.object({
  id: z.number(),
  planId: z.number(),
  code: z.string(),
  title: z.string(),
  position: z.number(),
});
export type GroupView = z.infer<typeof GroupViewSchema>;
export const PlanGroupParamsSchema = z.strictObject({ id: IdParam, groupId: IdParam });

// ---------------------------------------------------------------- tasks

export const DeadlineViewSchema = z.object({
  /** As the plan wrote it: "Quý II/2025", "Thường xuyên". */
  written: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  /** The last day it allows (null: ongoing without an end). */
  due: z.string().nullable(),
  start: z.string().nullable(),
  cycle: z.enum(DEADLINE_CYCLES).nullable(),
});
export type DeadlineView = z.infer<typeof DeadlineViewSchema>;

export const TaskSourceSchema = z.object({
  kind: z.enum(TASK_SOURCE_KINDS),
  /** e.g. the conclusion's id for kind 'conclusion' */
  ref: z.string().nullable(),
  /** e.g. "Thông báo kết luận số 12/TB-BCĐ ngày 15/3/2026" */
  label: z.string().nullable(),
});
export type TaskSource = z.infer<typeof TaskSourceSchema>;

export const TaskInputSchema = z.strictObject({
  /** In a plan (then its group and parent, if any, are of the same plan), or none (a conclusion's task). */
  planId: IdNumber.nullish(),
  groupId: IdNumber.nullish(),
  /** A sub-task's parent task. */
  parentId: IdNumber.nullish(),
  /** Who assigned it, for tasks without a plan (the committee's unit); a plan's task takes its issuing unit. */
  ownerUnitId: IdNumber.nullish(),
  /** STT as in the appendix: "1", "2.3" */
  code: z.string().trim().max(20).nullish(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  title: Text(2000),
  description: OptionalText(10_000),
  isKey: z.boolean().default(false),
  /** Exactly one lead unit (đơn vị chủ trì); a list so that "two lead units" is refused with a clear message. */
  leadUnitIds: z.array(IdNumber).max(20),
  coordinatingUnitIds: z.array(IdNumber).max(200).default([]),
  expectedProduct: OptionalText(2000),
  /** A KPI code of the KPI catalogue whose value shows progress. */
  kpiCode: z.string().trim().max(100).nullish(),
  /** The deadline as written ("Quý II/2025", "Thường xuyên, báo cáo hằng tháng"). */
  deadline: z.string().max(1000),
  confidential: z.boolean().default(false),
  /** The day it was assigned (default: the plan's date, else today). */
  assignedOn: IsoDate.nullish(),
});
export type TaskInput = z.input<typeof TaskInputSchema>;

export const TaskPatchSchema = TaskInputSchema.omit({ planId: true, ownerUnitId: true, assignedOn: true })
  .partial()
  .strict();
export type TaskPatch = z.infer<typeof TaskPatchSchema>;

export const TaskStatusViewSchema = z.object({
  asOf: z.string(),
  status: z.enum(TASK_STATUSES),
  bucket: z.enum(STATUS_BUCKETS).nullable(),
  state: z.enum(LIFECYCLE_STATES).nullable(),
  due: z.string().nullable(),
  extended: z.boolean(),
  doneOn: z.string().nullable(),
  verified: z.boolean(),
  daysOverdue: z.number().nullable(),
  daysLate: z.number().nullable(),
  daysUntilDue: z.number().nullable(),
  lateAgainstOriginal: z.boolean(),
});
export type TaskStatusView = z.infer<typeof TaskStatusViewSchema>;

/** The task read model other Steer features build on (meetings, reports, urging, dashboard). */
export const TaskViewSchema = z
  .object({
    id: z.number(),
    planId: z.number().nullable(),
    plan: z.object({ id: z.number(), numberSymbol: z.string(), title: z.string() }).nullable(),
    groupId: z.number().nullable(),
    parentId: z.number().nullable(),
    ownerUnitId: z.number(),
    code: z.string().nullable(),
    position: z.number(),
    title: z.string(),
    description: z.string().nullable(),
    isKey: z.boolean(),
    /** The lead unit as stored (it may have been merged since). */
    leadUnitId: z.number(),
    /** Who leads it today: the stored unit, or its successor through lineage (shown and reporting). */
    leadUnit: UnitRefSchema,
    /** The stored lead unit when it was merged into `leadUnit` (its old name stays in the history). */
    originalLeadUnit: UnitRefSchema.nullable(),
    coordinatingUnitIds: z.array(z.number()),
    coordinatingUnits: z.array(UnitRefSchema),
    expectedProduct: z.string().nullable(),
    kpiCode: z.string().nullable(),
    /** The original deadline, as written and resolved (kept when extended). */
    deadline: DeadlineViewSchema,
    /** The deadline in force after approved extensions (null: ongoing without an end). */
    currentDue: z.string().nullable(),
    extended: z.boolean(),
    state: z.enum(LIFECYCLE_STATES),
    stateOn: z.string(),
    progressPercent: z.number(),
    confidential: z.boolean(),
    assignedOn: z.string(),
    source: TaskSourceSchema,
    isDemo: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Derived status as of the list's or request's `asOf` (today by default). */
    status: TaskStatusViewSchema.optional(),
  })
  .meta({ id: 'SteerTask' });
export type TaskView = z.infer<typeof TaskViewSchema>;

const BoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const TaskListQuerySchema = z.strictObject({
  /** Status as of this date (default today in Vietnam). */
  asOf: IsoDate.optional(),
  planId: IdParam.optional(),
  /** Lead or coordinating unit, this unit or any unit below it (or merged into it). */
  unitId: IdParam.optional(),
  /** Only where that unit leads ('lead') or coordinates ('coordinator'); default both. */
  role: z.enum(['lead', 'coordinator']).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  bucket: z.enum(STATUS_BUCKETS).optional(),
  state: z.enum(LIFECYCLE_STATES).optional(),
  isKey: BoolQuery.optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;

export const TaskListSchema = z.object({
  asOf: z.string(),
  items: z.array(TaskViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Every task the other filters select, counted by its status and bucket as of the date (the tabs' figures:
   * the status and bucket filters do not narrow them). Cancelled and not-yet-assigned tasks have no bucket. */
  counts: z.object({
    status: z.record(z.enum(TASK_STATUSES), z.number()),
    bucket: z.record(z.enum(STATUS_BUCKETS), z.number()),
  }),
});
export type TaskList = z.infer<typeof TaskListSchema>;

export const AsOfQuerySchema = z.strictObject({ asOf: IsoDate.optional() });

export const PlanTreeSchema = z.object({
  asOf: z.string(),
  plan: PlanViewSchema,
  groups: z.array(GroupViewSchema),
  tasks: z.array(TaskViewSchema),
});
export type PlanTree = z.infer<typeof PlanTreeSchema>;

// ---------------------------------------------------------------- lifecycle

export const TransitionInputSchema = z.strictObject({
  action: z.enum(TASK_ACTIONS),
  /** Why (required to return, pause or cancel). */
  reason: z.string().trim().max(4000).nullish(),
  /** report_done: what was done and the evidence (public file ids). */
  text: z.string().trim().max(10_000).nullish(),
  fileIds: z.array(z.string().max(64)).max(20).default([]),
});
export type TransitionInput = z.input<typeof TransitionInputSchema>;

// ---------------------------------------------------------------- extensions

export const ExtensionInputSchema = z.strictObject({
  /** The new deadline asked for. */
  requestedDue: IsoDate,
  reason: Text(4000),
});
export type ExtensionInput = z.infer<typeof ExtensionInputSchema>;

export const ExtensionDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  note: z.string().trim().max(4000).nullish(),
});
export type ExtensionDecision = z.infer<typeof ExtensionDecisionSchema>;
export const ExtensionParamsSchema = z.strictObject({ id: IdParam, extensionId: IdParam });

export const ExtensionViewSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  requestedDue: z.string(),
  previousDue: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type ExtensionView = z.infer<typeof ExtensionViewSchema>;

// ---------------------------------------------------------------- progress

export const ProgressInputSchema = z.strictObject({
  /** The unit reporting (lead or coordinating); default: the caller's own among them. */
  unitId: IdNumber.nullish(),
  percent: z.number().int().min(0).max(100).nullish(),
  text: Text(10_000),
  difficulties: OptionalText(10_000),
  /** Kiến nghị, đề xuất: the secretariat answers them. */
  proposals: OptionalText(10_000),
  fileIds: z.array(z.string().max(64)).max(20).default([]),
});
export type ProgressInput = z.input<typeof ProgressInputSchema>;

export const ProgressAnswerSchema = z.strictObject({ answer: Text(10_000) });
export const ProgressParamsSchema = z.strictObject({ id: IdParam, progressId: IdParam });

export const ProgressViewSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  unit: UnitRefSchema,
  role: z.enum(['lead', 'coordinator']),
  kind: z.enum(['progress', 'done']),
  percent: z.number().nullable(),
  text: z.string(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  reportedOn: z.string(),
  reportedBy: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type ProgressView = z.infer<typeof ProgressViewSchema>;

// ---------------------------------------------------------------- history and the task page

export const HistoryEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  on: z.string(),
  actor: z.string(),
  kind: z.string(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  note: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** What the task page shows, and what the caller may do on it. */
export const TaskDetailSchema = z.object({
  task: TaskViewSchema,
  subTasks: z.array(TaskViewSchema),
  progress: z.array(ProgressViewSchema),
  extensions: z.array(ExtensionViewSchema),
  history: z.array(HistoryEntrySchema),
  can: z.object({
    edit: z.boolean(),
    report: z.boolean(),
    reportDone: z.boolean(),
    verify: z.boolean(),
    requestExtension: z.boolean(),
    decideExtension: z.boolean(),
    answer: z.boolean(),
    actions: z.array(z.enum(TASK_ACTIONS)),
  }),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;
