import type { PeriodResults } from '../../../../core/contracts/measure.js';
import type { UnitValues } from '../../../../core/contracts/measure-framework.js';
import { parseRaw } from '../../../../core/measure/values.js';
import type { AnalysisUnit } from '../measure.types.js';
import type { SnapshotValueRow } from '../results/snapshot-values.repository.js';

// A published snapshot's units as robustness analyses them: the values and appraised points stored when it
// was published, so the baseline is that ranking even after values changed. Groups (for appliesTo) are the
// period's, which publishing does not change.

export function unitsFromSnapshot(
  results: PeriodResults,
  rows: SnapshotValueRow[],
  groups: Map<number, string[]>,
): AnalysisUnit[] {
  const byUnit = new Map<number, { values: UnitValues; pointOverrides: Record<string, number> }>();
  for (const r of rows) {
    let unit = byUnit.get(r.unitId);
    if (!unit) {
      unit = { values: {}, pointOverrides: {} };
      byUnit.set(r.unitId, unit);
    }
    if (r.rawJson !== null) unit.values[r.componentCode] = parseRaw(r.rawJson);
    if (r.appraisedPoints !== null) unit.pointOverrides[r.componentCode] = r.appraisedPoints;
  }
  return results.units.map((u) => ({
    unitId: u.unitId,
    name: u.unitName,
    ...(byUnit.get(u.unitId) ?? { values: {}, pointOverrides: {} }),
    context: { unitKind: u.unitKind, unitGroups: groups.get(u.unitId) ?? [] },
    peerGroup: u.peerGroup,
  }));
}
