import type { KpiDefinition, KpiSource, KpiSummary, KpiValueView } from '../../../../core/contracts/kpis.js';
import {
  canRollUp,
  type Period,
  type Periodicity,
  parsePeriodCode,
} from '../../../../core/measure/kpi-periods.js';
import {
  aggregateAcrossUnits,
  attainment,
  deriveValue,
  type KpiTimeAggregation,
  type KpiValueType,
  type RawValue,
  rollUpOverTime,
} from '../../../../core/measure/kpi-values.js';
import type { UnitKind } from '../../../../core/units/kind.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, forbidden, notFound, validation } from '../../../lib/errors.js';
import { kpiCodeFor } from '../definitions/kpi-catalogue.js';
import { applicabilityKindOf, canReadKpiCatalogue, canReadKpiValues, kpiAppliesTo } from '../kpis.policy.js';
import type { KpiDefinitionRow, KpisRepository, KpiValueRow } from '../kpis.repository.js';
import type { KpiFigure, KpiReadsService } from '../kpis.types.js';

// Reading KPI values: one unit's series, the history of one value, a unit's summary against targets
// with its subtree's aggregate, and getKpiValue for other modules (framework components fed by a KPI).

export function toDefinitionView(row: KpiDefinitionRow): KpiDefinition {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    description: row.description,
    unitOfMeasure: row.unitOfMeasure,
    valueType: row.valueType as KpiValueType,
    periodicity: row.periodicity as Periodicity,
    timeAggregation: row.timeAggregation as KpiTimeAggregation,
    appliesToKinds: JSON.parse(row.appliesToKinds) as UnitKind[],
    higherIsBetter: row.higherIsBetter === 1,
    dhis2DataElement: row.dhis2DataElement,
    isBuiltin: row.isBuiltin === 1,
  };
}

function toValueView(kpi: KpiDefinitionRow, v: KpiValueRow): KpiValueView {
  return {
    kpiCode: kpi.code,
    unitId: v.unitId,
    period: v.periodCode,
    periodStart: v.periodStart,
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    derived: deriveValue(kpi.valueType as KpiValueType, v),
    source: v.source as KpiSource,
    note: v.note,
    isDemo: v.isDemo === 1,
    enteredBy: v.enteredByLabel,
    enteredAt: v.enteredAt,
  };
}

function rollUp(kpi: KpiDefinitionRow, values: KpiValueRow[]): RawValue | null {
  return rollUpOverTime(kpi.valueType as KpiValueType, kpi.timeAggregation as KpiTimeAggregation, values);
}

function periodOrFail(code: string, field: string): Period {
  const p = parsePeriodCode(code);
  if (!p) throw validation([{ field, code: 'kpi_bad_period', params: { period: code } }]);
  return p;
}

