import { lastDayOfMonth, toDay } from './calendar.js';
import type { TaskStatusResult } from './task-status.js';
import type { StatusBucket } from './types.js';

// Periodic reports and the leader dashboard, as pure aggregation: tasks with their derived status as of the
// period's cut-off and as of the previous period's cut-off go in; the national four-way split, the tasks falling
// due in the period with their completion and on-time rates, the overdue count and its change, by unit and by
// plan, the ranking of units and the overdue list come out. No I/O; the server feeds it, the web shows it.
//
// Definitions (the national trackers' wording, ../shared/research/tasks-and-style.md §A1):
// - a task *falls due in the period* when the deadline in force on the cut-off (`status.due`: the extended
//   deadline, or the end of the reporting cycle in question for an ongoing task) lies within the period;
// - *completion rate* = done (on time + late) / falling due; *on-time rate* = done on time / falling due;
// - the *four-way split* counts every task the reports include (bucket not null) on the cut-off, whenever due;
// - *overdue* = bucket `overdue` on the cut-off (paused after going overdue included), compared with the same
//   count on the previous period's cut-off.

export const REPORT_PERIOD_TYPES = ['month', 'quarter', 'half', 'year'] as const;
export type ReportPeriodType = (typeof REPORT_PERIOD_TYPES)[number];

export type ReportPeriod = {
  type: ReportPeriodType;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2, or 1 for a year. */
  index: number;
  /** '2026-05', '2026-Q2', '2026-H1', '2026'. */
  code: string;
  start: string;
  end: string;
};

const COUNT: Record<ReportPeriodType, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const MONTHS: Record<ReportPeriodType, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The period of a type, year and index; null when out of range (years 2000–2100). */
export function reportPeriod(type: ReportPeriodType, year: number, index: number): ReportPeriod | null {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  if (!Number.isInteger(index) || index < 1 || index > COUNT[type]) return null;
  return build(type, year, index);
}

function build(type: ReportPeriodType, year: number, index: number): ReportPeriod {
  const size = MONTHS[type];
  const first = (index - 1) * size + 1;
  const last = first + size - 1;
  const code =
    type === 'year'
      ? String(year)
      : type === 'month'
        ? `${year}-${pad2(index)}`
        : `${year}-${type === 'quarter' ? 'Q' : 'H'}${index}`;
  return {
    type,
    year,
    index,
    code,
    start: `${year}-${pad2(first)}-01`,
    end: `${year}-${pad2(last)}-${pad2(lastDayOfMonth(year, last))}`,
  };
}

