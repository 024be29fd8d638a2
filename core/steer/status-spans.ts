import { fromDay, periodContaining, toDay } from './calendar.js';
import {
  deriveTaskStatus,
  type StatusOptions,
  type TaskDeadline,
  type TaskStatusInput,
} from './task-status.js';
import type { StatusBucket, TaskStatus } from './types.js';

// A task's status as a function of the as-of date, cut into spans where it stays the same, so that "the status
// of every task on date D" is one indexed count of the spans covering D (server/modules/steer/tasks/
// status-spans.ts). deriveTaskStatus stays the rule: the spans are deriveTaskStatus evaluated on every day the
// status can change, and between two such days nothing it reads changes. Those days are the events (assignment,
// lifecycle changes, extension approvals, progress reports) and the deadline arithmetic of every deadline that
// can be in force (original and extended): due soon from `due - window`, overdue from `due + 1`, and for ongoing
// tasks the same around each reporting cycle's end. After the last event the status can change at most once
// more for an ongoing task (the next cycle nobody reported ends): cycles are walked two past the last event.

export type StatusSpan = {
  status: TaskStatus;
  bucket: StatusBucket | null;
  /** First day of the span ('YYYY-MM-DD'). */
  from: string;
  /** First day after the span, or null: the status holds from `from` on. */
  to: string | null;
};

/** Before the task was assigned its status is not_due; the first span starts at this (earlier than any date). */
export const SPANS_START = '0000-01-01';

const EXTRA_CYCLES = 2;
const LAST_DAY = toDay('9999-12-31');

function cycleDays(
  deadline: Extract<TaskDeadline, { cycle: NonNullable<TaskDeadline['cycle']> }>,
  assignedOn: string,
  horizon: number,
  window: number,
  add: (day: number) => void,
): void {
  const start = deadline.start && deadline.start > assignedOn ? deadline.start : assignedOn;
  const end = deadline.due ? toDay(deadline.due) : Number.POSITIVE_INFINITY;
  let from = toDay(start);
  let past = 0;
  for (;;) {
    const period = periodContaining(deadline.cycle, fromDay(from));
    const cycleEnd = Math.min(toDay(period.end), end);
    add(from);
    add(cycleEnd - window);
    add(cycleEnd + 1);
    if (cycleEnd >= end) return;
    if (from > horizon && ++past > EXTRA_CYCLES) return;
    from = toDay(period.end) + 1;
  }
}

/** The days on which the task's status may differ from the day before (day numbers, ascending, unique). */
export function statusChangeDays(input: TaskStatusInput, window: number): number[] {
  const assigned = toDay(input.assignedOn);
  const days = new Set<number>();
  const add = (day: number) => {
    if (day >= assigned && day <= LAST_DAY) days.add(day);
  };
  add(assigned);
  const events = [
    ...(input.history ?? []).map((h) => h.on),
    ...(input.extensions ?? []).map((e) => e.approvedOn),
    ...(input.progressReports ?? []),
  ].map(toDay);
  for (const d of events) add(d);
  const deadlines = [input.deadline, ...(input.extensions ?? []).map((e) => e.deadline)];
  let horizon = Math.max(assigned, ...events);
  for (const d of deadlines) if (d.start) horizon = Math.max(horizon, toDay(d.start));
  for (const d of deadlines) {
    if (d.cycle !== undefined) cycleDays(d, input.assignedOn, horizon, window, add);
    else {
      const due = toDay(d.due);
      add(due - window);
      add(due + 1);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** The task's status spans: consecutive, the first from SPANS_START, the last open-ended. */
export function taskStatusSpans(input: TaskStatusInput, options: StatusOptions = {}): StatusSpan[] {
  const window = options.dueSoonDays ?? 7;
  const spans: StatusSpan[] = [{ status: 'not_due', bucket: null, from: SPANS_START, to: null }];
  for (const day of statusChangeDays(input, window)) {
    const on = fromDay(day);
    const s = deriveTaskStatus(input, on, options);
    const last = spans[spans.length - 1];
    if (s.status === last.status && s.bucket === last.bucket) continue;
    last.to = on;
    spans.push({ status: s.status, bucket: s.bucket, from: on, to: null });
  }
  return spans;
}

/** The span covering `asOf` (the spans as taskStatusSpans returns them). */
export function spanAt(spans: readonly StatusSpan[], asOf: string): StatusSpan {
  for (const s of spans) if (s.from <= asOf && (s.to === null || asOf < s.to)) return s;
  throw new RangeError(`no span covers ${asOf}`);
}
