import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { KpiFeedRow } from '../../kpis/kpis.types.js';
import type { FeedbackKpiDeps, FeedbackKpiWriter } from '../feedback.types.js';

// The two feedback rates every DTI framework scores (feedback.on_time_rate, feedback.satisfaction_rate), written
// as quarterly ratio KPIs of the handling unit through the kpis module's feed, so Measure fills itself:
// - on time: reports whose answer deadline falls in the quarter and is past (or already answered); numerator
//   those whose first answer came on or before the deadline;
// - satisfaction: ratings given in the quarter; numerator the satisfied ones.
// Rewritten in the transaction of each answer and rating, and for every unit by the daily job (deadlines pass).

export const ON_TIME_KPI = 'FEEDBACK_ON_TIME_RATE';
export const SATISFACTION_KPI = 'FEEDBACK_SATISFACTION_RATE';

export type Quarter = { code: string; start: string; end: string; next: string };

export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const pad = (m: number) => String(m).padStart(2, '0');
  const startMonth = (q - 1) * 3 + 1;
  const endDay = [31, 30, 30, 31][q - 1];
  return {
    code: `${year}-Q${q}`,
    start: `${year}-${pad(startMonth)}-01`,
    end: `${year}-${pad(startMonth + 2)}-${endDay}`,
    next: q === 4 ? `${year + 1}-01-01` : `${year}-${pad(startMonth + 3)}-01`,
  };
}

/** Rows for the feed from the per-unit figures of one quarter (empty denominators are not written). */
export function kpiRows(
  quarter: Quarter,
  due: { unitId: number; due: unknown; onTime: unknown }[],
  rated: { unitId: number; rated: unknown; satisfied: unknown }[],
  asOf: string,
): KpiFeedRow[] {
  const rows: KpiFeedRow[] = [];
  for (const d of due) {
    if (Number(d.due) === 0) continue;
    rows.push({
      kpiCode: ON_TIME_KPI,
      unitId: d.unitId,
      period: quarter.code,
      numerator: Number(d.onTime ?? 0),
      denominator: Number(d.due),
      note: `Phản ánh kiến nghị đến hạn trong quý, số liệu đến ngày ${asOf}`,
    });
  }
  for (const r of rated) {
    if (Number(r.rated) === 0) continue;
    rows.push({
      kpiCode: SATISFACTION_KPI,
      unitId: r.unitId,
      period: quarter.code,
      numerator: Number(r.satisfied ?? 0),
      denominator: Number(r.rated),
      note: `Đánh giá của người dân trong quý, số liệu đến ngày ${asOf}`,
    });
  }
  return rows;
}

/** The UTC instant of midnight in Vietnam on a date. */
const vietnamMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`).toISOString();

export function createFeedbackKpiWriter(deps: FeedbackKpiDeps): FeedbackKpiWriter {
  const { db, clock, repo, feed } = deps;

  async function rowsFor(
    quarter: Quarter,
    unitId: number | undefined,
    exec = db as Parameters<typeof repo.unitFigures>[1],
  ) {
    const asOf = vietnamDate(clock.now());
    const { due, rated } = await repo.unitFigures(
      {
        unitId,
        deadlineFrom: quarter.start,
        deadlineTo: quarter.end,
        ratedFrom: vietnamMidnight(quarter.start),
        ratedTo: vietnamMidnight(quarter.next),
        asOf,
      },
      exec,
    );
    return kpiRows(quarter, due, rated, asOf);
  }

  return {
    async writeForUnit(exec, ctx, unitId, date) {
      const rows = await rowsFor(quarterOf(date), unitId, exec);
      if (rows.length) await feed.write(exec, ctx, rows);
    },
    async writeAll(ctx) {
      const quarter = quarterOf(vietnamDate(clock.now()));
      const rows = await rowsFor(quarter, undefined);
      if (!rows.length) return 0;
      await db.transaction().execute((trx) => feed.write(trx, ctx, rows));
      return rows.length;
    },
  };
}
