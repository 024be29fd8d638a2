import { describe, expect, it } from 'vitest';
import { resolveDeadline } from './deadline.js';
import { deriveTaskStatus, type TaskStatusInput } from './task-status.js';
import type { DeadlineCycle } from './types.js';

// Ongoing tasks ("Thường xuyên", "Hằng quý"): one progress report per calendar cycle; a cycle whose end passed
// without one is overdue until a report comes, and that report counts as late for it.

const ongoing = (cycle: DeadlineCycle, over: Partial<TaskStatusInput> = {}): TaskStatusInput => ({
  assignedOn: '2025-01-10',
  deadline: { cycle },
  history: [{ state: 'in_progress', on: '2025-01-10' }],
  ...over,
});

describe('ongoing, monthly', () => {
  const input = ongoing('month', { progressReports: ['2025-01-20', '2025-02-27', '2025-04-05'] });
  it('a cycle reported: within deadline, nothing missed', () => {
    expect(deriveTaskStatus(input, '2025-02-28')).toMatchObject({
      status: 'in_progress',
      due: '2025-02-28',
      missedCycles: [],
    });
  });
  it('an unreported cycle is due soon up to its last day', () => {
    expect(deriveTaskStatus(input, '2025-03-23')).toMatchObject({ status: 'in_progress', daysUntilDue: 8 });
    expect(deriveTaskStatus(input, '2025-03-24')).toMatchObject({ status: 'due_soon', daysUntilDue: 7 });
    expect(deriveTaskStatus(input, '2025-03-31')).toMatchObject({
      status: 'due_soon',
      daysUntilDue: 0,
      due: '2025-03-31',
    });
  });
  it('the day after an unreported cycle: overdue, and the cycle is listed', () => {
    expect(deriveTaskStatus(input, '2025-04-01')).toMatchObject({
      status: 'overdue',
      bucket: 'overdue',
      daysOverdue: 1,
      due: '2025-03-31',
      missedCycles: [{ start: '2025-03-01', end: '2025-03-31', reportedOn: null, daysLate: 1 }],
    });
  });
  it('a late report clears the overdue cycle but stays late for it; the current cycle still needs its own', () => {
    expect(deriveTaskStatus(input, '2025-04-05')).toMatchObject({
      status: 'in_progress',
      due: '2025-04-30',
      missedCycles: [{ start: '2025-03-01', end: '2025-03-31', reportedOn: '2025-04-05', daysLate: 5 }],
    });
    expect(deriveTaskStatus(input, '2025-05-01')).toMatchObject({
      status: 'overdue',
      daysOverdue: 1,
      due: '2025-04-30',
    });
  });
  it('the first cycle runs from the assignment day; reports before it do not count', () => {
    const early = ongoing('month', { progressReports: ['2025-01-05'] });
    expect(deriveTaskStatus(early, '2025-02-01')).toMatchObject({
      status: 'overdue',
      missedCycles: [{ start: '2025-01-10', end: '2025-01-31', reportedOn: null, daysLate: 1 }],
    });
  });
  it('two reports in one cycle do not cover the next', () => {
    const twice = ongoing('month', { progressReports: ['2025-01-12', '2025-01-30'] });
    expect(deriveTaskStatus(twice, '2025-03-01')).toMatchObject({
      status: 'overdue',
      daysOverdue: 1,
      due: '2025-02-28',
    });
  });
  it('overdue days count from the oldest unreported cycle', () => {
    expect(deriveTaskStatus(ongoing('month'), '2025-04-10')).toMatchObject({
      status: 'overdue',
      daysOverdue: 69,
      due: '2025-01-31',
    });
  });
});

