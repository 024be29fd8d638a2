import type { Component, ComponentValue, Framework } from '../../../../core/contracts/measure-framework.js';
import type { KpiPrefillResult } from '../../../../core/contracts/measure-kpi-prefill.js';
import { componentsOf } from '../../../../core/measure/values.js';
import type { KpiFigure } from '../../kpis/kpis.types.js';
import { canEnterUnit } from '../measure.policy.js';
import type { KpiPrefillDeps, KpiPrefillService } from '../measure.types.js';
import type { MeasureEngine, ScoringUnit } from '../scoring/measure-engine.js';
import { loadSubmissionContext } from './submission-context.js';

// "A component can take its value automatically from a KPI": reads each KPI-linked component's KPI for the
// period's year (monthly or quarterly values roll up by the KPI's own rule) and saves the figures through
// the ordinary save, so editability, validation, history, audit and stored scores behave as for typed values.

/** The value a KPI figure gives a component, or null when the figure does not fit the component's type. */
export function valueFromKpi(component: Component, figure: KpiFigure | null): ComponentValue | null {
  if (!figure) return null;
  if (component.valueType === 'ratio') {
    const { numerator, denominator } = figure;
    return numerator === null || denominator === null ? null : { numerator, denominator };
  }
  if (component.valueType === 'number' || component.valueType === 'percent') {
    return figure.derived === null ? null : { number: figure.derived };
  }
  return null;
}

function kpiLinked(fw: Framework, engine: MeasureEngine, unit: ScoringUnit) {
  const applicable = new Set(engine.applicableCodes(fw, unit));
  return componentsOf(fw).filter(
    (c): c is Component & { kpiCode: string } =>
      !!c.kpiCode && applicable.has(c.code) && c.rule.kind !== 'formula',
  );
}

export function createKpiPrefillService(deps: KpiPrefillDeps): KpiPrefillService {
  const { engine, kpis } = deps;
  return {
    async prefill(actx, ids) {
      // Permission first (403 learns nothing); editability is checked by the save itself (409).
      const ctx = await loadSubmissionContext(deps, actx.actor, ids, canEnterUnit);
      const periodCode = String(ctx.period.year);
      const values: Record<string, ComponentValue> = {};
      const prefilled: KpiPrefillResult['prefilled'] = [];
      const missing: KpiPrefillResult['missing'] = [];
      for (const c of kpiLinked(ctx.framework, engine, ctx.scoringUnit)) {
        const value = valueFromKpi(c, await kpis.getKpiValue(ctx.unit.id, c.kpiCode, periodCode));
        // A figure the component would refuse (e.g. numerator above denominator) counts as missing,
        // so one bad KPI row does not block the others.
        const fits =
          value !== null &&
          engine.checkValues(ctx.framework, { [c.code]: value }, ctx.scoringUnit).length === 0;
        if (fits) {
          values[c.code] = value;
          prefilled.push({ code: c.code, kpiCode: c.kpiCode, value });
        } else missing.push({ code: c.code, kpiCode: c.kpiCode });
      }
      const view = await deps.submissionsService.saveValues(actx, ids, { values });
      return { ...view, prefilled, missing };
    },
  };
}