/** Parses '2026-05', '2026-Q2', '2026-H1', '2026'; null otherwise. */
export function parseReportPeriod(code: string): ReportPeriod | null {
  const s = code.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) return reportPeriod('year', Number(m[1]), 1);
  m = /^(\d{4})-Q(\d)$/.exec(s);
  if (m) return reportPeriod('quarter', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-H(\d)$/.exec(s);
  if (m) return reportPeriod('half', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return reportPeriod('month', Number(m[1]), Number(m[2]));
  return null;
}

/** The period before, of the same type (Q1/2026 → Q4/2025). */
export function previousReportPeriod(p: ReportPeriod): ReportPeriod {
  return p.index > 1 ? build(p.type, p.year, p.index - 1) : build(p.type, p.year - 1, COUNT[p.type]);
}

/** The period of a type containing a date. */
export function reportPeriodContaining(type: ReportPeriodType, date: string): ReportPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const p = reportPeriod(type, year, Math.floor((month - 1) / MONTHS[type]) + 1);
  if (!p) throw new RangeError(`No report period for ${date}`);
  return p;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** 'Tháng 5/2026', 'Quý II/2026', '6 tháng đầu năm 2026', 'Năm 2026' (and English). */
export function reportPeriodLabel(p: ReportPeriod, locale: 'vi' | 'en' = 'vi'): string {
  if (locale === 'en') {
    if (p.type === 'month') return `${pad2(p.index)}/${p.year}`;
    if (p.type === 'quarter') return `Q${p.index} ${p.year}`;
    if (p.type === 'half') return `${p.index === 1 ? 'First' : 'Second'} half of ${p.year}`;
    return `Year ${p.year}`;
  }
  if (p.type === 'month') return `Tháng ${p.index}/${p.year}`;
  if (p.type === 'quarter') return `Quý ${ROMAN[p.index - 1]}/${p.year}`;
  if (p.type === 'half') return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
  return `Năm ${p.year}`;
}

/** What the aggregation reads of a derived status (a TaskStatusResult fits). */
export type ReportStatus = Pick<
  TaskStatusResult,
  'status' | 'bucket' | 'due' | 'doneOn' | 'daysOverdue' | 'daysLate'
>;

export type ReportTask = {
  id: number;
  planId: number;
  leadUnitId: number;
  /** The key/priority flag ("nhiệm vụ trọng tâm"). */
  isKey: boolean;
  /** Status on the period's cut-off. */
  now: ReportStatus;
  /** Status on the previous period's cut-off. */
  before: ReportStatus;
};

export type Split = Record<StatusBucket, number>;

export type ReportFigures = {
  /** Four-way split of every task the reports include, on the cut-off. */
  split: Split;
  total: number;
  /** Tasks falling due in the period, and their split on the cut-off. */
  due: number;
  dueSplit: Split;
  /** Done / due and done on time / due, 0–1; null when nothing fell due. */
  completionRate: number | null;
  onTimeRate: number | null;
  overdue: number;
  overdueBefore: number;
  overdueChange: number;
};

export type UnitFigures = ReportFigures & { unitId: number; rank: number | null };
export type PlanFigures = ReportFigures & { planId: number };

export type OverdueItem = {
  taskId: number;
  planId: number;
  leadUnitId: number;
  isKey: boolean;
  due: string | null;
  daysOverdue: number;
};

export type BucketChange = {
  taskId: number;
  planId: number;
  leadUnitId: number;
  isKey: boolean;
  from: StatusBucket | null;
  to: StatusBucket | null;
};

export type PeriodReport = {
  period: { code: string; start: string; end: string };
  asOf: string;
  previousAsOf: string;
  totals: ReportFigures;
  /** Per plan, in plan id order. */
  plans: PlanFigures[];
  /** Per lead unit, ranked: on-time rate, then completion rate, then fewer overdue; units with nothing due last. */
  units: UnitFigures[];
  /** Overdue on the cut-off, longest first. */
  overdueList: OverdueItem[];
  /** Split on the previous cut-off, for "what changed since the last period". */
  splitBefore: Split;
  /** Tasks whose bucket differs between the two cut-offs, in task id order. */
  changes: BucketChange[];
};

export const emptySplit = (): Split => ({ done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 });

type Acc = { split: Split; dueSplit: Split; overdueBefore: number };
const emptyAcc = (): Acc => ({ split: emptySplit(), dueSplit: emptySplit(), overdueBefore: 0 });

function accFor(map: Map<number, Acc>, key: number): Acc {
  const found = map.get(key);
  if (found) return found;
  const acc = emptyAcc();
  map.set(key, acc);
  return acc;
}

function within(date: string | null | undefined, start: number, end: number): boolean {
  if (!date) return false;
  const d = toDay(date);
  return d >= start && d <= end;
}

function add(acc: Acc, t: ReportTask, start: number, end: number): void {
  if (t.now.bucket) {
    acc.split[t.now.bucket] += 1;
    if (within(t.now.due, start, end)) acc.dueSplit[t.now.bucket] += 1;
  }
  if (t.before.bucket === 'overdue') acc.overdueBefore += 1;
}

const sum = (s: Split) => s.done_on_time + s.done_late + s.in_progress + s.overdue;

function figures(acc: Acc): ReportFigures {
  const due = sum(acc.dueSplit);
  const done = acc.dueSplit.done_on_time + acc.dueSplit.done_late;
  return {
    split: acc.split,
    total: sum(acc.split),
    due,
    dueSplit: acc.dueSplit,
    completionRate: due === 0 ? null : done / due,
    onTimeRate: due === 0 ? null : acc.dueSplit.done_on_time / due,
    overdue: acc.split.overdue,
    overdueBefore: acc.overdueBefore,
    overdueChange: acc.split.overdue - acc.overdueBefore,
  };
}

/** Ranking order of two units' figures (negative: a ranks first). Ties fall to the caller's order. */
export function compareUnitFigures(a: ReportFigures, b: ReportFigures): number {
  if (a.onTimeRate === null || b.onTimeRate === null) {
    if (a.onTimeRate !== b.onTimeRate) return a.onTimeRate === null ? 1 : -1;
    return a.overdue - b.overdue;
  }
  return (
    b.onTimeRate - a.onTimeRate || (b.completionRate ?? 0) - (a.completionRate ?? 0) || a.overdue - b.overdue
  );
}

/**
 * The report over `tasks` for `period`, as of `asOf` (the period's cut-off, usually its last day) against the
 * previous cut-off `previousAsOf`. Units are ranked with competition ranking (1, 2, 2, 4); a unit with nothing
 * falling due has no rank. Ties keep unit id order.
 */
export function aggregateReport(
  tasks: readonly ReportTask[],
  period: { code: string; start: string; end: string },
  asOf: string,
  previousAsOf: string,
): PeriodReport {
  const start = toDay(period.start);
  const end = toDay(period.end);
  const total = emptyAcc();
  const byPlan = new Map<number, Acc>();
  const byUnit = new Map<number, Acc>();
  const splitBefore = emptySplit();
  const overdueList: OverdueItem[] = [];
  const changes: BucketChange[] = [];
  for (const t of tasks) {
    add(total, t, start, end);
    add(accFor(byPlan, t.planId), t, start, end);
    add(accFor(byUnit, t.leadUnitId), t, start, end);
    if (t.before.bucket) splitBefore[t.before.bucket] += 1;
    const ref = { taskId: t.id, planId: t.planId, leadUnitId: t.leadUnitId, isKey: t.isKey };
    if (t.now.bucket === 'overdue')
      overdueList.push({ ...ref, due: t.now.due, daysOverdue: t.now.daysOverdue ?? 0 });
    if (t.now.bucket !== t.before.bucket) changes.push({ ...ref, from: t.before.bucket, to: t.now.bucket });
  }
  overdueList.sort((a, b) => b.daysOverdue - a.daysOverdue || a.taskId - b.taskId);
  changes.sort((a, b) => a.taskId - b.taskId);
  const plans = [...byPlan]
    .sort((a, b) => a[0] - b[0])
    .map(([planId, acc]): PlanFigures => ({ planId, ...figures(acc) }));
  const units = [...byUnit]
    .sort((a, b) => a[0] - b[0])
    .map(([unitId, acc]): UnitFigures => ({ unitId, rank: null, ...figures(acc) }))
    .sort(compareUnitFigures);
  for (let i = 0; i < units.length; i++) {
    if (units[i].onTimeRate === null) break;
    units[i].rank = i > 0 && compareUnitFigures(units[i - 1], units[i]) === 0 ? units[i - 1].rank : i + 1;
  }
  return {
    period: { code: period.code, start: period.start, end: period.end },
    asOf,
    previousAsOf,
    totals: figures(total),
    plans,
    units,
    overdueList,
    splitBefore,
    changes,
  };
}

/** A rate 0–1 as a percentage with one decimal (0.6667 → 66.7); '—' for none. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')} %`;
}
