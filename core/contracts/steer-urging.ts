import { z } from 'zod';
import { REMINDER_KINDS } from '../steer/reminders.js';
import { LIFECYCLE_STATES, TASK_STATUSES } from '../steer/types.js';

// Request and response shapes of Steer's urging (/api/steer/urging…: reminders, urging letters, settings) and
// the unit officer's home (/api/steer/home). Dates are 'YYYY-MM-DD' (Asia/Ho_Chi_Minh), instants ISO UTC.

const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
// A real calendar day (2026-02-30 and month 28 are refused as 400, not turned into an invalid Date).
const IsoDate = z.iso.date();
const Day = z.number().int();

// ---------------------------------------------------------------- tasks as urging shows them

/** A task in an urging list or on the officer's home, with its status as of the list's date. */
export const UrgingTaskSchema = z.object({
  id: z.number(),
  title: z.string(),
  /** "Kế hoạch 3609/KH-BĐHCĐS", "Thông báo kết luận số …" (null for a task created by hand). */
  source: z.string().nullable(),
  isKey: z.boolean(),
  /** The deadline as the plan wrote it ("Quý II/2026"). */
  deadlineWritten: z.string(),
  /** The date the status is measured against (the deadline in force or the cycle's cut-off). */
  due: z.string().nullable(),
  /** An ongoing task ("Thường xuyên"): `due` is its reporting cycle's cut-off. */
  ongoing: z.boolean(),
  state: z.enum(LIFECYCLE_STATES),
  status: z.enum(TASK_STATUSES),
  daysOverdue: z.number().nullable(),
  daysUntilDue: z.number().nullable(),
  progressPercent: z.number(),
});
export type UrgingTask = z.infer<typeof UrgingTaskSchema>;

// ---------------------------------------------------------------- the secretariat's urging page

export const UrgingUnitsQuerySchema = z.strictObject({ asOf: IsoDate.optional() });

export const UrgingUnitSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  overdue: z.number(),
  dueSoon: z.number(),
  /** The longest delay among its overdue tasks (0 when none). */
  maxDaysOverdue: z.number(),
  lastLetter: z.object({ id: z.number(), issuedOn: z.string() }).nullable(),
});
export type UrgingUnit = z.infer<typeof UrgingUnitSchema>;

export const UrgingUnitsSchema = z.object({ asOf: z.string(), items: z.array(UrgingUnitSchema) });
export type UrgingUnits = z.infer<typeof UrgingUnitsSchema>;

export const UnitParamsSchema = z.strictObject({ unitId: IdParam });

/** What a letter to the unit would list today. */
export const LetterPreviewSchema = z.object({
  asOf: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  overdue: z.array(UrgingTaskSchema),
  dueSoon: z.array(UrgingTaskSchema),
  /** The default reply date (today + 7 days). */
  replyBy: z.string(),
});
export type LetterPreview = z.infer<typeof LetterPreviewSchema>;

export const SendLetterSchema = z.strictObject({
  /** The registered number ("125"), or null to leave "…" for the clerk. */
  number: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[0-9A-Za-z./-]+$/)
    .nullish(),
  /** The date the unit is asked to report by (today or later; default in 7 days). */
  replyBy: IsoDate.optional(),
  /** Who signs ("Nguyễn Văn B"), printed under the signature. */
  signerName: z.string().trim().max(120).nullish(),
});
export type SendLetter = z.input<typeof SendLetterSchema>;

export const LetterSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string(),
  replyBy: z.string(),
  overdueCount: z.number(),
  dueSoonCount: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  isDemo: z.boolean(),
});
export type Letter = z.infer<typeof LetterSchema>;

export const LetterListQuerySchema = z.strictObject({
  /** Letters to this unit (and the units below it); default every unit in the caller's scope. */
  unitId: IdParam.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const LetterListSchema = z.object({
  items: z.array(LetterSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type LetterList = z.infer<typeof LetterListSchema>;

export const LetterParamsSchema = z.strictObject({ id: IdParam });

// ---------------------------------------------------------------- reminders

export const ReminderLogQuerySchema = z.strictObject({
  unitId: IdParam,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ReminderSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  taskTitle: z.string(),
  unitId: z.number(),
  kind: z.enum(REMINDER_KINDS),
  due: z.string(),
  /** Days left (before, on the day, cut-off) or days late (overdue) when it was sent. */
  days: Day,
  sentOn: z.string(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

export const ReminderLogSchema = z.object({
  items: z.array(ReminderSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ReminderLog = z.infer<typeof ReminderLogSchema>;

export const ReminderSettingsSchema = z.object({
  beforeDays: z.array(z.number().int()),
  overdueEveryDays: z.number().int(),
  cycleBeforeDays: z.number().int(),
  /** When the secretariat last changed them (null: the defaults). */
  updatedAt: z.string().nullable(),
  /** The last day the daily reminder job finished, and how many reminders it sent. */
  lastRun: z.object({ on: z.string(), reminders: z.number(), tasks: z.number() }).nullable(),
});
export type ReminderSettingsView = z.infer<typeof ReminderSettingsSchema>;

export const ReminderSettingsInputSchema = z.strictObject({
  beforeDays: z
    .array(z.number().int().min(1).max(365))
    .max(10)
    .refine((a) => new Set(a).size === a.length, { message: 'each number once' }),
  overdueEveryDays: z.number().int().min(1).max(365),
  cycleBeforeDays: z.number().int().min(0).max(90),
});
export type ReminderSettingsInput = z.infer<typeof ReminderSettingsInputSchema>;

// ---------------------------------------------------------------- the unit officer's home

export const HomeQuerySchema = z.strictObject({
  /** The unit to show (default: the caller's own unit that reports on tasks). */
  unitId: IdParam.optional(),
  asOf: IsoDate.optional(),
});

export const HomeSchema = z.object({
  asOf: z.string(),
  /** The last day of the week shown as "this week" (asOf + 6). */
  weekEnd: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  /** The units the caller may switch to (their own units holding steer.read). */
  units: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
  overdue: z.array(UrgingTaskSchema),
  dueSoon: z.array(UrgingTaskSchema),
  inProgress: z.array(UrgingTaskSchema),
  /** Ongoing tasks whose report cut-off falls this week and whose cycle has no report yet. */
  reportThisWeek: z.array(UrgingTaskSchema),
  /** Completion reports the secretariat returned, to redo. */
  returned: z.array(UrgingTaskSchema),
  /** Extensions the unit asked for that the committee has not answered yet. */
  pendingExtensions: z.array(
    z.object({
      extensionId: z.number(),
      taskId: z.number(),
      taskTitle: z.string(),
      requestedDue: z.string(),
      requestedAt: z.string(),
    }),
  ),
  letters: z.array(LetterSchema),
  reminders: z.array(ReminderSchema),
});
export type Home = z.infer<typeof HomeSchema>;
