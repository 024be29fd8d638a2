import { vietnamDate } from '../time/vietnam-date.js';
import { fromDay, toDay } from './calendar.js';
import { type CycleOutcome, judgeCycles } from './cycles.js';
import type { DeadlineCycle, LifecycleState, StatusBucket, TaskStatus } from './types.js';

// A task's status as a report would have shown it on a given date: the national reports' four-way split
// (done on time / done late / not done within deadline / overdue) plus "due soon", paused and cancelled.
// Pure: the stored lifecycle history and dates go in, nothing after the as-of date is looked at.
// Rules and their sources: core/steer/README.md.

/** A resolved deadline (a ResolvedDeadline fits): a due date, or a reporting cycle for ongoing tasks. */
export type TaskDeadline =
  | { due: string; cycle?: undefined; start?: string }
  | { cycle: DeadlineCycle; due?: string | null; start?: string };

export type StateChange = { state: LifecycleState; on: string };

export type TaskStatusInput = {
  /** When the task was assigned (plan issued, conclusion notice dated); before it the task did not exist. */
  assignedOn: string;
  /** The original deadline, kept as the baseline when extensions are granted. */
  deadline: TaskDeadline;
  /** Approved extensions; from its approval date each replaces the deadline. */
  extensions?: readonly { deadline: TaskDeadline; approvedOn: string }[];
  /** Lifecycle changes, oldest first (ties keep their order); the stored state is the last. None = not started. */
  history?: readonly StateChange[];
  /** Dates of progress reports: an ongoing task needs one per reporting cycle. */
  progressReports?: readonly string[];
};

export type StatusOptions = {
  /** A task not done is "due soon" from this many days before its deadline (default 7). */
  dueSoonDays?: number;
};

export type TaskStatusResult = {
  status: TaskStatus;
  /** The dashboards' four-way bucket; null for tasks a report leaves out (cancelled, not yet assigned). */
  bucket: StatusBucket | null;
  /** The lifecycle state on the as-of date (null before the task was assigned). */
  state: LifecycleState | null;
  /** The date the status is measured against: the deadline in force, or the end of the cycle in question. */
  due: string | null;
  /** An extension was in force on the as-of date. */
  extended: boolean;
  /** The day the accepted report of completion was made. */
  doneOn?: string;
  /** The secretariat had verified the completion by the as-of date. */
  verified?: boolean;
  daysOverdue?: number;
  daysLate?: number;
  daysUntilDue?: number;
  /** Done (or, not done, still open) after the original deadline, whatever the extensions say. */
  lateAgainstOriginal?: boolean;
  /** Ongoing tasks: cycles reported late or not at all, as of the date. */
  missedCycles?: CycleOutcome[];
};

const DEFAULT_DUE_SOON_DAYS = 7;

type Life = {
  state: LifecycleState;
  /** The day the current state began. */
  since: number;
  /** History entries that had happened by the date. */
  seen: number;
  /** The day of the completion report still standing (not returned), or null. */
  claimOn: number | null;
  verified: boolean;
};

function sortedByDate<T>(items: readonly T[], dateOf: (item: T) => string): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if (dateOf(items[i]) < dateOf(items[i - 1])) {
      return items
        .map((item, index) => ({ item, index }))
        .sort((a, b) =>
          dateOf(a.item) < dateOf(b.item) ? -1 : dateOf(a.item) > dateOf(b.item) ? 1 : a.index - b.index,
        )
        .map((x) => x.item);
    }
  }
  return items;
}

// Done counts from the lead unit's report (as the national trackers count it), dated on the report; the
// secretariat's verification makes it final but does not move the date; a return cancels the report.
function lifeAsOf(
  history: readonly StateChange[],
  assignedOn: number,
  asOf: number,
  limit = history.length,
): Life {
  const life: Life = { state: 'not_started', since: assignedOn, seen: 0, claimOn: null, verified: false };
  for (let i = 0; i < limit; i++) {
    const day = toDay(history[i].on);
    if (day > asOf) break;
    const { state } = history[i];
    life.seen = i + 1;
    if (state !== life.state) life.since = day;
    life.state = state;
    if (state === 'reported_done') life.claimOn ??= day;
    else if (state === 'verified_done') {
      life.claimOn ??= day;
      life.verified = true;
    } else {
      life.claimOn = null;
      life.verified = false;
    }
  }
  return life;
}

function deadlineAsOf(input: TaskStatusInput, asOf: number): { deadline: TaskDeadline; extended: boolean } {
  let best: { deadline: TaskDeadline; day: number } | null = null;
  for (const ext of input.extensions ?? []) {
    const day = toDay(ext.approvedOn);
    if (day <= asOf && (best === null || day >= best.day)) best = { deadline: ext.deadline, day };
  }
  return best ? { deadline: best.deadline, extended: true } : { deadline: input.deadline, extended: false };
}

function bucketOf(status: TaskStatus): StatusBucket | null {
  if (status === 'due_soon' || status === 'paused') return 'in_progress';
  if (status === 'cancelled' || status === 'not_due') return null;
  return status;
}

function openStatus(
  dueDay: number,
  asOf: number,
  window: number,
): Pick<TaskStatusResult, 'status' | 'daysOverdue' | 'daysUntilDue'> {
  const diff = asOf - dueDay;
  if (diff > 0) return { status: 'overdue', daysOverdue: diff };
  const left = dueDay - asOf;
  return { status: left <= window ? 'due_soon' : 'in_progress', daysUntilDue: left };
}

