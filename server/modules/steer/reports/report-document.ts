import type { ReportDocument } from '../../../../core/contracts/steer-reports.js';
import {
  aggregateReport,
  type ReportPeriod,
  type ReportStatus,
  type ReportTask,
  reportPeriodLabel,
} from '../../../../core/steer/report.js';

// Puts names on the pure aggregation (core/steer/report.ts): the scope, plans, units and task titles as they
// are when the report is computed. An issued report stores this document, so later renames, edits and
// deletions never change it. Confidential tasks count in every figure but never show their title.

export type ReportTaskRow = {
  id: number;
  title: string;
  code: string | null;
  isKey: boolean;
  confidential: boolean;
  /** null: a task from a conclusion notice, outside any plan. */
  planId: number | null;
  /** The unit that leads it today (the stored lead unit, or its successor after a merger). */
  leadUnitId: number;
};

export type ReportInputs = {
  scope: { id: number; name: string };
  period: ReportPeriod;
  previous: ReportPeriod;
  asOf: string;
  previousAsOf: string;
  tasks: readonly ReportTaskRow[];
  now: ReadonlyMap<number, ReportStatus>;
  before: ReadonlyMap<number, ReportStatus>;
  plans: ReadonlyMap<number, { numberSymbol: string; title: string }>;
  unitNames: ReadonlyMap<number, string>;
};

export const CONFIDENTIAL_TITLE = '(Nhiệm vụ mật)';
/** The plan row of tasks outside any plan (conclusions of committee meetings). */
export const NO_PLAN = { numberSymbol: 'Ngoài kế hoạch', title: 'Nhiệm vụ từ kết luận của Ban Chỉ đạo' };
const NOT_ASSIGNED: ReportStatus = { status: 'not_due', bucket: null, due: null };

export function buildReportDocument(input: ReportInputs): ReportDocument {
  const byId = new Map(input.tasks.map((t) => [t.id, t]));
  const tasks: ReportTask[] = input.tasks.map((t) => ({
    id: t.id,
    planId: t.planId ?? 0,
    leadUnitId: t.leadUnitId,
    isKey: t.isKey,
    now: input.now.get(t.id) ?? NOT_ASSIGNED,
    before: input.before.get(t.id) ?? NOT_ASSIGNED,
  }));
  const report = aggregateReport(tasks, input.period, input.asOf, input.previousAsOf);
  const unitName = (id: number) => input.unitNames.get(id) ?? `#${id}`;
  const plan = (id: number) => (id === 0 ? NO_PLAN : (input.plans.get(id) ?? NO_PLAN));
  const taskRef = (taskId: number) => {
    const t = byId.get(taskId) as ReportTaskRow;
    return {
      taskId,
      title: t.confidential ? CONFIDENTIAL_TITLE : t.title,
      code: t.code,
      isKey: t.isKey,
      planId: t.planId,
      planNumber: t.planId === null ? null : plan(t.planId).numberSymbol,
      leadUnitId: t.leadUnitId,
      leadUnitName: unitName(t.leadUnitId),
    };
  };
  return {
    scope: input.scope,
    period: {
      type: input.period.type,
      code: input.period.code,
      label: reportPeriodLabel(input.period),
      start: input.period.start,
      end: input.period.end,
    },
    previousPeriod: { code: input.previous.code, label: reportPeriodLabel(input.previous) },
    asOf: input.asOf,
    previousAsOf: input.previousAsOf,
    totals: report.totals,
    splitBefore: report.splitBefore,
    plans: report.plans.map((p) => ({ ...p, ...plan(p.planId) })),
    units: report.units.map((u) => ({ ...u, name: unitName(u.unitId) })),
    overdueList: report.overdueList.map((o) => ({
      ...taskRef(o.taskId),
      due: o.due,
      daysOverdue: o.daysOverdue,
    })),
    changes: report.changes.map((c) => ({ ...taskRef(c.taskId), from: c.from, to: c.to })),
  };
}