describe('ongoing, by quarter, half-year and year', () => {
  it('quarterly: every quarter reported stays within deadline', () => {
    const input = ongoing('quarter', {
      progressReports: ['2025-03-15', '2025-06-30', '2025-09-01', '2025-12-31'],
    });
    expect(deriveTaskStatus(input, '2026-01-01')).toMatchObject({
      status: 'in_progress',
      missedCycles: [],
      due: '2026-03-31',
    });
  });
  it('quarterly: the quarter end is the last day', () => {
    const input = ongoing('quarter', { progressReports: ['2025-03-15'] });
    expect(deriveTaskStatus(input, '2025-06-30')).toMatchObject({ status: 'due_soon', daysUntilDue: 0 });
    expect(deriveTaskStatus(input, '2025-07-01')).toMatchObject({
      status: 'overdue',
      daysOverdue: 1,
      due: '2025-06-30',
    });
  });
  it('half-yearly: cycles end on 30/6 and 31/12', () => {
    const input = ongoing('half', { progressReports: ['2025-06-30'] });
    expect(deriveTaskStatus(input, '2025-07-01')).toMatchObject({ status: 'in_progress', due: '2025-12-31' });
    expect(deriveTaskStatus(input, '2026-01-01')).toMatchObject({ status: 'overdue', due: '2025-12-31' });
  });
  it('"Hằng năm": a year without a report is overdue on 1 January', () => {
    const r = resolveDeadline('Hằng năm');
    if (!r.ok) throw new Error('unresolved');
    const input = ongoing('year', { assignedOn: '2024-03-01', deadline: r.deadline });
    expect(deriveTaskStatus(input, '2024-12-31')).toMatchObject({ status: 'due_soon', due: '2024-12-31' });
    expect(deriveTaskStatus(input, '2025-01-01')).toMatchObject({
      status: 'overdue',
      daysOverdue: 1,
      due: '2024-12-31',
    });
  });
  it('monthly through February of a leap year', () => {
    const input = ongoing('month', { assignedOn: '2024-02-01', progressReports: [] });
    expect(deriveTaskStatus(input, '2024-02-29')).toMatchObject({ status: 'due_soon', daysUntilDue: 0 });
    expect(deriveTaskStatus(input, '2024-03-01')).toMatchObject({
      status: 'overdue',
      daysOverdue: 1,
      due: '2024-02-29',
    });
  });
});

describe('ongoing with a bounded period, or closed', () => {
  const r = resolveDeadline('Thường xuyên (hằng quý), năm 2025');
  if (!r.ok) throw new Error('unresolved');
  const bounded = (reports: string[]) =>
    ongoing('quarter', { deadline: r.deadline, progressReports: reports });
  it('before the period starts: within deadline, measured against the first cycle', () => {
    const later = ongoing('quarter', { assignedOn: '2024-11-01', deadline: r.deadline });
    expect(deriveTaskStatus(later, '2024-12-01')).toMatchObject({ status: 'in_progress', due: '2025-03-31' });
  });
  it('assigned after the period began: no report is owed for the cycles before', () => {
    const g = resolveDeadline('Thường xuyên (hằng quý), giai đoạn 2021-2025');
    if (!g.ok) throw new Error('unresolved');
    const input = ongoing('quarter', { assignedOn: '2023-05-10', deadline: g.deadline });
    expect(deriveTaskStatus(input, '2023-06-30')).toMatchObject({ status: 'due_soon', missedCycles: [] });
    expect(deriveTaskStatus(input, '2023-07-01')).toMatchObject({
      status: 'overdue',
      daysOverdue: 1,
      missedCycles: [{ start: '2023-05-10', end: '2023-06-30', reportedOn: null, daysLate: 1 }],
    });
  });
  it('the period over with every quarter reported on time: done on time', () => {
    const input = bounded(['2025-03-01', '2025-06-01', '2025-09-01', '2025-12-01']);
    expect(deriveTaskStatus(input, '2026-01-01')).toMatchObject({
      status: 'done_on_time',
      bucket: 'done_on_time',
      missedCycles: [],
    });
  });
  it('the period over with a quarter reported late: done late', () => {
    const input = bounded(['2025-03-01', '2025-07-03', '2025-08-01', '2025-12-01']);
    expect(deriveTaskStatus(input, '2026-01-01')).toMatchObject({ status: 'done_late', daysLate: 3 });
  });
  it('the period over with the last quarter unreported: overdue', () => {
    const input = bounded(['2025-03-01', '2025-06-01', '2025-09-01']);
    expect(deriveTaskStatus(input, '2026-01-05')).toMatchObject({
      status: 'overdue',
      daysOverdue: 5,
      due: '2025-12-31',
    });
  });
  it('reported done mid-cycle: the current cycle is covered, missed earlier ones make it late', () => {
    const clean = ongoing('quarter', {
      progressReports: ['2025-03-01'],
      history: [{ state: 'reported_done', on: '2025-05-15' }],
    });
    expect(deriveTaskStatus(clean, '2025-12-01')).toMatchObject({
      status: 'done_on_time',
      doneOn: '2025-05-15',
      verified: false,
    });
    const missed = ongoing('quarter', { history: [{ state: 'reported_done', on: '2025-05-15' }] });
    expect(deriveTaskStatus(missed, '2025-12-01')).toMatchObject({ status: 'done_late', daysLate: 45 });
  });
  it('a fixed deadline extended to an ongoing one keeps "late against the original"', () => {
    const input = ongoing('month', {
      deadline: { due: '2025-02-28' },
      extensions: [{ deadline: { cycle: 'month' }, approvedOn: '2025-02-20' }],
      progressReports: ['2025-01-20', '2025-02-20', '2025-03-20'],
    });
    expect(deriveTaskStatus(input, '2025-03-25')).toMatchObject({
      status: 'in_progress',
      extended: true,
      lateAgainstOriginal: true,
    });
  });
});
