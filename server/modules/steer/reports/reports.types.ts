import type {
  Dashboard,
  DashboardQuery,
  IssuedReport,
  IssuedReportDetail,
  IssueReportBody,
  ReportDocument,
  ReportList,
  ReportPreviewQuery,
} from '../../../../core/contracts/steer-reports.js';
import type { ReportPeriodType } from '../../../../core/steer/report.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import type { Download } from '../../../lib/download.js';

// The public face of Steer's periodic reports, the leader dashboard and the task KPIs. Types only.

export type SteerReportsService = {
  /** The report as it would be issued now (steer.read on the unit): computed, not stored. */
  preview(actor: Actor | null, query: ReportPreviewQuery): Promise<ReportDocument>;
  /**
   * Issues the report (steer.manage on the unit): computes it at the period's cut-off, stores the document
   * (append-only), writes the task KPIs of its quarters, audited, all in one transaction.
   */
  issue(ctx: AuditContext, body: IssueReportBody): Promise<IssuedReport>;
  /** Issued reports of a unit, newest period first (steer.read on the unit). */
  list(actor: Actor | null, query: { unitId: number; periodType?: ReportPeriodType }): Promise<ReportList>;
  /** One issued report with its stored document (401 → 404 → 403). */
  get(actor: Actor | null, id: number): Promise<IssuedReportDetail>;
  /** The issued report as XLSX or DOCX, regenerated from its stored document. */
  file(actor: Actor | null, id: number, format: 'xlsx' | 'docx'): Promise<Download>;
};

export type SteerDashboardService = {
  /** The leader dashboard for a unit as of a date (steer.read on the unit), cached until a task changes. */
  dashboard(actor: Actor | null, query: DashboardQuery): Promise<Dashboard>;
  /** The same as the response body's bytes (checked against DashboardSchema, serialised once per cached view). */
  dashboardBody(actor: Actor | null, query: DashboardQuery): Promise<Buffer>;
};

export type TaskKpiRunResult = { scopes: number; written: number; skipped: number };

/** The task completion and on-time rates as KPI values of the kpis module (no actor: background job). */
export type SteerTaskKpiJob = {
  /** The current quarter as of today and the previous quarter as of its end, for every scope with tasks. */
  run(): Promise<TaskKpiRunResult>;
};
