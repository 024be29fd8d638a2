import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDay, toDay } from './calendar.js';
import { resolveDeadline } from './deadline.js';
import { formatDeadline } from './deadline-format.js';
import {
  deriveTaskStatus,
  type StateChange,
  type TaskDeadline,
  type TaskStatusInput,
} from './task-status.js';
import { DEADLINE_CYCLES, LIFECYCLE_STATES, type LifecycleState, STATUS_BUCKETS } from './types.js';

const D0 = toDay('2024-01-01');
const SPAN = 1100; // three years and a bit, leap day included
const day = fc.integer({ min: D0, max: D0 + SPAN });
const date = day.map(fromDay);

const fixedDeadline: fc.Arbitrary<TaskDeadline> = date.map((due) => ({ due }));
const ongoingDeadline: fc.Arbitrary<TaskDeadline> = fc.record(
  { cycle: fc.constantFrom(...DEADLINE_CYCLES), due: fc.option(date, { nil: null }), start: date },
  { requiredKeys: ['cycle'] },
);
const deadline = fc.oneof(fixedDeadline, ongoingDeadline);

function input(states: readonly LifecycleState[], deadlines = deadline): fc.Arbitrary<TaskStatusInput> {
  return fc.record({
    assignedOn: date,
    deadline: deadlines,
    extensions: fc.array(fc.record({ deadline: deadlines, approvedOn: date }), { maxLength: 2 }),
    history: fc.array(fc.record({ state: fc.constantFrom(...states), on: date }), { maxLength: 6 }),
    progressReports: fc.array(date, { maxLength: 12 }),
  });
}
const anyInput = input(LIFECYCLE_STATES);
const OPEN: LifecycleState[] = ['not_started', 'in_progress', 'returned'];
const window = fc.integer({ min: 0, max: 30 });

/** The input as it stood on `asOf`: nothing that happened later. */
function truncated(task: TaskStatusInput, asOf: string): TaskStatusInput {
  return {
    ...task,
    extensions: task.extensions?.filter((e) => e.approvedOn <= asOf),
    history: task.history?.filter((h) => h.on <= asOf),
    progressReports: task.progressReports?.filter((d) => d <= asOf),
  };
}

