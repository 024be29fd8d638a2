import { z } from 'zod';
import { REPORT_PERIOD_TYPES } from '../steer/report.js';
import { STATUS_BUCKETS } from '../steer/types.js';

// Request and response shapes of Steer's periodic reports (/api/steer/reports…) and the leader dashboard
// (/api/steer/dashboard). A report document is what an issued report stores at its cut-off (append-only), so
// its preview, XLSX and DOCX show the same numbers later. Dates 'YYYY-MM-DD' (Asia/Ho_Chi_Minh), rates 0–1.

const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const IdNumber = z.number().int().positive().max(2_147_483_647);
// A real calendar day (2026-02-30 and month 28 are refused as 400, not turned into an invalid Date).
const IsoDate = z.iso.date();
/** '2026-05' (month), '2026-Q2' (quarter), '2026-H1' (half-year), '2026' (year). */
export const ReportPeriodCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]|[Qq][1-4]|[Hh][12]))?$/, 'YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn');

export const ReportPeriodTypeSchema = z.enum(REPORT_PERIOD_TYPES);

const SplitSchema = z.object(
  Object.fromEntries(STATUS_BUCKETS.map((b) => [b, z.number()])) as Record<
    (typeof STATUS_BUCKETS)[number],
    z.ZodNumber
  >,
);

export const ReportFiguresSchema = z.object({
  split: SplitSchema,
  total: z.number(),
  due: z.number(),
  dueSplit: SplitSchema,
  completionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  overdue: z.number(),
  overdueBefore: z.number(),
  overdueChange: z.number(),
});

const TaskRefSchema = z.object({
  taskId: z.number(),
  /** "(Nhiệm vụ mật)" for a confidential task. */
  title: z.string(),
  code: z.string().nullable(),
  isKey: z.boolean(),
  planId: z.number().nullable(),
  planNumber: z.string().nullable(),
  leadUnitId: z.number(),
  leadUnitName: z.string(),
});

export const ReportDocumentSchema = z
  .object({
    scope: z.object({ id: z.number(), name: z.string() }),
    period: z.object({
      type: ReportPeriodTypeSchema,
      code: z.string(),
      label: z.string(),
      start: z.string(),
      end: z.string(),
    }),
    previousPeriod: z.object({ code: z.string(), label: z.string() }),
    /** Statuses were derived on this date (the period's end, or the issue date for a current period). */
    asOf: z.string(),
    previousAsOf: z.string(),
    totals: ReportFiguresSchema,
    splitBefore: SplitSchema,
    plans: z.array(
      ReportFiguresSchema.extend({
        planId: z.number(),
        numberSymbol: z.string(),
        title: z.string(),
      }),
    ),
    units: z.array(
      ReportFiguresSchema.extend({ unitId: z.number(), name: z.string(), rank: z.number().nullable() }),
    ),
    overdueList: z.array(TaskRefSchema.extend({ due: z.string().nullable(), daysOverdue: z.number() })),
    changes: z.array(
      TaskRefSchema.extend({
        from: z.enum(STATUS_BUCKETS).nullable(),
        to: z.enum(STATUS_BUCKETS).nullable(),
      }),
    ),
  })
  .meta({ id: 'SteerReportDocument' });
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;

export const ReportPreviewQuerySchema = z.strictObject({
  unitId: IdParam,
  period: ReportPeriodCodeSchema,
});
export type ReportPreviewQuery = z.infer<typeof ReportPreviewQuerySchema>;

export const IssueReportBodySchema = z.strictObject({
  unitId: IdNumber,
  period: ReportPeriodCodeSchema,
  /** Số, ký hiệu printed on the DOCX ("45/BC-BCĐ"); optional. */
  numberSymbol: z.string().trim().min(1).max(100).nullish(),
});
export type IssueReportBody = z.infer<typeof IssueReportBodySchema>;

export const IssuedReportSchema = z
  .object({
    id: z.number(),
    scopeUnitId: z.number(),
    scopeName: z.string(),
    periodType: ReportPeriodTypeSchema,
    periodCode: z.string(),
    periodLabel: z.string(),
    asOf: z.string(),
    numberSymbol: z.string().nullable(),
    title: z.string(),
    taskCount: z.number(),
    onTimeRate: z.number().nullable(),
    completionRate: z.number().nullable(),
    issuedAt: z.string(),
    issuedBy: z.string(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'SteerIssuedReport' });
export type IssuedReport = z.infer<typeof IssuedReportSchema>;

export const IssuedReportDetailSchema = IssuedReportSchema.extend({ document: ReportDocumentSchema });
export type IssuedReportDetail = z.infer<typeof IssuedReportDetailSchema>;

export const ReportListQuerySchema = z.strictObject({
  unitId: IdParam,
  periodType: ReportPeriodTypeSchema.optional(),
});
export const ReportListSchema = z.object({ items: z.array(IssuedReportSchema) });
export type ReportList = z.infer<typeof ReportListSchema>;

export const ReportIdParamsSchema = z.strictObject({ id: IdParam });
export const ReportFileParamsSchema = z.strictObject({ id: IdParam, format: z.enum(['xlsx', 'docx']) });

// ---------------------------------------------------------------- the leader dashboard

/** A steering date within the programme's plausible years (period codes and comparisons are built for them). */
const SteeringDate = IsoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', {
  params: { code: 'invalid_date' },
});

export const DashboardQuerySchema = z.strictObject({
  unitId: IdParam,
  /** Status as of this date (default today in Vietnam), between 2000 and 2100. */
  asOf: SteeringDate.optional(),
  /** "Since the last period": the previous month, quarter (default), half-year or year. */
  periodType: ReportPeriodTypeSchema.default('quarter'),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const DashboardSchema = ReportDocumentSchema.extend({
  /** Key tasks ("nhiệm vụ trọng tâm") overdue on the date, longest first. */
  keyOverdue: ReportDocumentSchema.shape.overdueList,
  /** How many tasks moved from one bucket to another since the last period ('overdue>done_late': 3). */
  changeCounts: z.record(z.string(), z.number()),
}).meta({ id: 'SteerDashboard' });
export type Dashboard = z.infer<typeof DashboardSchema>;
