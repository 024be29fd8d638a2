import type { IssuedReport, ReportDocument } from '../../../../core/contracts/steer-reports.js';
import {
  parseReportPeriod,
  type ReportPeriod,
  type ReportPeriodType,
  reportPeriodLabel,
} from '../../../../core/steer/report.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import { actorLabel } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import type { ReportEngine } from './report-engine.js';
import { buildReportDocx, buildReportXlsx } from './report-files.js';
import type { IssuedReportRow, ReportsRepository, ScopeUnitRow } from './reports.repository.js';
import type { SteerReportsService } from './reports.types.js';
import type { TaskKpiWriter } from './task-kpis.js';
import './reports.messages.js';

// Periodic reports (monthly, quarterly, six-monthly, yearly) of a scope unit. A preview is computed on demand;
// issuing stores the document computed at the period's cut-off (append-only), so its XLSX and DOCX regenerate
// with the same numbers whatever happens to the tasks later, and writes the task KPIs of its quarters.

export type ReportsServiceDeps = Pick<Deps, 'db' | 'clock' | 'audit'> & {
  repo: ReportsRepository;
  guard: AccessGuard;
  engine: ReportEngine;
  kpis: TaskKpiWriter;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const reportTitle = (period: ReportPeriod) =>
  `Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số ${reportPeriodLabel(period).replace(/^(Tháng|Quý|Năm)/, (w) => w.toLocaleLowerCase('vi'))}`;

function toView(row: Omit<IssuedReportRow, 'snapshotJson'>, scopeName: string): IssuedReport {
  const period = parseReportPeriod(row.periodCode) as ReportPeriod;
  return {
    id: row.id,
    scopeUnitId: row.scopeUnitId,
    scopeName,
    periodType: row.periodType as ReportPeriodType,
    periodCode: row.periodCode,
    periodLabel: reportPeriodLabel(period),
    asOf: row.asOf,
    numberSymbol: row.numberSymbol,
    title: row.title,
    taskCount: row.taskCount,
    onTimeRate: row.onTimeRate,
    completionRate: row.completionRate,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedByLabel,
    isDemo: row.isDemo === 1,
  };
}

export function createReportsService(deps: ReportsServiceDeps): SteerReportsService {
  const { db, clock, audit, repo, guard, engine, kpis } = deps;
  const today = () => vietnamDate(clock.now());

  async function scopeOrFail(unitId: number): Promise<ScopeUnitRow> {
    const scope = await repo.scopeUnit(unitId);
    if (!scope) throw new AppError('NOT_FOUND');
    return scope;
  }

  /** The period and its cut-off: the period's last day, or today while it is still running. */
  function periodAndCutOff(code: string): { period: ReportPeriod; asOf: string } {
    const period = parseReportPeriod(code);
    if (!period)
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: 'period', code: 'steer.report.bad_period', params: { period: code } }],
      });
    const now = today();
    if (period.start > now)
      throw new AppError('VALIDATION', {
        fieldErrors: [
          {
            field: 'period',
            code: 'steer.report.future_period',
            params: { period: reportPeriodLabel(period) },
          },
        ],
      });
    return { period, asOf: period.end < now ? period.end : now };
  }

  async function loadIssued(actor: Parameters<SteerReportsService['get']>[0], id: number) {
    const { entity } = await guard.forEntity(
      actor,
      'steer.read',
      () => repo.findReport(id),
      (r) => r.scopeUnitId,
    );
    const scope = await repo.scopeUnit(entity.scopeUnitId);
    return {
      row: entity,
      scope: scope as ScopeUnitRow,
      document: JSON.parse(entity.snapshotJson) as ReportDocument,
    };
  }

  return {
    async preview(actor, query) {
      const { period, asOf } = periodAndCutOff(query.period);
      await guard.forUnit(actor, 'steer.read', query.unitId);
      const scope = await scopeOrFail(query.unitId);
      return (await engine.cached(scope, period, asOf)).document;
    },

    async issue(ctx, body) {
      const { period, asOf } = periodAndCutOff(body.period);
      const { actor } = await guard.forUnit(ctx.actor, 'steer.manage', body.unitId);
      const scope = await scopeOrFail(body.unitId);
      const issuedAt = clock.now().toISOString();
      const row = await db.transaction().execute(async (trx) => {
        const { document } = await engine.compute(scope, period, asOf, trx);
        const inserted = await repo.insertReport(
          {
            scopeUnitId: scope.id,
            periodType: period.type,
            periodCode: period.code,
            periodStart: period.start,
            periodEnd: period.end,
            asOf,
            numberSymbol: body.numberSymbol ?? null,
            title: reportTitle(period),
            snapshotJson: JSON.stringify(document),
            taskCount: document.totals.total,
            onTimeRate: document.totals.onTimeRate,
            completionRate: document.totals.completionRate,
            issuedBy: actor.userId,
            issuedByLabel: actorLabel(actor),
            issuedAt,
          },
          trx,
        );
        const { snapshotJson: _document, ...summary } = inserted;
        await audit.record(trx, ctx, {
          action: 'steer.report.issue',
          entity: 'steer_report',
          entityId: inserted.id,
          unitId: scope.id,
          after: { ...summary, totals: document.totals },
        });
        await kpis.writeForPeriod(trx, ctx, scope, period, asOf);
        return inserted;
      });
      return toView(row, scope.name);
    },

    async list(actor, query) {
      await guard.forUnit(actor, 'steer.read', query.unitId);
      const scope = await scopeOrFail(query.unitId);
      const rows = await repo.listReports(scope.id, query.periodType);
      return { items: rows.map((r) => toView(r, scope.name)) };
    },

    async get(actor, id) {
      const { row, scope, document } = await loadIssued(actor, id);
      return { ...toView(row, scope.name), document };
    },

    async file(actor, id, format) {
      const { row, scope, document } = await loadIssued(actor, id);
      const base = `bao-cao-nhiem-vu-cds-${row.periodCode}-${row.id}`;
      if (format === 'xlsx')
        return { fileName: `${base}.xlsx`, mime: XLSX, body: await buildReportXlsx(document) };
      const docx = await buildReportDocx(document, scope, {
        numberSymbol: row.numberSymbol,
        issuedAt: new Date(row.issuedAt),
      });
      return { fileName: `${base}.docx`, mime: DOCX, body: docx };
    },
  };
}
