import type { Component } from '../../../../core/contracts/measure-framework.js';
import { componentsOf, parseDefinition, parseRaw } from '../../../../core/measure/values.js';
import { notFound } from '../../../lib/errors.js';
import { canReadUnit } from '../measure.policy.js';
import type { ResultsViews, ResultsViewsDeps } from '../measure.types.js';
import type { SnapshotValueRow } from './snapshot-values.repository.js';

// One component across a period's units. Like the ranking, a published period shows its latest snapshot:
// the values, self points and points stored when it was published, not today's (which may have changed
// since, e.g. after a returned submission was re-approved and not yet re-published).

type ViewUnit = {
  unitId: number;
  unitName: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved' | null;
  value: unknown;
  selfPoints: number | null;
  appraisedPoints: number | null;
  points: number | null;
};

export function createComponentView(deps: ResultsViewsDeps): ResultsViews['componentAcrossUnits'] {
  const { periods, units, submissions, frameworks, snapshotValues, guard, core } = deps;

  async function componentOf(frameworkId: number, code: string): Promise<Component> {
    const row = await frameworks.find(frameworkId);
    const component = row ? componentsOf(parseDefinition(row)).find((c) => c.code === code) : undefined;
    if (!component) throw notFound();
    return component;
  }

  async function liveUnits(periodId: number, code: string) {
    const values = new Map((await submissions.valuesOfComponent(periodId, code)).map((v) => [v.unitId, v]));
    return (unitId: number): Omit<ViewUnit, 'unitId' | 'unitName' | 'status'> => {
      const v = values.get(unitId);
      return {
        value: v ? (v.isNa ? (parseRaw(v.rawJson) ?? { notApplicable: true }) : parseRaw(v.rawJson)) : null,
        selfPoints: v?.selfPoints ?? null,
        appraisedPoints: v?.appraisedPoints ?? null,
        points: v ? (v.appraisedPoints ?? v.selfPoints) : null,
      };
    };
  }

  /** A ranked unit without a row left the component empty: no value, 0 points. */
  function publishedUnit(row: SnapshotValueRow | undefined) {
    return {
      value: row ? parseRaw(row.selfRawJson) : null,
      selfPoints: row?.selfPoints ?? null,
      appraisedPoints: row?.appraisedPoints ?? null,
      points: row?.isNa ? null : (row?.points ?? 0),
    };
  }

  return async function componentAcrossUnits(actor, periodId, code) {
    const { entity: period } = await guard.forEntity(
      actor,
      canReadUnit,
      () => periods.find(periodId),
      (p) => p.rootUnitId,
    );
    const snapshot = await core.latestResults(periodId);
    const stored = snapshot ? await snapshotValues.valuesOfComponent(snapshot.id, code) : [];
    // Snapshots published before component values were stored have no rows: today's values, as before.
    const published = snapshot && (stored.length > 0 || (await snapshotValues.hasValues(snapshot.id)));
    const component = await componentOf(published ? snapshot.frameworkId : period.frameworkId, code);
    const subs = new Map((await submissions.listForPeriod(periodId)).map((s) => [s.unitId, s]));
    const unitRows = await units.findUnits(await periods.periodUnitIds(periodId));
    const ranked = new Set(published ? snapshot.results.units.map((u) => u.unitId) : []);
    const byUnit = new Map(stored.map((r) => [r.unitId, r]));
    const live = published ? null : await liveUnits(periodId, code);
    const empty = { value: null, selfPoints: null, appraisedPoints: null, points: null };
    return {
      periodId,
      code,
      name: component.name,
      maxPoints: component.maxPoints,
      units: unitRows.map((u): ViewUnit => {
        // In a published view, a unit outside the snapshot was not ranked: its status, no numbers.
        const numbers = live ? live(u.id) : ranked.has(u.id) ? publishedUnit(byUnit.get(u.id)) : empty;
        const status = published && ranked.has(u.id) ? 'approved' : (subs.get(u.id)?.status ?? null);
        return { unitId: u.id, unitName: u.name, status, ...numbers };
      }),
    };
  };
}
