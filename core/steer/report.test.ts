import { describe, expect, it } from 'vitest';
import {
  aggregateReport,
  parseReportPeriod,
  previousReportPeriod,
  type ReportTask,
  reportPeriod,
  reportPeriodContaining,
  reportPeriodLabel,
} from './report.js';
import { deriveTaskStatus, type StateChange } from './task-status.js';

const Q2 = reportPeriod('quarter', 2026, 2)!;
const AS_OF = '2026-06-30';
const BEFORE = '2026-03-31';

type Row = [id: number, plan: number, unit: number, due: string, history: [StateChange['state'], string][]];

// Ten tasks of two plans and four lead units, assigned 05/01/2026 (hand-computed table in the test below).
const ROWS: Row[] = [
  [1, 1, 10, '2026-05-15', [['reported_done', '2026-05-10']]],
  [2, 1, 10, '2026-06-30', [['in_progress', '2026-02-01']]],
  [3, 1, 20, '2026-04-30', [['reported_done', '2026-05-05']]],
  [4, 1, 20, '2026-05-31', [['in_progress', '2026-02-01']]],
  [5, 2, 20, '2026-02-28', []],
  [6, 2, 30, '2026-09-30', [['in_progress', '2026-03-01']]],
  [
    7,
    2,
    30,
    '2026-03-31',
    [
      ['reported_done', '2026-03-20'],
      ['verified_done', '2026-03-25'],
    ],
  ],
  [8, 2, 30, '2026-06-30', [['cancelled', '2026-02-01']]],
  [9, 2, 40, '2026-06-15', [['reported_done', '2026-06-01']]],
  [10, 1, 40, '2026-01-31', [['reported_done', '2026-04-10']]],
];

const tasks: ReportTask[] = ROWS.map(([id, planId, leadUnitId, due, history]) => {
  const input = {
    assignedOn: '2026-01-05',
    deadline: { due },
    history: history.map(([state, on]) => ({ state, on })),
  };
  return {
    id,
    planId,
    leadUnitId,
    isKey: id === 9,
    now: deriveTaskStatus(input, AS_OF),
    before: deriveTaskStatus(input, BEFORE),
  };
});

const split = (done_on_time: number, done_late: number, in_progress: number, overdue: number) => ({
  done_on_time,
  done_late,
  in_progress,
  overdue,
});

describe('aggregateReport: Q2/2026 against a hand-computed table', () => {
  const report = aggregateReport(tasks, Q2, AS_OF, BEFORE);

  it('totals: four-way split, tasks falling due, rates, overdue and its change', () => {
    expect(report.totals).toEqual({
      split: split(3, 2, 2, 2), // on time 1,7,9 · late 3,10 · in progress 2,6 · overdue 4,5 (8 cancelled)
      total: 9,
      due: 5, // 1, 2, 3, 4, 9 fall due 01/04–30/06
      dueSplit: split(2, 1, 1, 1),
      completionRate: 3 / 5,
      onTimeRate: 2 / 5,
      overdue: 2,
      overdueBefore: 2, // 5 and 10 on 31/03
      overdueChange: 0,
    });
    expect(report.splitBefore).toEqual(split(1, 0, 6, 2));
  });

  it('by unit, ranked on the on-time rate; a unit with nothing due has no rank', () => {
    const rows = report.units.map((u) => [
      u.unitId,
      u.rank,
      u.due,
      u.completionRate,
      u.onTimeRate,
      u.overdue,
      u.overdueChange,
    ]);
    expect(rows).toEqual([
      [40, 1, 1, 1, 1, 0, -1],
      [10, 2, 2, 0.5, 0.5, 0, 0],
      [20, 3, 2, 0.5, 0, 2, 1],
      [30, null, 0, null, null, 0, 0],
    ]);
  });

  it('by plan', () => {
    const rows = report.plans.map((p) => [
      p.planId,
      p.split,
      p.due,
      p.completionRate,
      p.onTimeRate,
      p.overdue,
    ]);
    expect(rows).toEqual([
      [1, split(1, 2, 1, 1), 4, 0.5, 0.25, 1],
      [2, split(2, 0, 1, 1), 1, 1, 1, 1],
    ]);
  });

  it('the overdue list, longest first, with days late', () => {
    expect(report.overdueList.map((o) => [o.taskId, o.due, o.daysOverdue])).toEqual([
      [5, '2026-02-28', 122],
      [4, '2026-05-31', 30],
    ]);
  });

  it('what changed since the last period', () => {
    expect(report.changes.map((c) => [c.taskId, c.from, c.to])).toEqual([
      [1, 'in_progress', 'done_on_time'],
      [3, 'in_progress', 'done_late'],
      [4, 'in_progress', 'overdue'],
      [9, 'in_progress', 'done_on_time'],
      [10, 'overdue', 'done_late'],
    ]);
    expect(report.changes.find((c) => c.taskId === 9)?.isKey).toBe(true);
  });

  it('equal figures share a rank (competition ranking)', () => {
    const same = (id: number, unit: number): ReportTask => ({
      ...tasks[0],
      id,
      leadUnitId: unit,
    });
    const r = aggregateReport(
      [same(1, 7), same(2, 5), { ...tasks[3], id: 3, leadUnitId: 9 }],
      Q2,
      AS_OF,
      BEFORE,
    );
    expect(r.units.map((u) => [u.unitId, u.rank])).toEqual([
      [5, 1],
      [7, 1],
      [9, 3],
    ]);
  });

  it('no tasks: zero counts and no rates', () => {
    const r = aggregateReport([], Q2, AS_OF, BEFORE);
    expect(r.totals).toMatchObject({ total: 0, due: 0, completionRate: null, onTimeRate: null, overdue: 0 });
    expect(r.units).toEqual([]);
  });
});

describe('report periods', () => {
  it.each([
    ['2026-05', 'month', '2026-05-01', '2026-05-31', 'Tháng 5/2026', '2026-04'],
    ['2028-02', 'month', '2028-02-01', '2028-02-29', 'Tháng 2/2028', '2028-01'],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-03-31', 'Quý I/2026', '2025-Q4'],
    ['2026-q4', 'quarter', '2026-10-01', '2026-12-31', 'Quý IV/2026', '2026-Q3'],
    ['2026-H1', 'half', '2026-01-01', '2026-06-30', '6 tháng đầu năm 2026', '2025-H2'],
    ['2026-H2', 'half', '2026-07-01', '2026-12-31', '6 tháng cuối năm 2026', '2026-H1'],
    ['2026', 'year', '2026-01-01', '2026-12-31', 'Năm 2026', '2025'],
  ])('%s', (code, type, start, end, label, previous) => {
    const p = parseReportPeriod(code)!;
    expect(p).toMatchObject({ type, start, end });
    expect(reportPeriodLabel(p)).toBe(label);
    expect(previousReportPeriod(p).code).toBe(previous);
  });

  it.each(['2026-Q5', '2026-H3', '2026-13', '1999', 'Q2/2026', ''])('refuses %j', (code) => {
    expect(parseReportPeriod(code)).toBeNull();
  });

  it('the period containing a date', () => {
    expect(reportPeriodContaining('quarter', '2026-08-15').code).toBe('2026-Q3');
    expect(reportPeriodContaining('half', '2026-06-30').code).toBe('2026-H1');
    expect(reportPeriodContaining('month', '2026-12-31').code).toBe('2026-12');
  });
});