export function createKpiReadsService({ repo }: { repo: KpisRepository }): KpiReadsService {
  async function definitionOrFail(code: string) {
    const kpi = await repo.definitionByCode(code.trim().toUpperCase());
    if (!kpi) throw notFound();
    return kpi;
  }

  async function assertCanRead(actor: Actor | null, unitId: number) {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const ancestors = (await repo.ancestorsOf([unitId])).get(unitId) ?? [];
    const [unit] = await repo.unitsByIds([unitId]);
    // Same answer for a unit that does not exist and one outside the scope: the caller learns nothing.
    if (!unit || !canReadKpiValues(actor, ancestors)) throw forbidden();
    return { unit, ancestors };
  }

  /**
   * A unit's own figure for a KPI (catalogue code or a template alias such as "dvc.online_payment_rate")
   * and period; a coarser period rolls finer values up by the KPI's rule. `derived` is the count, or the
   * rate in percent (0–100). The caller checks the reader's scope.
   */
  async function getKpiValue(unitId: number, kpiCode: string, periodCode: string): Promise<KpiFigure | null> {
    const [unit] = await repo.unitsByIds([unitId]);
    const code = kpiCodeFor(kpiCode, unit ? applicabilityKindOf(unit) : null);
    const kpi = code ? await repo.definitionByCode(code) : undefined;
    const period = parsePeriodCode(periodCode);
    if (!kpi || !period || !canRollUp(kpi.periodicity as Periodicity, period.periodicity)) return null;
    const values = await repo.valuesInSpan([unitId], period.start, period.end);
    const own = values.filter((v) => v.kpiId === kpi.id);
    const raw = rollUp(kpi, own);
    if (!raw) return null;
    return { ...raw, derived: deriveValue(kpi.valueType as KpiValueType, raw), periodsReported: own.length };
  }

  return {
    getKpiValue,
    async listDefinitions(actor: Actor | null) {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (!canReadKpiCatalogue(actor)) throw forbidden();
      return (await repo.listDefinitions()).map(toDefinitionView);
    },
    async valuesOf(actor: Actor | null, code: string, q: { unitId: number; from?: string; to?: string }) {
      await assertCanRead(actor, q.unitId);
      const kpi = await definitionOrFail(code);
      const from = q.from ? periodOrFail(q.from, 'query.from').start : '0000-01-01';
      const to = q.to ? periodOrFail(q.to, 'query.to').end : '9999-12-31';
      const rows = await repo.valuesOfUnit(kpi.id, q.unitId, from, to);
      return { kpi: toDefinitionView(kpi), unitId: q.unitId, items: rows.map((v) => toValueView(kpi, v)) };
    },
    async historyOf(actor: Actor | null, code: string, q: { unitId: number; period: string }) {
      await assertCanRead(actor, q.unitId);
      const kpi = await definitionOrFail(code);
      const period = periodOrFail(q.period, 'query.period');
      const items = await repo.historyOf(kpi.id, q.unitId, period.code);
      return {
        items: items.map((h) => ({
          ...h,
          action: h.action as 'create' | 'update',
          source: h.source as KpiSource,
        })),
      };
    },
    async summary(actor: Actor | null, q: { unitId: number; period: string }): Promise<KpiSummary> {
      const { unit, ancestors } = await assertCanRead(actor, q.unitId);
      const period = periodOrFail(q.period, 'query.period');
      const defs = (await repo.listDefinitions()).filter((d) =>
        kpiAppliesTo(JSON.parse(d.appliesToKinds), unit),
      );
      const subtree = await repo.subtreeIds(q.unitId);
      const values = await repo.valuesInSpan(subtree, period.start, period.end);
      const targets = await targetsByKpi(repo, defs, q.unitId, ancestors, period.year);
      const items = defs.map((kpi) =>
        summaryItem(kpi, values, q.unitId, period, targets.get(kpi.id) ?? null),
      );
      return { unitId: q.unitId, period: period.code, items };
    },
  };
}

/** One KPI's line of a summary: the unit's own figure and its subtree's, each against the target. */
export function summaryItem(
  kpi: KpiDefinitionRow,
  values: KpiValueRow[],
  unitId: number,
  period: Period,
  target: number | null,
) {
  const view = toDefinitionView(kpi);
  const byUnit = new Map<number, KpiValueRow[]>();
  // A yearly KPI has no figure for a month: only finer-or-equal periods roll up into the one asked for.
  if (canRollUp(view.periodicity, period.periodicity)) {
    for (const v of values) {
      if (v.kpiId === kpi.id) byUnit.set(v.unitId, [...(byUnit.get(v.unitId) ?? []), v]);
    }
  }
  const own = byUnit.get(unitId);
  const ownRaw = own ? rollUp(kpi, own) : null;
  const perUnit = [...byUnit.values()].map((vs) => rollUp(kpi, vs)).filter((r): r is RawValue => !!r);
  const value = ownRaw ? deriveValue(view.valueType, ownRaw) : null;
  const subtreeValue = aggregateAcrossUnits(view.valueType, perUnit);
  return {
    kpi: view,
    value,
    subtreeValue,
    subtreeUnitsReporting: perUnit.length,
    target,
    attainment: attainment(value, target, view.higherIsBetter),
    subtreeAttainment: attainment(subtreeValue, target, view.higherIsBetter),
  };
}

/**
 * The target for each KPI: the unit's own, else the nearest ancestor's target marked as applying to its
 * whole subtree (a province-wide target).
 */
export async function targetsByKpi(
  repo: KpisRepository,
  defs: KpiDefinitionRow[],
  unitId: number,
  ancestors: number[],
  year: number,
): Promise<Map<number, number>> {
  const rows = await repo.targetsFor(
    defs.map((d) => d.id),
    ancestors,
    year,
  );
  const levels = new Map((await repo.unitsByIds(ancestors)).map((u) => [u.id, u.level]));
  const out = new Map<number, { target: number; rank: number }>();
  for (const t of rows) {
    const own = t.unitId === unitId && t.appliesToSubtree === 0;
    if (!own && t.appliesToSubtree !== 1) continue;
    // Own target beats any inherited one; among inherited, the deepest ancestor wins.
    const rank = own ? Number.MAX_SAFE_INTEGER : (levels.get(t.unitId) ?? 0);
    const current = out.get(t.kpiId);
    if (!current || rank > current.rank) out.set(t.kpiId, { target: t.target, rank });
  }
  return new Map([...out].map(([k, v]) => [k, v.target]));
}
