import type { PeriodResults } from '../../../../core/contracts/measure.js';
import { type Framework, MeasureUnitKindSchema } from '../../../../core/contracts/measure-framework.js';
import { compiledOf } from '../../../../core/measure/compile.js';
import { frameworkForYear } from '../../../../core/measure/deadlines.js';
import { effectiveValuesOf, parseDefinition, selfValuesOf } from '../../../../core/measure/values.js';
import type { Executor } from '../../../db/executor.js';
import { notFound } from '../../../lib/errors.js';
import type { ResultsDeps } from '../measure.types.js';
import { scoreVectorWithOverrides } from '../scoring/measure-engine.js';
import type { PublishValueRow, SnapshotValueInsert } from './snapshot-values.repository.js';

// Publishing freezes the component level too: each ranked unit's values, self points, appraised points and
// the points each component counted for are written next to the snapshot, in its transaction, so exports and
// views of that snapshot never read values changed later (re-opened, re-appraised, re-published).

const NA_JSON = '{"notApplicable":true}';

function groupByUnit(rows: PublishValueRow[]) {
  const byUnit = new Map<number, PublishValueRow[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unitId);
    if (list) list.push(r);
    else byUnit.set(r.unitId, [r]);
  }
  return byUnit;
}

const effectiveJson = (r: PublishValueRow) =>
  r.appraisedIsNa ? NA_JSON : (r.appraisedRawJson ?? (r.isNa ? (r.rawJson ?? NA_JSON) : r.rawJson));

/** One unit's row per component, in the compiled order (undefined where the component holds nothing). */
function unitRows(
  framework: Framework,
  unit: { unitId: number; unitKind: string },
  groups: string[],
  rows: PublishValueRow[],
): (SnapshotValueInsert | undefined)[] {
  // Scored exactly as the stored scores are: fast path, then the appraiser's points.
  const { values, overrides } = effectiveValuesOf(rows);
  // The ranked kind was measureUnitKind's answer, so it parses.
  const scoringUnit = { kind: MeasureUnitKindSchema.parse(unit.unitKind), groups };
  const { compiled, vector } = scoreVectorWithOverrides(framework, values, scoringUnit, overrides);
  // Components with no entry of their own (formulas over other components) have no stored self points: the
  // unit's own score for them is the rule evaluated on its own values alone.
  const own = scoreVectorWithOverrides(framework, selfValuesOf(rows), scoringUnit, {}).vector;
  const byCode = new Map(rows.map((r) => [r.componentCode, r]));
  return compiled.components.map((c, i) => {
    const r = byCode.get(c.code);
    const isNa = vector.applicable[i] ? 0 : 1;
    const points = vector.fractions[i] * compiled.weights[i];
    // An absent row reads as a missing value: nothing entered, applicable, 0 points.
    if (!r && !isNa && points === 0) return undefined;
    return {
      unitId: unit.unitId,
      componentCode: c.code,
      rawJson: r ? effectiveJson(r) : null,
      selfRawJson: r ? (r.isNa ? (r.rawJson ?? NA_JSON) : r.rawJson) : null,
      selfPoints: r ? r.selfPoints : own.applicable[i] ? own.fractions[i] * compiled.weights[i] : null,
      appraisedPoints: r?.appraisedPoints ?? null,
      isNa,
      points,
    };
  });
}

/** Writes the component values of a snapshot just inserted for `results` (inside the publishing transaction). */
export async function recordSnapshotValues(
  deps: Pick<ResultsDeps, 'periods' | 'frameworks' | 'snapshotValues'>,
  snapshotId: number,
  results: PeriodResults,
  exec: Executor,
): Promise<void> {
  const [frameworkRow, period] = await Promise.all([
    deps.frameworks.find(results.frameworkId, exec),
    deps.periods.find(results.periodId, exec),
  ]);
  if (!frameworkRow || !period) throw notFound();
  const framework = frameworkForYear(parseDefinition(frameworkRow), period.year);
  const compiled = compiledOf(framework);
  const repo = deps.snapshotValues;
  const [values, groups] = await Promise.all([
    repo.approvedValuesForPeriod(results.periodId, exec),
    deps.periods.groupsByUnit(results.periodId, exec),
  ]);
  const byUnit = groupByUnit(values);
  const ranked = [...results.units].sort((a, b) => a.unitId - b.unitId);
  const perUnit = ranked.map((u) =>
    unitRows(framework, u, groups.get(u.unitId) ?? [], byUnit.get(u.unitId) ?? []),
  );
  // In key order (component code, unit id): the table's index is appended to rather than split.
  const order = compiled.components
    .map((c, i) => ({ code: c.code, i }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows: SnapshotValueInsert[] = [];
  for (const { i } of order) {
    for (const unit of perUnit) {
      const row = unit[i];
      if (row) rows.push(row);
    }
  }
  await repo.insertMany(snapshotId, rows, exec);
}