describe('deriveTaskStatus properties', () => {
  it('the bucket is one of the four for every task a report counts, and agrees with the status', () => {
    fc.assert(
      fc.property(anyInput, date, window, (task, asOf, dueSoonDays) => {
        const r = deriveTaskStatus(task, asOf, { dueSoonDays });
        if (r.status === 'cancelled' || r.status === 'not_due') return r.bucket === null;
        expect(STATUS_BUCKETS).toContain(r.bucket);
        if (r.status === 'due_soon') return r.bucket === 'in_progress';
        if (r.status === 'paused') return r.bucket === 'in_progress' || r.bucket === 'overdue';
        return r.bucket === r.status;
      }),
      { numRuns: 3000 },
    );
  });

  it('day counts match the status', () => {
    fc.assert(
      fc.property(anyInput, date, window, (task, asOf, dueSoonDays) => {
        const r = deriveTaskStatus(task, asOf, { dueSoonDays });
        if (r.status === 'overdue' && !(r.daysOverdue! >= 1)) return false;
        if (r.status === 'done_late' && !(r.daysLate! >= 1)) return false;
        if (r.status === 'done_on_time' && r.daysLate !== undefined) return false;
        if (r.status === 'due_soon' && !(r.daysUntilDue! >= 0 && r.daysUntilDue! <= dueSoonDays))
          return false;
        if (r.status === 'in_progress' && r.daysUntilDue !== undefined && r.daysUntilDue <= dueSoonDays)
          return false;
        return r.status.startsWith('done') || r.daysLate === undefined;
      }),
      { numRuns: 3000 },
    );
  });

  it('as of a date, what happened later is ignored', () => {
    fc.assert(
      fc.property(anyInput, date, (task, asOf) => {
        expect(deriveTaskStatus(task, asOf)).toEqual(deriveTaskStatus(truncated(task, asOf), asOf));
      }),
      { numRuns: 3000 },
    );
  });

  it('a task never done, once overdue, stays overdue and its days grow by exactly the days that pass', () => {
    fc.assert(
      fc.property(input(OPEN), date, fc.integer({ min: 1, max: 800 }), (task, first, k) => {
        const frozen = truncated(task, first);
        const then = deriveTaskStatus(frozen, first);
        fc.pre(then.status === 'overdue');
        const later = fromDay(toDay(first) + k);
        const now = deriveTaskStatus(
          { ...frozen, history: task.history?.filter((h) => OPEN.includes(h.state)) },
          later,
        );
        expect(now.status).toBe('overdue');
        expect(now.daysOverdue).toBe(then.daysOverdue! + k);
      }),
      { numRuns: 1500 },
    );
  });

  it('a done task never becomes overdue later, and its status no longer changes', () => {
    const done = fc.tuple(anyInput, fc.constantFrom<LifecycleState>('reported_done', 'verified_done'), day);
    fc.assert(
      fc.property(
        done,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 800 }),
        ([task, state, doneDay], a, b) => {
          const last = Math.max(doneDay, ...(task.history ?? []).map((h) => toDay(h.on)));
          const history: StateChange[] = [...(task.history ?? []), { state, on: fromDay(last) }];
          const settled = {
            ...task,
            history,
            extensions: task.extensions?.filter((e) => toDay(e.approvedOn) <= last),
          };
          const from = Math.max(last, toDay(task.assignedOn)) + a;
          const first = deriveTaskStatus(settled, fromDay(from));
          expect(['done_on_time', 'done_late']).toContain(first.status);
          expect(deriveTaskStatus(settled, fromDay(from + b))).toEqual(first);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('done on the deadline day is on time; the day after is late by one', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (dueDay, back) => {
        const base = { assignedOn: fromDay(dueDay - back), deadline: { due: fromDay(dueDay) } };
        const onDay = deriveTaskStatus(
          { ...base, history: [{ state: 'reported_done', on: fromDay(dueDay) }] },
          fromDay(dueDay + 30),
        );
        const after = deriveTaskStatus(
          { ...base, history: [{ state: 'reported_done', on: fromDay(dueDay + 1) }] },
          fromDay(dueDay + 30),
        );
        expect(onDay.status).toBe('done_on_time');
        expect(after).toMatchObject({ status: 'done_late', daysLate: 1 });
      }),
      { numRuns: 500 },
    );
  });

  it('any written deadline: its last day is not overdue, the next day is, by one', () => {
    const written = fc.oneof(
      date.map((d) => `${Number(d.slice(8))}/${Number(d.slice(5, 7))}/${d.slice(0, 4)}`),
      fc
        .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2024, max: 2027 }))
        .map(([m, y]) => `Tháng ${m}/${y}`),
      fc
        .tuple(
          fc.constantFrom('I', 'II', 'III', 'IV', '1', '2', '3', '4'),
          fc.integer({ min: 2024, max: 2027 }),
        )
        .map(([q, y]) => `quy ${q}/${y}`),
      fc
        .tuple(fc.constantFrom('đầu', 'cuối'), fc.integer({ min: 2024, max: 2027 }))
        .map(([h, y]) => `6 tháng ${h} năm ${y}`),
      fc.integer({ min: 2024, max: 2027 }).map((y) => `Năm ${y}`),
    );
    fc.assert(
      fc.property(written, (text) => {
        const r = resolveDeadline(text);
        if (!r.ok || r.deadline.kind === 'ongoing') throw new Error(text);
        const again = resolveDeadline(formatDeadline(r.deadline));
        expect(again.ok && again.deadline.due).toBe(r.deadline.due);
        const task = { assignedOn: '2023-01-01', deadline: r.deadline };
        expect(deriveTaskStatus(task, r.deadline.due).status).toBe('due_soon');
        expect(deriveTaskStatus(task, fromDay(toDay(r.deadline.due) + 1))).toMatchObject({
          status: 'overdue',
          daysOverdue: 1,
        });
      }),
      { numRuns: 1000 },
    );
  });
});
