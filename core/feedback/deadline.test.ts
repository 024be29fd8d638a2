import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../steer/calendar.js';
import {
  addWorkingHours,
  computeDeadline,
  deadlineState,
  isOnTime,
  isWorkingDay,
  workingDaysBetween,
} from './deadline.js';

describe('computeDeadline', () => {
  it('counts working days after the assignment day, skipping the weekend', () => {
    // Thursday 5/3/2026 + 3 working days: Fri 6, Mon 9, Tue 10.
    expect(computeDeadline('2026-03-05', 3, 'working_days')).toBe('2026-03-10');
    // Friday + 1 working day is Monday.
    expect(computeDeadline('2026-03-06', 1, 'working_days')).toBe('2026-03-09');
  });

  it('skips Tết 2026 (16–20/2) and the weekends around it', () => {
    // Thursday 12/2/2026 + 2 working days: Fri 13/2, then Tết and the weekend, Mon 23/2.
    expect(computeDeadline('2026-02-12', 2, 'working_days')).toBe('2026-02-23');
  });

  it('skips National Day 2/9 (1–2/9/2026)', () => {
    // Monday 31/8/2026 + 1 working day: 1/9 and 2/9 are off, Thursday 3/9.
    expect(computeDeadline('2026-08-31', 1, 'working_days')).toBe('2026-09-03');
  });

  it('counts a Saturday swapped into a working day (26/4/2025) and skips the bridge day (2/5/2025)', () => {
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2025-05-02')).toBe(false);
    // Friday 25/4/2025 + 1 working day is the swapped Saturday.
    expect(computeDeadline('2025-04-25', 1, 'working_days')).toBe('2025-04-26');
  });

  it('adds calendar days when the category counts days', () => {
    expect(computeDeadline('2026-02-12', 10, 'days')).toBe('2026-02-22');
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => computeDeadline('2026-03-05', -1, 'working_days')).toThrow(RangeError);
    expect(() => computeDeadline('2026-03-05', 1.5, 'days')).toThrow(RangeError);
  });

  const dates = fc.integer({ min: 0, max: 365 * 2 }).map((n) => addDays('2025-06-01', n));

  it('always lands on a working day strictly after the start, with exactly N working days between', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const d = computeDeadline(start, n, 'working_days');
        expect(d > start).toBe(true);
        expect(isWorkingDay(d)).toBe(true);
        expect(workingDaysBetween(start, d)).toBe(n);
      }),
    );
  });

  it('is monotonic: more working days never give an earlier deadline', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(computeDeadline(s, lo, 'working_days') <= computeDeadline(s, hi, 'working_days')).toBe(true);
      }),
    );
  });

  it('working days are never more than calendar days', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 60 }), (s, n) => {
        expect(computeDeadline(s, n, 'working_days') >= computeDeadline(s, n, 'days')).toBe(true);
      }),
    );
  });
});

describe('deadlineState and isOnTime', () => {
  it('is overdue the day after the deadline only while an answer is owed', () => {
    expect(deadlineState('2026-03-10', '2026-03-11', true)).toBe('overdue');
    expect(deadlineState('2026-03-10', '2026-03-11', false)).toBe('none');
    expect(deadlineState('2026-03-10', '2026-03-10', true)).toBe('due_soon');
    expect(deadlineState('2026-03-10', '2026-03-09', true)).toBe('due_soon');
    // Friday before a Tuesday deadline: two working days left.
    expect(deadlineState('2026-03-10', '2026-03-06', true)).toBe('on_track');
    expect(deadlineState(null, '2026-03-06', true)).toBe('none');
  });

  it('counts an answer on the deadline day as on time', () => {
    expect(isOnTime('2026-03-10', '2026-03-10')).toBe(true);
    expect(isOnTime('2026-03-11', '2026-03-10')).toBe(false);
    expect(isOnTime('2026-03-11', null)).toBe(true);
  });
});

describe('addWorkingHours (office hours 8–12, 13–17, Vietnam time)', () => {
  const vn = (local: string) => new Date(`${local}+07:00`);
  const at = (local: string) => vn(local).toISOString();
  it('counts within one morning and across lunch', () => {
    expect(addWorkingHours(vn('2026-12-07T08:30:00'), 2)).toBe(at('2026-12-07T10:30:00'));
    expect(addWorkingHours(vn('2026-12-07T11:00:00'), 2)).toBe(at('2026-12-07T14:00:00'));
  });
  it('starts at the next opening for a report sent at night or at lunch', () => {
    expect(addWorkingHours(vn('2026-12-07T22:10:00'), 4)).toBe(at('2026-12-08T12:00:00'));
    expect(addWorkingHours(vn('2026-12-07T12:20:00'), 1)).toBe(at('2026-12-07T14:00:00'));
  });
  it('crosses a weekend: Friday 16:00 + 8 hours is Monday 16:00', () => {
    expect(addWorkingHours(vn('2026-12-04T16:00:00'), 8)).toBe(at('2026-12-07T16:00:00'));
  });
  it('skips Tết 2026 and National Day, and counts a swapped Saturday', () => {
    // Friday 13/2/2026 15:00 + 8 h: Tết runs 16–20/2, so Monday 23/2 at 15:00.
    expect(addWorkingHours(vn('2026-02-13T15:00:00'), 8)).toBe(at('2026-02-23T15:00:00'));
    // Monday 31/8/2026 16:30 + 4 h (urgent): 1–2/9 off, so Thursday 3/9 at 11:30.
    expect(addWorkingHours(vn('2026-08-31T16:30:00'), 4)).toBe(at('2026-09-03T11:30:00'));
    // Friday 9/1/2026 16:00 + 4 h: Saturday 10/1 is worked (swapped for 2/1).
    expect(addWorkingHours(vn('2026-01-09T16:00:00'), 4)).toBe(at('2026-01-10T11:00:00'));
  });
  it('uses the calendar it is given (a holiday added by the province)', () => {
    const calendar = { holidays: new Set(['2026-12-08']), workingWeekends: new Set<string>() };
    expect(addWorkingHours(vn('2026-12-07T16:00:00'), 2, calendar)).toBe(at('2026-12-09T09:00:00'));
  });
  it('never returns before the start, and more hours never give an earlier instant', () => {
    const start = vn('2026-03-05T09:17:00');
    let previous = start.toISOString();
    for (let h = 0; h <= 60; h++) {
      const due = addWorkingHours(start, h);
      expect(due >= previous).toBe(true);
      previous = due;
    }
    expect(addWorkingHours(start, 0)).toBe(start.toISOString());
    expect(() => addWorkingHours(start, -1)).toThrow(RangeError);
  });
});
