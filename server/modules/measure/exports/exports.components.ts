import type { Framework } from '../../../../core/contracts/measure-framework.js';
import { componentsOf, effectiveValuesOf, parseRaw, selfValuesOf } from '../../../../core/measure/values.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import type { ComponentCells, ComponentGain } from '../measure.types.js';
import type { SnapshotValueRow } from '../results/snapshot-values.repository.js';
import type { MeasureEngine } from '../scoring/measure-engine.js';
import type { MeasureUnit } from '../shared/measure-units.repository.js';
import type { PeriodValueRow } from '../submissions/submissions.repository.js';

// The component level of an export: one cell per (unit, component) as the snapshot counted it. Snapshots
// store these since measure_snapshot_values; older ones are rebuilt from the current values (the best left).

export const valueKey = (unitId: number, code: string) => `${unitId}:${code}`;

export function cellsFromSnapshot(rows: SnapshotValueRow[]): ComponentCells {
  return new Map(
    rows.map((r) => [
      valueKey(r.unitId, r.componentCode),
      {
        selfValue: parseRaw(r.selfRawJson),
        selfPoints: r.selfPoints,
        points: r.points,
        isNa: r.isNa === 1,
      },
    ]),
  );
}

/** For snapshots published before component values were stored: score today's values of the ranked units. */
export function cellsFromCurrentValues(
  engine: MeasureEngine,
  framework: Framework,
  units: MeasureUnit[],
  groups: Map<number, string[]>,
  values: PeriodValueRow[],
  selfPoints: Map<string, number | null>,
): ComponentCells {
  const byUnit = new Map<number, PeriodValueRow[]>();
  for (const v of values) {
    const list = byUnit.get(v.unitId);
    if (list) list.push(v);
    else byUnit.set(v.unitId, [v]);
  }
  const cells: ComponentCells = new Map();
  for (const unit of units) {
    const rows = byUnit.get(unit.id) ?? [];
    const entered = new Map(rows.map((r) => [r.componentCode, r]));
    const { values: unitValues, overrides } = effectiveValuesOf(rows);
    const scoring = { kind: measureUnitKind(unit), groups: groups.get(unit.id) };
    // Formula components have no entry, so no stored self points: score the unit's own values for them.
    const ownScore = new Map(
      engine.score(framework, selfValuesOf(rows), scoring).components.map((c) => [c.code, c]),
    );
    for (const c of engine.score(framework, unitValues, scoring).components) {
      const isNa = c.status === 'not_applicable';
      const own = entered.get(c.code);
      const key = valueKey(unit.id, c.code);
      cells.set(key, {
        selfValue: own
          ? own.isNa
            ? (parseRaw(own.rawJson) ?? { notApplicable: true })
            : parseRaw(own.rawJson)
          : null,
        selfPoints: own ? (selfPoints.get(key) ?? null) : ownPointsOf(ownScore.get(c.code)),
        points: isNa ? 0 : (overrides[c.code] ?? c.points),
        isNa,
      });
    }
  }
  return cells;
}

function ownPointsOf(c: { status: string; points: number } | undefined): number | null {
  return c && c.status === 'scored' ? c.points : null;
}

/**
 * Sum over units of the points each component could still add (its maximum less what it counted for),
 * largest first: the report's recommendations. Appraised points count as given.
 */
export function gainsOf(framework: Framework, unitIds: number[], cells: ComponentCells): ComponentGain[] {
  const out: ComponentGain[] = [];
  for (const c of componentsOf(framework)) {
    if (c.informational || c.rule.kind === 'none' || c.maxPoints <= 0) continue;
    const total = { code: c.code, name: c.name, gainPoints: 0, units: 0 };
    for (const unitId of unitIds) {
      const cell = cells.get(valueKey(unitId, c.code));
      if (cell?.isNa) continue;
      const gain = c.maxPoints - (cell?.points ?? 0);
      if (gain <= 1e-9) continue;
      total.gainPoints += gain;
      total.units += 1;
    }
    if (total.units) out.push(total);
  }
  return out.sort((a, b) => b.gainPoints - a.gainPoints);
}
