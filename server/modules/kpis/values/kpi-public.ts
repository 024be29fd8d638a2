import type { KpiSource } from '../../../../core/contracts/kpis.js';
import { parsePeriodCode } from '../../../../core/measure/kpi-periods.js';
import type { KpiValueType } from '../../../../core/measure/kpi-values.js';
import { kpiAppliesTo } from '../kpis.policy.js';
import type { KpisRepository, KpiValueRow } from '../kpis.repository.js';
import type { KpiPublicReader, PublicKpiFigureView } from '../kpis.types.js';
import { summaryItem, targetsByKpi } from './kpi-reads.service.js';

// Anonymous figures for the public portal: a unit's (the province's) year-to-date figure for a few chosen KPIs,
// exactly the line the staff summary shows for that unit and year (its own value, else its units' aggregate),
// with the end of the latest period behind it and how that value arrived. Aggregates only: a KPI value never
// names a person.

function latestOf(rows: KpiValueRow[]): KpiValueRow | undefined {
  return rows.reduce<KpiValueRow | undefined>(
    (best, r) =>
      !best ||
      r.periodEnd > best.periodEnd ||
      (r.periodEnd === best.periodEnd && r.enteredAt > best.enteredAt)
        ? r
        : best,
    undefined,
  );
}

export function createKpiPublicReader({ repo }: { repo: KpisRepository }): KpiPublicReader {
  async function figuresFor(unitId: number, codes: string[], year: number): Promise<PublicKpiFigureView[]> {
    const [unit] = await repo.unitsByIds([unitId]);
    const period = parsePeriodCode(String(year));
    if (!unit || !period) return [];
    const wanted = new Set(codes);
    const defs = (await repo.listDefinitions()).filter((d) => wanted.has(d.code));
    const subtree = await repo.subtreeIds(unitId);
    const values = (await repo.valuesInSpan(subtree, period.start, period.end)).filter((v) =>
      defs.some((d) => d.id === v.kpiId),
    );
    const ancestors = (await repo.ancestorsOf([unitId])).get(unitId) ?? [];
    const targets = await targetsByKpi(repo, defs, unitId, ancestors, year);
    const out: PublicKpiFigureView[] = [];
    for (const kpi of defs) {
      const item = summaryItem(kpi, values, unitId, period, targets.get(kpi.id) ?? null);
      const applies = kpiAppliesTo(JSON.parse(kpi.appliesToKinds), unit);
      const value = item.value ?? item.subtreeValue;
      const behind = values.filter(
        (v) => v.kpiId === kpi.id && (applies && item.value !== null ? v.unitId === unitId : true),
      );
      const latest = latestOf(behind);
      if (value === null || !latest) continue;
      out.push({
        code: kpi.code,
        nameVi: kpi.nameVi,
        nameEn: kpi.nameEn,
        unitOfMeasure: kpi.unitOfMeasure,
        valueType: kpi.valueType as KpiValueType,
        value,
        year,
        asOf: latest.periodEnd,
        source: latest.source as KpiSource,
        unitsReporting: item.value !== null ? 1 : item.subtreeUnitsReporting,
        target: item.target,
      });
    }
    return out;
  }

  return {
    /**
     * The figures of `codes` for the unit in `year`, in the order asked; a KPI with nothing reported that year
     * shows the previous year's figure (early January), and one with nothing in either is left out.
     */
    async publicFigures(unitId, codes, year) {
      const current = await figuresFor(unitId, codes, year);
      const missing = codes.filter((c) => !current.some((f) => f.code === c));
      const previous = missing.length ? await figuresFor(unitId, missing, year - 1) : [];
      const byCode = new Map([...current, ...previous].map((f) => [f.code, f]));
      return codes.flatMap((c) => byCode.get(c) ?? []);
    },
  };
}
