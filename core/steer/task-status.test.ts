import { describe, expect, it } from 'vitest';
import { resolveDeadline } from './deadline.js';
import { TASK_STATUS_LABELS } from './labels.js';
import {
  deriveTaskStatus,
  deriveTaskStatusAt,
  type StateChange,
  type TaskDeadline,
  type TaskStatusInput,
} from './task-status.js';

const due = (d: string): TaskDeadline => ({ due: d });
const written = (text: string): TaskDeadline => {
  const r = resolveDeadline(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.code}`);
  return r.deadline;
};
const task = (over: Partial<TaskStatusInput> = {}): TaskStatusInput => ({
  assignedOn: '2025-01-15',
  deadline: due('2025-06-30'),
  history: [{ state: 'in_progress', on: '2025-02-01' }],
  ...over,
});
const h = (...pairs: [StateChange['state'], string][]): StateChange[] =>
  pairs.map(([state, on]) => ({ state, on }));

describe('deriveTaskStatus: a dated deadline', () => {
  const cases: [string, TaskStatusInput, string, Record<string, unknown>][] = [
    ['before the task was assigned', task(), '2025-01-14', { status: 'not_due', bucket: null, state: null }],
    [
      'the day it was assigned',
      task(),
      '2025-01-15',
      { status: 'in_progress', state: 'not_started', daysUntilDue: 166 },
    ],
    [
      '8 days before: within deadline',
      task(),
      '2025-06-22',
      { status: 'in_progress', bucket: 'in_progress', daysUntilDue: 8 },
    ],
    [
      '7 days before: due soon',
      task(),
      '2025-06-23',
      { status: 'due_soon', bucket: 'in_progress', daysUntilDue: 7 },
    ],
    ['the deadline day itself is not overdue', task(), '2025-06-30', { status: 'due_soon', daysUntilDue: 0 }],
    [
      'the day after: overdue by 1',
      task(),
      '2025-07-01',
      { status: 'overdue', bucket: 'overdue', daysOverdue: 1, due: '2025-06-30' },
    ],
    ['a year later: calendar days', task(), '2026-06-30', { status: 'overdue', daysOverdue: 365 }],
    [
      'reported on the deadline day: on time',
      task({ history: h(['in_progress', '2025-02-01'], ['reported_done', '2025-06-30']) }),
      '2025-07-15',
      {
        status: 'done_on_time',
        bucket: 'done_on_time',
        doneOn: '2025-06-30',
        verified: false,
        lateAgainstOriginal: false,
      },
    ],
    [
      'reported the day after: late by 1',
      task({ history: h(['reported_done', '2025-07-01']) }),
      '2025-07-01',
      { status: 'done_late', bucket: 'done_late', daysLate: 1, lateAgainstOriginal: true },
    ],
    [
      'verified later: still dated by the report',
      task({ history: h(['reported_done', '2025-06-20'], ['verified_done', '2025-07-05']) }),
      '2025-07-05',
      { status: 'done_on_time', doneOn: '2025-06-20', verified: true, state: 'verified_done' },
    ],
    [
      'verified without a report: dated by the verification',
      task({ history: h(['verified_done', '2025-07-03']) }),
      '2025-07-03',
      { status: 'done_late', daysLate: 3, doneOn: '2025-07-03', verified: true },
    ],
    [
      'a report counts until it is returned',
      task({ history: h(['reported_done', '2025-06-20'], ['returned', '2025-06-25']) }),
      '2025-06-24',
      { status: 'done_on_time', state: 'reported_done' },
    ],
    [
      'returned: not done',
      task({ history: h(['reported_done', '2025-06-20'], ['returned', '2025-06-25']) }),
      '2025-07-02',
      { status: 'overdue', daysOverdue: 2, state: 'returned' },
    ],
    [
      'returned then done again: dated by the second report',
      task({
        history: h(
          ['reported_done', '2025-06-20'],
          ['returned', '2025-06-25'],
          ['reported_done', '2025-07-03'],
          ['verified_done', '2025-07-10'],
        ),
      }),
      '2025-07-10',
      { status: 'done_late', daysLate: 3, doneOn: '2025-07-03', verified: true },
    ],
    [
      'done, viewed before the report: open',
      task({ history: h(['reported_done', '2025-07-03']) }),
      '2025-07-02',
      { status: 'overdue', daysOverdue: 2, state: 'not_started' },
    ],
    [
      'history out of order is read in date order',
      task({
        history: h(
          ['verified_done', '2025-06-29'],
          ['reported_done', '2025-06-10'],
          ['in_progress', '2025-02-01'],
        ),
      }),
      '2025-07-01',
      { status: 'done_on_time', doneOn: '2025-06-10', verified: true },
    ],
  ];
  for (const [name, input, asOf, expected] of cases) {
    it(name, () => expect(deriveTaskStatus(input, asOf)).toMatchObject(expected));
  }

  it('does not report days the status does not have', () => {
    const open = deriveTaskStatus(task(), '2025-03-01');
    expect(open).not.toHaveProperty('daysOverdue');
    expect(open).not.toHaveProperty('daysLate');
    expect(open).not.toHaveProperty('doneOn');
    const onTime = deriveTaskStatus(task({ history: h(['reported_done', '2025-06-01']) }), '2025-07-01');
    expect(onTime).not.toHaveProperty('daysLate');
    expect(onTime).not.toHaveProperty('daysOverdue');
  });
});

describe('deriveTaskStatus: extensions keep the original deadline', () => {
  const early = task({ extensions: [{ deadline: due('2025-09-30'), approvedOn: '2025-06-20' }] });
  it('before the approval the original applies', () => {
    expect(deriveTaskStatus(early, '2025-06-19')).toMatchObject({
      status: 'in_progress',
      extended: false,
      due: '2025-06-30',
    });
    expect(deriveTaskStatus(early, '2025-06-23')).toMatchObject({
      status: 'in_progress',
      extended: true,
      due: '2025-09-30',
    });
  });
  it('past the original but within the extension: in progress, late against the original', () => {
    expect(deriveTaskStatus(early, '2025-07-01')).toMatchObject({
      status: 'in_progress',
      lateAgainstOriginal: true,
    });
  });
  it('done within the extension: on time, but late against the original', () => {
    const done = { ...early, history: h(['reported_done', '2025-08-15']) };
    expect(deriveTaskStatus(done, '2025-08-15')).toMatchObject({
      status: 'done_on_time',
      lateAgainstOriginal: true,
      extended: true,
    });
  });
  it('done before the original even though extended: on time against both', () => {
    const done = { ...early, history: h(['reported_done', '2025-06-25']) };
    expect(deriveTaskStatus(done, '2025-12-31')).toMatchObject({
      status: 'done_on_time',
      lateAgainstOriginal: false,
    });
  });
  it('past the extension: overdue against it', () => {
    expect(deriveTaskStatus(early, '2025-10-01')).toMatchObject({
      status: 'overdue',
      daysOverdue: 1,
      due: '2025-09-30',
    });
  });

  const late = task({ extensions: [{ deadline: due('2025-07-31'), approvedOn: '2025-07-10' }] });
  it('approved after the original passed: overdue until the approval, then within the new deadline', () => {
    expect(deriveTaskStatus(late, '2025-07-09')).toMatchObject({
      status: 'overdue',
      daysOverdue: 9,
      extended: false,
    });
    expect(deriveTaskStatus(late, '2025-07-10')).toMatchObject({
      status: 'in_progress',
      daysUntilDue: 21,
      extended: true,
    });
    expect(deriveTaskStatus(late, '2025-08-01')).toMatchObject({ status: 'overdue', daysOverdue: 1 });
  });
  it('the latest approved extension wins, whatever the order given', () => {
    const two = task({
      extensions: [
        { deadline: due('2025-12-31'), approvedOn: '2025-09-20' },
        { deadline: due('2025-09-30'), approvedOn: '2025-06-20' },
      ],
    });
    expect(deriveTaskStatus(two, '2025-09-19')).toMatchObject({ due: '2025-09-30' });
    expect(deriveTaskStatus(two, '2025-10-15')).toMatchObject({ due: '2025-12-31', status: 'in_progress' });
  });
});

describe('deriveTaskStatus: period ends and leap years', () => {
  const ends: [string, string, string][] = [
    ['Quý I/2025', '2025-03-31', '2025-04-01'],
    ['Quý IV/2025', '2025-12-31', '2026-01-01'],
    ['6 tháng đầu năm 2025', '2025-06-30', '2025-07-01'],
    ['6 tháng cuối năm 2025', '2025-12-31', '2026-01-01'],
    ['Năm 2025', '2025-12-31', '2026-01-01'],
    ['Giai đoạn 2021-2025', '2025-12-31', '2026-01-01'],
    ['Tháng 2/2024', '2024-02-29', '2024-03-01'],
    ['Tháng 2/2023', '2023-02-28', '2023-03-01'],
    ['Quý I/2024', '2024-03-31', '2024-04-01'],
    ['29/2/2028', '2028-02-29', '2028-03-01'],
  ];
  for (const [text, last, first] of ends) {
    it(`${text}: ${last} is the last day, ${first} is overdue`, () => {
      const input = task({ assignedOn: '2020-01-01', deadline: written(text) });
      expect(deriveTaskStatus(input, last)).toMatchObject({ status: 'due_soon', daysUntilDue: 0 });
      expect(deriveTaskStatus(input, first)).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    });
  }
  it('counts 29 February in days overdue', () => {
    const input = task({ assignedOn: '2024-01-01', deadline: due('2024-02-28') });
    expect(deriveTaskStatus(input, '2024-03-01')).toMatchObject({ daysOverdue: 2 });
    expect(
      deriveTaskStatus({ ...input, assignedOn: '2023-01-01', deadline: due('2023-02-28') }, '2023-03-01'),
    ).toMatchObject({ daysOverdue: 1 });
  });
});

describe('deriveTaskStatus: paused and cancelled', () => {
  it('paused within the deadline: in progress bucket, whatever the date', () => {
    const input = task({ history: h(['in_progress', '2025-02-01'], ['paused', '2025-05-01']) });
    expect(deriveTaskStatus(input, '2025-04-30')).toMatchObject({ status: 'in_progress' });
    expect(deriveTaskStatus(input, '2025-09-01')).toMatchObject({
      status: 'paused',
      bucket: 'in_progress',
      state: 'paused',
    });
  });
  it('paused after the deadline: stays in the overdue bucket, days frozen at the pause', () => {
    const input = task({
      history: h(['in_progress', '2025-02-01'], ['paused', '2025-07-05'], ['in_progress', '2025-08-01']),
    });
    expect(deriveTaskStatus(input, '2025-07-20')).toMatchObject({
      status: 'paused',
      bucket: 'overdue',
      daysOverdue: 5,
    });
    expect(deriveTaskStatus(input, '2025-08-05')).toMatchObject({ status: 'overdue', daysOverdue: 36 });
  });
  it('paused on the deadline day: not overdue', () => {
    const input = task({ history: h(['paused', '2025-06-30']) });
    expect(deriveTaskStatus(input, '2025-08-01')).toMatchObject({ status: 'paused', bucket: 'in_progress' });
  });
  it('cancelled: out of the four-way split from that day', () => {
    const input = task({ history: h(['in_progress', '2025-02-01'], ['cancelled', '2025-07-05']) });
    expect(deriveTaskStatus(input, '2025-07-04')).toMatchObject({ status: 'overdue', daysOverdue: 4 });
    expect(deriveTaskStatus(input, '2025-07-05')).toMatchObject({ status: 'cancelled', bucket: null });
  });
});

describe('deriveTaskStatus: days, options and time zone', () => {
  it('uses the due-soon window', () => {
    expect(deriveTaskStatus(task(), '2025-06-29', { dueSoonDays: 0 })).toMatchObject({
      status: 'in_progress',
    });
    expect(deriveTaskStatus(task(), '2025-06-30', { dueSoonDays: 0 })).toMatchObject({ status: 'due_soon' });
    expect(deriveTaskStatus(task(), '2025-06-01', { dueSoonDays: 30 })).toMatchObject({ status: 'due_soon' });
    expect(() => deriveTaskStatus(task(), '2025-06-01', { dueSoonDays: -1 })).toThrow(RangeError);
    expect(() => deriveTaskStatus(task(), '2025-06-01', { dueSoonDays: 1.5 })).toThrow(RangeError);
  });
  it('reads an instant as the calendar date in Vietnam (UTC+7)', () => {
    expect(deriveTaskStatusAt(task(), new Date('2025-06-30T16:59:59Z'))).toMatchObject({
      status: 'due_soon',
    });
    expect(deriveTaskStatusAt(task(), new Date('2025-06-30T17:00:00Z'))).toMatchObject({
      status: 'overdue',
      daysOverdue: 1,
    });
    expect(deriveTaskStatusAt(task(), new Date('2025-01-14T16:59:59Z'))).toMatchObject({ status: 'not_due' });
  });
  it('throws on a malformed stored date rather than guessing', () => {
    expect(() => deriveTaskStatus(task(), '2025-02-30')).toThrow(RangeError);
    expect(() => deriveTaskStatus(task({ deadline: due('30/6/2025') }), '2025-03-01')).toThrow(RangeError);
  });
  it('labels every status in Vietnamese and English', () => {
    expect(TASK_STATUS_LABELS.done_late.vi).toBe('Hoàn thành quá hạn');
    expect(TASK_STATUS_LABELS.overdue.en).toBe('Overdue');
  });
});
