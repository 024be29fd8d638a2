import { deriveTaskStatus, type TaskDeadline, type TaskStatusInput } from './task-status.js';

// Which reminders a task is owed on a date (pure). The daily urging job asks this for every open task and
// records each answer through the notifications module under its `key`, which is unique: a reminder whose key
// was already recorded (yesterday's run, another process, a run before a restart) is never sent again.
//
// Slots, for a task not done, judged by deriveTaskStatus (so extensions, pauses and reporting cycles count):
// - `before`: `beforeDays` days before the deadline in force (default 7 and 1);
// - `due_today`: on the deadline day (urgent);
// - `overdue`: on the first day late, then every `overdueEveryDays` days while it stays overdue (urgent);
// - `cycle_cutoff`: an ongoing task whose current reporting cycle has no report yet, `cycleBeforeDays` days
//   before the cycle's end (the report cut-off), and on the cut-off day itself (urgent).
// A day returns the LATEST slot reached, not only one falling exactly on it: a job that did not run on the
// slot's day (the server was down) still sends it the next day, and never an older one after a newer one.
// Keys carry the deadline they were computed against, so an approved extension starts its reminders afresh.

export const REMINDER_KINDS = ['before', 'due_today', 'overdue', 'cycle_cutoff'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderSettings = {
  /** Days before the deadline at which to remind (distinct whole numbers ≥ 1). */
  beforeDays: readonly number[];
  /** While overdue: on the first day late, then every N days (N ≥ 1). */
  overdueEveryDays: number;
  /** Ongoing tasks: days before each report cut-off (≥ 0; 0 = on the cut-off day only). */
  cycleBeforeDays: number;
};

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  beforeDays: [7, 1],
  overdueEveryDays: 7,
  cycleBeforeDays: 7,
};

export type ReminderTask = TaskStatusInput & { id: number };

export type DueReminder = {
  kind: ReminderKind;
  /** The idempotency key: the same slot of the same task against the same deadline always gives it. */
  key: string;
  taskId: number;
  /** The deadline (or cycle cut-off) the reminder is about. */
  due: string;
  /** Days left until `due` (0 on the day) for before / due_today / cycle_cutoff. */
  daysUntilDue?: number;
  /** Days past `due` for overdue. */
  daysOverdue?: number;
  /** Skips the recipients' daily digest. */
  urgent: boolean;
};

/** Throws a RangeError on settings a configuration must not hold (the config loader turns it into a message). */
export function checkReminderSettings(settings: ReminderSettings): ReminderSettings {
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (settings.beforeDays.length > 10 || !settings.beforeDays.every((n) => whole(n, 1, 365)))
    throw new RangeError('beforeDays: up to 10 whole numbers from 1 to 365');
  if (new Set(settings.beforeDays).size !== settings.beforeDays.length)
    throw new RangeError('beforeDays: each number once');
  if (!whole(settings.overdueEveryDays, 1, 365)) throw new RangeError('overdueEveryDays: 1 to 365');
  if (!whole(settings.cycleBeforeDays, 0, 90)) throw new RangeError('cycleBeforeDays: 0 to 90');
  return settings;
}

function deadlineInForce(task: TaskStatusInput, asOf: string): TaskDeadline {
  let best: { deadline: TaskDeadline; on: string } | null = null;
  for (const ext of task.extensions ?? []) {
    if (ext.approvedOn <= asOf && (best === null || ext.approvedOn >= best.on))
      best = { deadline: ext.deadline, on: ext.approvedOn };
  }
  return best ? best.deadline : task.deadline;
}

/** The reminders `task` is owed on `asOf` ('YYYY-MM-DD', Vietnam date): none, or the latest slot reached. */
export function remindersDue(
  task: ReminderTask,
  asOf: string,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): DueReminder[] {
  const status = deriveTaskStatus(task, asOf);
  const { due } = status;
  if (due === null) return [];
  const base = (kind: ReminderKind, slot: string | number) => ({
    kind,
    key: `steer:task:${task.id}:${kind}:${due}:${slot}`,
    taskId: task.id,
    due,
  });
  if (status.status === 'overdue' && status.daysOverdue !== undefined) {
    const slot = Math.floor((status.daysOverdue - 1) / settings.overdueEveryDays);
    return [{ ...base('overdue', slot), daysOverdue: status.daysOverdue, urgent: true }];
  }
  // Not overdue: only open tasks that still owe something carry daysUntilDue (done, paused, cancelled,
  // not yet assigned and ongoing tasks whose current cycle is reported do not).
  if (status.status !== 'in_progress' && status.status !== 'due_soon') return [];
  const left = status.daysUntilDue;
  if (left === undefined) return [];
  if (deadlineInForce(task, asOf).cycle !== undefined) {
    if (left > settings.cycleBeforeDays) return [];
    const slot = left === 0 ? 0 : settings.cycleBeforeDays;
    return [{ ...base('cycle_cutoff', slot), daysUntilDue: left, urgent: left === 0 }];
  }
  if (left === 0) return [{ ...base('due_today', 0), daysUntilDue: 0, urgent: true }];
  let slot: number | null = null;
  for (const n of settings.beforeDays) if (n >= left && (slot === null || n < slot)) slot = n;
  if (slot === null) return [];
  return [{ ...base('before', slot), daysUntilDue: left, urgent: false }];
}
