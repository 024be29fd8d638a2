import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import { resolveDeadline } from './deadline.js';
import {
  checkReminderSettings,
  DEFAULT_REMINDER_SETTINGS,
  type DueReminder,
  type ReminderSettings,
  type ReminderTask,
  remindersDue,
} from './reminders.js';
import type { TaskDeadline } from './task-status.js';

const written = (text: string): TaskDeadline => {
  const r = resolveDeadline(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.code}`);
  return r.deadline;
};
const task = (over: Partial<ReminderTask> = {}): ReminderTask => ({
  id: 42,
  assignedOn: '2025-01-15',
  deadline: { due: '2025-06-30' },
  history: [{ state: 'in_progress', on: '2025-02-01' }],
  ...over,
});
const one = (r: DueReminder[]) => {
  expect(r.length).toBeLessThanOrEqual(1);
  return r[0] ?? null;
};

describe('remindersDue: a dated deadline (defaults 7 and 1 days before, every 7 days overdue)', () => {
  const cases: [string, ReminderTask, string, Partial<DueReminder> | null][] = [
    ['8 days before: nothing yet', task(), '2025-06-22', null],
    [
      '7 days before: the first reminder',
      task(),
      '2025-06-23',
      { kind: 'before', key: 'steer:task:42:before:2025-06-30:7', daysUntilDue: 7, urgent: false },
    ],
    [
      '5 days before: still the 7-day slot (sent once by its key)',
      task(),
      '2025-06-25',
      { kind: 'before', key: 'steer:task:42:before:2025-06-30:7' },
    ],
    [
      '1 day before',
      task(),
      '2025-06-29',
      { kind: 'before', key: 'steer:task:42:before:2025-06-30:1', daysUntilDue: 1 },
    ],
    [
      'the deadline day: urgent',
      task(),
      '2025-06-30',
      { kind: 'due_today', key: 'steer:task:42:due_today:2025-06-30:0', daysUntilDue: 0, urgent: true },
    ],
    [
      '1 day late: the first overdue reminder',
      task(),
      '2025-07-01',
      { kind: 'overdue', key: 'steer:task:42:overdue:2025-06-30:0', daysOverdue: 1, urgent: true },
    ],
    [
      '7 days late: still the first slot',
      task(),
      '2025-07-07',
      { key: 'steer:task:42:overdue:2025-06-30:0', daysOverdue: 7 },
    ],
    [
      '8 days late: the second',
      task(),
      '2025-07-08',
      { key: 'steer:task:42:overdue:2025-06-30:1', daysOverdue: 8 },
    ],
    ['15 days late: the third', task(), '2025-07-15', { key: 'steer:task:42:overdue:2025-06-30:2' }],
    [
      'a returned task is still owed reminders',
      task({ history: [{ state: 'returned', on: '2025-06-20' }] }),
      '2025-07-01',
      { kind: 'overdue' },
    ],
    ['not started counts as open', task({ history: [] }), '2025-06-29', { kind: 'before' }],
    ['before the task was assigned: nothing', task({ assignedOn: '2025-07-01' }), '2025-06-30', null],
    [
      'reported done: nothing',
      task({ history: [{ state: 'reported_done', on: '2025-06-10' }] }),
      '2025-06-29',
      null,
    ],
    [
      'verified done late: nothing',
      task({ history: [{ state: 'verified_done', on: '2025-07-10' }] }),
      '2025-07-15',
      null,
    ],
    ['paused: nothing', task({ history: [{ state: 'paused', on: '2025-06-01' }] }), '2025-07-15', null],
    ['cancelled: nothing', task({ history: [{ state: 'cancelled', on: '2025-06-01' }] }), '2025-07-15', null],
    [
      'an approved extension: keyed on the new deadline',
      task({ extensions: [{ deadline: { due: '2025-09-30' }, approvedOn: '2025-06-28' }] }),
      '2025-09-29',
      { kind: 'before', key: 'steer:task:42:before:2025-09-30:1', due: '2025-09-30' },
    ],
    [
      'an extension not yet approved on the day does not count',
      task({ extensions: [{ deadline: { due: '2025-09-30' }, approvedOn: '2025-07-05' }] }),
      '2025-07-02',
      { kind: 'overdue', due: '2025-06-30', daysOverdue: 2 },
    ],
    [
      'a quarter deadline as written ends on 30/06',
      task({ deadline: written('Quý II/2025') }),
      '2025-06-30',
      { kind: 'due_today', due: '2025-06-30' },
    ],
    [
      'a leap-year month deadline',
      task({ assignedOn: '2024-01-02', deadline: written('Tháng 2/2024'), history: [] }),
      '2024-02-28',
      { kind: 'before', due: '2024-02-29', daysUntilDue: 1 },
    ],
  ];
  it.each(cases)('%s', (_name, t, asOf, expected) => {
    const r = one(remindersDue(t, asOf));
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatchObject({ taskId: 42, ...expected });
  });
});

describe('remindersDue: settings', () => {
  it('uses the configured days before and the overdue interval', () => {
    const s: ReminderSettings = { beforeDays: [14, 3], overdueEveryDays: 2, cycleBeforeDays: 0 };
    expect(one(remindersDue(task(), '2025-06-16', s))).toMatchObject({
      key: 'steer:task:42:before:2025-06-30:14',
    });
    expect(one(remindersDue(task(), '2025-06-15', s))).toBeNull();
    expect(one(remindersDue(task(), '2025-06-27', s))).toMatchObject({
      key: 'steer:task:42:before:2025-06-30:3',
    });
    expect(one(remindersDue(task(), '2025-07-02', s))).toMatchObject({
      key: 'steer:task:42:overdue:2025-06-30:0',
    });
    expect(one(remindersDue(task(), '2025-07-03', s))).toMatchObject({
      key: 'steer:task:42:overdue:2025-06-30:1',
    });
  });
  it('refuses settings a configuration must not hold', () => {
    expect(() => checkReminderSettings({ ...DEFAULT_REMINDER_SETTINGS, beforeDays: [0] })).toThrow(
      RangeError,
    );
    expect(() => checkReminderSettings({ ...DEFAULT_REMINDER_SETTINGS, beforeDays: [3, 3] })).toThrow(
      RangeError,
    );
    expect(() => checkReminderSettings({ ...DEFAULT_REMINDER_SETTINGS, overdueEveryDays: 0 })).toThrow(
      RangeError,
    );
    expect(() => checkReminderSettings({ ...DEFAULT_REMINDER_SETTINGS, cycleBeforeDays: 1.5 })).toThrow(
      RangeError,
    );
    expect(checkReminderSettings(DEFAULT_REMINDER_SETTINGS)).toBe(DEFAULT_REMINDER_SETTINGS);
  });
});

describe('remindersDue: ongoing tasks (report cut-offs)', () => {
  const quarterly = (over: Partial<ReminderTask> = {}) =>
    task({
      assignedOn: '2025-01-02',
      deadline: written('Thường xuyên, báo cáo hằng quý'),
      history: [],
      ...over,
    });
  it('reminds to report before each cycle cut-off while the cycle has no report', () => {
    expect(one(remindersDue(quarterly(), '2025-03-23'))).toBeNull();
    expect(one(remindersDue(quarterly(), '2025-03-24'))).toMatchObject({
      kind: 'cycle_cutoff',
      key: 'steer:task:42:cycle_cutoff:2025-03-31:7',
      daysUntilDue: 7,
      urgent: false,
    });
    expect(one(remindersDue(quarterly(), '2025-03-31'))).toMatchObject({
      key: 'steer:task:42:cycle_cutoff:2025-03-31:0',
      urgent: true,
    });
  });
  it('stays quiet once the cycle is reported, and starts again for the next cut-off', () => {
    const reported = quarterly({ progressReports: ['2025-03-20'] });
    expect(one(remindersDue(reported, '2025-03-28'))).toBeNull();
    expect(one(remindersDue(reported, '2025-06-25'))).toMatchObject({
      key: 'steer:task:42:cycle_cutoff:2025-06-30:7',
    });
  });
  it('a missed cut-off is overdue, counted from the cycle end', () => {
    expect(one(remindersDue(quarterly(), '2025-04-01'))).toMatchObject({
      kind: 'overdue',
      key: 'steer:task:42:overdue:2025-03-31:0',
      daysOverdue: 1,
    });
  });
});

describe('remindersDue: properties', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2025-01-01', n));
  const settings = fc.record({
    beforeDays: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }),
    overdueEveryDays: fc.integer({ min: 1, max: 14 }),
    cycleBeforeDays: fc.integer({ min: 0, max: 20 }),
  });
  const walk = (t: ReminderTask, s: ReminderSettings, from: string, days: number) => {
    const out: { on: string; r: DueReminder }[] = [];
    for (let i = 0; i <= days; i++) {
      const on = addDays(from, i);
      const rs = remindersDue(t, on, s);
      expect(rs.length).toBeLessThanOrEqual(1);
      for (const r of rs) out.push({ on, r });
    }
    return out;
  };

  it('a key, once replaced by another, never comes back (so idempotency never blocks a new reminder)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 200 }), settings, (assigned, span, s) => {
        const t = task({ assignedOn: assigned, deadline: { due: addDays(assigned, span) }, history: [] });
        const seen: string[] = [];
        for (const { r } of walk(t, s, assigned, span + 40)) {
          if (seen.at(-1) !== r.key) {
            expect(seen).not.toContain(r.key);
            seen.push(r.key);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('an open task gets every configured slot it lived through, one due-day and ⌈late / N⌉ overdue keys', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 60 }),
        settings,
        (assigned, span, late, s) => {
          const due = addDays(assigned, span);
          const t = task({ assignedOn: assigned, deadline: { due }, history: [] });
          const keys = new Set(walk(t, s, assigned, span + late).map((x) => x.r.key));
          const kinds = [...keys].map((k) => k.split(':')[3]);
          const reachable = s.beforeDays.filter((n) => n >= 1 && n <= span);
          // The earliest slot reached may be one beyond the span (a task assigned inside its window).
          const before = kinds.filter((k) => k === 'before').length;
          expect(before).toBeGreaterThanOrEqual(reachable.length);
          expect(before).toBeLessThanOrEqual(reachable.length + 1);
          expect(kinds.filter((k) => k === 'due_today')).toHaveLength(1);
          expect(kinds.filter((k) => k === 'overdue')).toHaveLength(Math.ceil(late / s.overdueEveryDays));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a task done, paused or cancelled is never reminded after that day', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('reported_done', 'verified_done', 'paused', 'cancelled') as fc.Arbitrary<
          'reported_done' | 'verified_done' | 'paused' | 'cancelled'
        >,
        settings,
        (assigned, span, stopAfter, state, s) => {
          const stopped = addDays(assigned, stopAfter);
          const t = task({
            assignedOn: assigned,
            deadline: { due: addDays(assigned, span) },
            history: [{ state, on: stopped }],
          });
          for (const { on } of walk(t, s, assigned, span + 30)) expect(on < stopped).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