function judge(
  input: TaskStatusInput,
  history: readonly StateChange[],
  asOf: number,
  window: number,
  limit?: number,
): TaskStatusResult {
  const assigned = toDay(input.assignedOn);
  if (asOf < assigned) return { status: 'not_due', bucket: null, state: null, due: null, extended: false };
  const life = lifeAsOf(history, assigned, asOf, limit);
  const { deadline, extended } = deadlineAsOf(input, asOf);
  const base = { state: life.state, extended };
  if (life.state === 'cancelled')
    return { ...base, status: 'cancelled', bucket: null, due: deadline.due ?? null };
  if (life.state === 'paused') {
    // The clock stops while paused; lateness incurred before the pause stays visible (frozen at its start).
    const before = judge(input, history, life.since, window, life.seen - 1);
    const overdue = before.status === 'overdue';
    return {
      ...base,
      status: 'paused',
      bucket: overdue ? 'overdue' : 'in_progress',
      due: before.due,
      ...(overdue ? { daysOverdue: before.daysOverdue } : {}),
    };
  }
  const original = input.deadline.cycle === undefined ? toDay(input.deadline.due) : null;
  const doneOn = life.claimOn;
  const againstOriginal = original === null ? {} : { lateAgainstOriginal: (doneOn ?? asOf) > original };
  if (deadline.cycle !== undefined)
    return { ...base, ...againstOriginal, ...ongoing(input, deadline, life, asOf, window) };
  const dueDay = toDay(deadline.due);
  const due = deadline.due;
  if (doneOn !== null) {
    const late = doneOn - dueDay;
    const status = late > 0 ? 'done_late' : 'done_on_time';
    return {
      ...base,
      ...againstOriginal,
      status,
      bucket: status,
      due,
      doneOn: fromDay(doneOn),
      verified: life.verified,
      ...(late > 0 ? { daysLate: late } : {}),
    };
  }
  const open = openStatus(dueDay, asOf, window);
  return { ...base, ...againstOriginal, ...open, bucket: bucketOf(open.status), due };
}

type OngoingPart = Omit<TaskStatusResult, 'state' | 'extended'>;

function ongoing(
  input: TaskStatusInput,
  deadline: { cycle: DeadlineCycle; due?: string | null; start?: string },
  life: Life,
  asOf: number,
  window: number,
): OngoingPart {
  // Once reported done, later progress reports no longer change how its cycles went.
  const closedOn = life.claimOn;
  const cutOff = closedOn ?? asOf;
  const reports = sortedByDate(input.progressReports ?? [], (d) => d)
    .map(toDay)
    .filter((d) => d <= cutOff);
  const end = deadline.due ?? null;
  // No report is owed for cycles before the task was assigned, even if the plan's period began earlier.
  const start = deadline.start && deadline.start > input.assignedOn ? deadline.start : input.assignedOn;
  const cycles = judgeCycles(deadline.cycle, start, end, reports, asOf, closedOn);
  const missedCycles = cycles.missed;
  const finished = closedOn !== null || (end !== null && asOf > toDay(end));
  if (cycles.firstUnreported && closedOn === null) {
    const overdueSince = toDay(cycles.firstUnreported.end);
    return {
      status: 'overdue',
      bucket: 'overdue',
      due: cycles.firstUnreported.end,
      daysOverdue: asOf - overdueSince,
      missedCycles,
    };
  }
  if (finished) {
    // Reported done, or a bounded period over with every cycle reported: on time only if every cycle was.
    const daysLate = missedCycles.reduce((max, c) => Math.max(max, c.daysLate), 0);
    const status = daysLate > 0 ? 'done_late' : 'done_on_time';
    return {
      status,
      bucket: status,
      due: end,
      missedCycles,
      ...(closedOn !== null ? { doneOn: fromDay(closedOn), verified: life.verified } : {}),
      ...(daysLate > 0 ? { daysLate } : {}),
    };
  }
  const cycle = cycles.current ?? cycles.upcoming;
  if (cycle === null) return { status: 'in_progress', bucket: 'in_progress', due: end, missedCycles };
  if (cycles.current?.reported)
    return { status: 'in_progress', bucket: 'in_progress', due: cycle.end, missedCycles };
  const open = openStatus(toDay(cycle.end), asOf, window);
  return { ...open, bucket: bucketOf(open.status), due: cycle.end, missedCycles };
}

/** The task's status on `asOf` ('YYYY-MM-DD', Vietnam calendar date). Throws only on malformed dates. */
export function deriveTaskStatus(
  input: TaskStatusInput,
  asOf: string,
  options: StatusOptions = {},
): TaskStatusResult {
  const window = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(window) || window < 0)
    throw new RangeError(`dueSoonDays must be a whole number ≥ 0: ${window}`);
  const history = sortedByDate(input.history ?? [], (h) => h.on);
  return judge(input, history, toDay(asOf), window);
}

/** The status at an instant, read as the calendar date in Vietnam then (23:59 in Hà Nội is still that day). */
export function deriveTaskStatusAt(
  input: TaskStatusInput,
  instant: Date,
  options: StatusOptions = {},
): TaskStatusResult {
  return deriveTaskStatus(input, vietnamDate(instant), options);
}
