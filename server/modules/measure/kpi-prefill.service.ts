import type { Kysely } from 'kysely';
import type { Component, ComponentValue, Framework } from '../../../core/contracts/measure-framework.js';
import type { KpiPrefillResult } from '../../../core/contracts/measure-kpi-prefill.js';
import type { DB } from '../../db/schema.js';
import { type Actor, canOnUnit } from '../../lib/actor.js';
import type { AuditContext } from '../audit/audit.service.js';
import type { KpiFigure } from '../kpis/kpi-reads.service.js';
import type { MeasureEngine, ScoringUnit } from './measure-engine.js';
import {
  type ContextDeps,
  componentsOf,
  loadSubmissionContext,
  type SubmissionIds,
} from './submission-context.js';
import type { SubmissionsService } from './submissions.service.js';

// "A component can take its value automatically from a KPI": reads each KPI-linked component's KPI for the
// period's year (monthly or quarterly values roll up by the KPI's own rule) and saves the figures through
// the ordinary save, so editability, validation, history, audit and stored scores behave as for typed values.

export type KpiReader = {
  getKpiValue(unitId: number, kpiCode: string, periodCode: string): Promise<KpiFigure | null>;
};
type PrefillDeps = ContextDeps & {
  db: Kysely<DB>;
  engine: MeasureEngine;
  submissionsService: SubmissionsService;
  kpis: KpiReader;
};

const canEnter = (a: Actor, anc: number[]) => canOnUnit(a, 'measure.enter', anc);

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

export function createKpiPrefillService(deps: PrefillDeps) {
  const { engine, kpis } = deps;
  return {
    async prefill(actx: AuditContext, ids: SubmissionIds): Promise<KpiPrefillResult> {
      // Permission first (403 learns nothing); editability is checked by the save itself (409).
      const ctx = await loadSubmissionContext(deps, actx.actor, ids, canEnter, deps.db);
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
export type KpiPrefillService = ReturnType<typeof createKpiPrefillService>;
