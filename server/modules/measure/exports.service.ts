import type { PeriodResults } from '../../../core/contracts/measure.js';
import type { Framework } from '../../../core/contracts/measure-framework.js';
import { type Actor, canOnUnit } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import {
  type ComponentCells,
  type ComponentGain,
  cellsFromCurrentValues,
  cellsFromSnapshot,
  gainsOf,
  valueKey,
} from './exports.components.js';
import type { ExportsRepository } from './exports.repository.js';
import { buildResultsWorkbook } from './exports.workbook.js';
import { parseDefinition } from './frameworks.service.js';
import type { MeasureEngine } from './measure-engine.js';
import type { MeasureUnit } from './measure-units.repository.js';
import type { PeriodWithFramework } from './periods.repository.js';
import { buildReportDocx, type ReportOptions } from './report-docx.js';
import type { ResultsCore, ResultsDeps } from './results.service.js';
import { createSnapshotValuesRepository } from './snapshot-values.repository.js';

// Exports of a period's published results: the results workbook and the committee report (DOCX).
// Both read one immutable snapshot (the latest, or the one asked for), its component values included, so
// the files can be regenerated later with the same numbers.

export type ExportData = {
  period: PeriodWithFramework;
  rootUnit: MeasureUnit;
  snapshotId: number;
  results: PeriodResults;
  framework: Framework;
  /** Change against the previous published period of the same root, by unit id. */
  previous: Map<number, { value: number | null; rank: number | null }>;
  /** What each component of each ranked unit counted for, by valueKey(unit, code). */
  components: ComponentCells;
  /** Sum over units of the points each component could still add, largest first. */
  gains: ComponentGain[];
};

export { valueKey };

export function createExportsService(
  deps: ResultsDeps & { engine: MeasureEngine; exports: ExportsRepository },
  core: ResultsCore,
) {
  const { periods, units, frameworks, submissions, results, engine } = deps;
  const snapshotValues = createSnapshotValuesRepository(deps.db);

  // Snapshots published before their component values were stored: today's values, the best there is.
  async function currentCells(framework: Framework, periodId: number, snapshot: PeriodResults) {
    const ranked = snapshot.units.map((u) => u.unitId);
    const inSnapshot = new Set(ranked);
    const [values, selfRows, groups, unitRows] = await Promise.all([
      submissions.valuesForPeriod(periodId),
      deps.exports.selfPointsForPeriod(periodId),
      periods.groupsByUnit(periodId),
      units.findUnits(ranked),
    ]);
    const selfPoints = new Map(selfRows.map((r) => [valueKey(r.unitId, r.componentCode), r.selfPoints]));
    return cellsFromCurrentValues(
      engine,
      framework,
      unitRows,
      groups,
      values.filter((v) => inSnapshot.has(v.unitId)),
      selfPoints,
    );
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
    const [snapshot, frameworkRow, rootUnit, previous, stored] = await Promise.all([
      core.snapshotResults(meta.id),
      frameworks.find(meta.frameworkId),
      units.findUnit(period.rootUnitId),
      core.previousResults(period),
      snapshotValues.valuesOfSnapshot(meta.id),
    ]);
    if (!frameworkRow || !rootUnit) throw notFound();
    const framework = parseDefinition(frameworkRow);
    const components =
      stored.length || !snapshot.units.length
        ? cellsFromSnapshot(stored)
        : await currentCells(framework, periodId, snapshot);
    return {
      period,
      rootUnit,
      snapshotId: meta.id,
      results: snapshot,
      framework,
      previous: new Map(
        previous?.results.units.map((u) => [u.unitId, { value: u.value, rank: u.rank }]) ?? [],
      ),
      components,
      gains: gainsOf(
        framework,
        snapshot.units.map((u) => u.unitId),
        components,
      ),
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
