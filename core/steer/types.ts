// Steer's vocabulary, shared by the deadline resolver, the status function, their labels and the module built
// on them. Dates are 'YYYY-MM-DD' calendar dates in Asia/Ho_Chi_Minh.

/** How a plan wrote a deadline. */
export const DEADLINE_KINDS = ['date', 'month', 'quarter', 'half', 'year', 'range', 'ongoing'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Reporting cycle of an ongoing ("Thường xuyên", "Hằng quý") task. */
export const DEADLINE_CYCLES = ['month', 'quarter', 'half', 'year'] as const;
export type DeadlineCycle = (typeof DEADLINE_CYCLES)[number];

/** A deadline that ends on a calendar date; `start` is the first day of the written period (not for a date). */
export type FixedDeadline = {
  written: string;
  kind: Exclude<DeadlineKind, 'ongoing'>;
  due: string;
  start?: string;
};

/**
 * An ongoing task, judged per reporting cycle. `due` is the end of the obligation when the plan bounds it
 * ("Thường xuyên, giai đoạn 2021-2025"), else null; `start` likewise (else the task's assignment date).
 */
export type OngoingDeadline = {
  written: string;
  kind: 'ongoing';
  due: string | null;
  start?: string;
  cycle: DeadlineCycle;
};

export type ResolvedDeadline = FixedDeadline | OngoingDeadline;

export const DEADLINE_ERROR_CODES = [
  'empty',
  'too_long',
  'unrecognised',
  'missing_year',
  'invalid_date',
  'year_out_of_range',
  'invalid_range',
] as const;
export type DeadlineErrorCode = (typeof DEADLINE_ERROR_CODES)[number];

/** Why a written deadline could not be resolved, with the text as written (for a Vietnamese 400). */
export type DeadlineError = { code: DeadlineErrorCode; text: string };

export type DeadlineResult = { ok: true; deadline: ResolvedDeadline } | { ok: false; error: DeadlineError };

/** Stored lifecycle of a task (what people did), as opposed to its derived status (what the calendar says). */
export const LIFECYCLE_STATES = [
  'not_started',
  'in_progress',
  'reported_done',
  'verified_done',
  'returned',
  'paused',
  'cancelled',
] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export const TASK_STATUSES = [
  'done_on_time',
  'done_late',
  'in_progress',
  'due_soon',
  'overdue',
  'paused',
  'cancelled',
  'not_due',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The national reports' four-way split (VPCP: hoàn thành đúng hạn / quá hạn; chưa hoàn thành trong hạn / quá hạn). */
export const STATUS_BUCKETS = ['done_on_time', 'done_late', 'in_progress', 'overdue'] as const;
export type StatusBucket = (typeof STATUS_BUCKETS)[number];
