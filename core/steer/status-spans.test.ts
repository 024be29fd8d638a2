import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDay, toDay } from './calendar.js';
import { SPANS_START, spanAt, statusChangeDays, taskStatusSpans } from './status-spans.js';
import { deriveTaskStatus, type TaskDeadline, type TaskStatusInput } from './task-status.js';
import { DEADLINE_CYCLES, LIFECYCLE_STATES } from './types.js';

// The spans are only a cache of deriveTaskStatus: on every day, the span covering it must carry the status
// and bucket deriveTaskStatus gives for that day. Checked on random tasks (every deadline form, extensions
// either way, any lifecycle history, progress reports) on every day around each change day and on random days
// up to years after the last event.

const D0 = toDay('2024-01-01');
const SPAN = 1100;
const day = fc.integer({ min: D0, max: D0 + SPAN });
const date = day.map(fromDay);
const fixedDeadline: fc.Arbitrary<TaskDeadline> = date.map((due) => ({ due }));
const ongoingDeadline: fc.Arbitrary<TaskDeadline> = fc.record(
  { cycle: fc.constantFrom(...DEADLINE_CYCLES), due: fc.option(date, { nil: null }), start: date },
  { requiredKeys: ['cycle'] },
);
const deadline = fc.oneof(fixedDeadline, ongoingDeadline);
const task: fc.Arbitrary<TaskStatusInput> = fc.record({
  assignedOn: date,
  deadline,
  extensions: fc.array(fc.record({ deadline, approvedOn: date }), { maxLength: 2 }),
  history: fc.array(fc.record({ state: fc.constantFrom(...LIFECYCLE_STATES), on: date }), { maxLength: 6 }),
  progressReports: fc.array(date, { maxLength: 12 }),
});

function checkDays(input: TaskStatusInput, dueSoonDays: number, days: number[]) {
  const spans = taskStatusSpans(input, { dueSoonDays });
  for (const d of days) {
    const on = fromDay(d);
    const expected = deriveTaskStatus(input, on, { dueSoonDays });
    const got = spanAt(spans, on);
    expect({ on, status: got.status, bucket: got.bucket }).toEqual({
      on,
      status: expected.status,
      bucket: expected.bucket,
    });
  }
}

describe('taskStatusSpans', () => {
  it('agrees with deriveTaskStatus around every change day and on days long after', () => {
    fc.assert(
      fc.property(
        task,
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.integer({ min: D0 - 30, max: D0 + SPAN + 2000 }), { maxLength: 40 }),
        (input, dueSoonDays, random) => {
          const around = statusChangeDays(input, dueSoonDays).flatMap((d) => [d - 1, d, d + 1]);
          checkDays(input, dueSoonDays, [...around, ...random]);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('agrees with deriveTaskStatus on every day of a few years for tasks with monthly reporting', () => {
    const monthly = task.map((t) => ({ ...t, deadline: { cycle: 'month' as const, start: t.assignedOn } }));
    fc.assert(
      fc.property(monthly, (input) => {
        const days = Array.from({ length: SPAN + 400 }, (_, i) => D0 + i);
        checkDays(input, 7, days);
      }),
      { numRuns: 40 },
    );
  });

  it('cuts the timeline into consecutive spans, the first from before any date and the last open', () => {
    fc.assert(
      fc.property(task, (input) => {
        const spans = taskStatusSpans(input);
        expect(spans[0].from).toBe(SPANS_START);
        expect(spans[spans.length - 1].to).toBeNull();
        for (let i = 1; i < spans.length; i++) {
          expect(spans[i].from).toBe(spans[i - 1].to);
          expect(spans[i].status !== spans[i - 1].status || spans[i].bucket !== spans[i - 1].bucket).toBe(
            true,
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
