import type { PeriodResults } from '../../../core/contracts/measure.js';
import type { Framework } from '../../../core/contracts/measure-framework.js';
import { type Actor, canOnUnit } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { ExportsRepository } from './exports.repository.js';
import { buildResultsWorkbook } from './exports.workbook.js';
import { parseDefinition } from './frameworks.service.js';
import { measureUnitKind } from './measure.policy.js';
import type { MeasureEngine } from './measure-engine.js';
import type { MeasureUnit } from './measure-units.repository.js';
import type { PeriodWithFramework } from './periods.repository.js';
import { buildReportDocx, type ReportOptions } from './report-docx.js';
import type { ResultsCore, ResultsDeps } from './results.service.js';
import { effectiveValuesOf } from './submission-context.js';
import type { PeriodValueRow } from './submissions.repository.js';

// Exports of a period's published results: the results workbook and the committee report (DOCX).
// Both read one immutable snapshot (the latest, or the one asked for), so the files can be regenerated
// later with the same numbers.

export type ExportData = {
  period: PeriodWithFramework;
  rootUnit: MeasureUnit;
  snapshotId: number;
  results: PeriodResults;
  framework: Framework;
  /** Change against the previous published period of the same root, by unit id. */
  previous: Map<number, { value: number | null; rank: number | null }>;
  values: PeriodValueRow[];
  selfPoints: Map<string, number | null>;
  /** Points each component counts for in the results, by valueKey(unit, code). */
  finalPoints: Map<string, { points: number; status: string }>;
  /** Sum over units of the points each component could still add, largest first. */
  gains: { code: string; name: string; gainPoints: number; units: number }[];
};

export const valueKey = (unitId: number, code: string) => `${unitId}:${code}`;

export function createExportsService(
  deps: ResultsDeps & { engine: MeasureEngine; exports: ExportsRepository },
  core: ResultsCore,
) {
  const { periods, units, frameworks, submissions, results, engine } = deps;

  // Each unit once: the points each component counts for (appraised value or points where given), and
  // what full marks on each component would still add (for the report's recommendations).
  async function scoreComponents(framework: Framework, periodId: number, values: PeriodValueRow[]) {
    const byUnit = new Map<number, PeriodValueRow[]>();
    for (const v of values) {
      const list = byUnit.get(v.unitId);
      if (list) list.push(v);
      else byUnit.set(v.unitId, [v]);
    }
    const groups = await periods.groupsByUnit(periodId);
    const finalPoints = new Map<string, { points: number; status: string }>();
    const totals = new Map<string, { code: string; name: string; gainPoints: number; units: number }>();
    for (const unit of await units.findUnits([...byUnit.keys()])) {
      const { values: unitValues, overrides } = effectiveValuesOf(byUnit.get(unit.id) ?? []);
      const scoring = { kind: measureUnitKind(unit), groups: groups.get(unit.id) };
      for (const c of engine.score(framework, unitValues, scoring).components) {
        const override = c.status === 'not_applicable' ? undefined : overrides[c.code];
        finalPoints.set(valueKey(unit.id, c.code), { points: override ?? c.points, status: c.status });
      }
      for (const g of engine.gains(framework, unitValues, scoring)) {
        const t = totals.get(g.code) ?? { code: g.code, name: g.name, gainPoints: 0, units: 0 };
        t.gainPoints += g.gainPoints;
        t.units += 1;
        totals.set(g.code, t);
      }
    }
    return { finalPoints, gains: [...totals.values()].sort((a, b) => b.gainPoints - a.gainPoints) };
  }

  async function load(actor: Actor | null, periodId: number, snapshotId?: number): Promise<ExportData> {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const period = await periods.find(periodId);
    if (!period) throw notFound();
    if (!canOnUnit(actor, 'measure.read', await units.ancestorIds(period.rootUnitId))) {
      throw new AppError('FORBIDDEN');
    }
    const metas = await results.listSnapshots(periodId);
    const meta = snapshotId === undefined ? metas[0] : metas.find((m) => m.id === snapshotId);
    if (!meta) throw notFound(snapshotId === undefined ? 'measure.not_published' : undefined);
    const [snapshot, frameworkRow, rootUnit, previous, allValues] = await Promise.all([
      core.snapshotResults(meta.id),
      frameworks.find(meta.frameworkId),
      units.findUnit(period.rootUnitId),
      core.previousResults(period),
      submissions.valuesForPeriod(periodId),
    ]);
    if (!frameworkRow || !rootUnit) throw notFound();
    const framework = parseDefinition(frameworkRow);
    const ranked = new Set(snapshot.units.map((u) => u.unitId));
    const values = allValues.filter((v) => ranked.has(v.unitId));
    const selfPoints = new Map(
      (await deps.exports.selfPointsForPeriod(periodId)).map((r) => [
        valueKey(r.unitId, r.componentCode),
        r.selfPoints,
      ]),
    );
    return {
      period,
      rootUnit,
      snapshotId: meta.id,
      results: snapshot,
      framework,
      previous: new Map(
        previous?.results.units.map((u) => [u.unitId, { value: u.value, rank: u.rank }]) ?? [],
      ),
      values,
      selfPoints,
      ...(await scoreComponents(framework, periodId, values)),
    };
  }

  return {
    async resultsXlsx(actor: Actor | null, periodId: number, snapshotId?: number) {
      const data = await load(actor, periodId, snapshotId);
      return {
        fileName: `ket-qua-${periodId}-${data.snapshotId}.xlsx`,
        body: await buildResultsWorkbook(data),
      };
    },
    async reportDocx(
      actor: Actor | null,
      periodId: number,
      options: ReportOptions & { snapshotId?: number },
    ) {
      const data = await load(actor, periodId, options.snapshotId);
      return {
        fileName: `bao-cao-${periodId}-${data.snapshotId}.docx`,
        body: await buildReportDocx(data, options, deps.clock.now()),
      };
    },
  };
}
export type ExportsService = ReturnType<typeof createExportsService>;
