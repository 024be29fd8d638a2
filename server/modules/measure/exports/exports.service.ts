import type { PeriodResults } from '../../../../core/contracts/measure.js';
import type { Framework } from '../../../../core/contracts/measure-framework.js';
import { frameworkForYear } from '../../../../core/measure/deadlines.js';
import { parseDefinition } from '../../../../core/measure/values.js';
import type { Actor } from '../../../lib/actor.js';
import { notFound } from '../../../lib/errors.js';
import { canReadUnit } from '../measure.policy.js';
import type { ExportData, ExportsDeps, ExportsService } from '../measure.types.js';
import { cellsFromCurrentValues, cellsFromSnapshot, gainsOf, valueKey } from './exports.components.js';
import { buildResultsWorkbook } from './exports.workbook.js';
import { buildReportDocx } from './report-docx.js';

// Exports of a period's published results: the results workbook and the committee report (DOCX).
// Both read one immutable snapshot (the latest, or the one asked for), its component values included, so
// the files can be regenerated later with the same numbers.

export function createExportsService(deps: ExportsDeps): ExportsService {
  const { periods, units, frameworks, submissions, results, snapshotValues, engine, guard, core } = deps;

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
    const { entity: period } = await guard.forEntity(
      actor,
      canReadUnit,
      () => periods.find(periodId),
      (p) => p.rootUnitId,
    );
    const metas = await results.listSnapshots(periodId);
    const meta = snapshotId === undefined ? metas[0] : metas.find((m) => m.id === snapshotId);
    if (!meta) throw notFound(snapshotId === undefined ? 'measure.not_published' : undefined);
    const [snapshot, frameworkRow, rootUnit, previous, stored, commentRows] = await Promise.all([
      core.snapshotResults(meta.id),
      frameworks.find(meta.frameworkId),
      units.findUnit(period.rootUnitId),
      core.previousResults(period),
      snapshotValues.valuesOfSnapshot(meta.id),
      deps.exports.appraisalCommentsForPeriod(periodId),
    ]);
    if (!frameworkRow || !rootUnit) throw notFound();
    const framework = frameworkForYear(parseDefinition(frameworkRow), period.year);
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
      comments: new Map(
        commentRows.map((r) => [valueKey(r.unitId, r.componentCode), r.appraisalComment ?? '']),
      ),
    };
  }

  return {
    async resultsXlsx(actor, periodId, snapshotId) {
      const data = await load(actor, periodId, snapshotId);
      return {
        fileName: `ket-qua-${periodId}-${data.snapshotId}.xlsx`,
        body: await buildResultsWorkbook(data),
      };
    },
    async reportDocx(actor, periodId, options) {
      const data = await load(actor, periodId, options.snapshotId);
      return {
        fileName: `bao-cao-${periodId}-${data.snapshotId}.docx`,
        body: await buildReportDocx(data, options, deps.clock.now()),
      };
    },
  };
}
