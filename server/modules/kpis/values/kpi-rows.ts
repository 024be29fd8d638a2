import { type Period, parseDhis2Period, parsePeriodCode } from '../../../../core/measure/kpi-periods.js';
import { checkRawValue, type KpiValueType, type RawValue } from '../../../../core/measure/kpi-values.js';
import { kpiAppliesTo } from '../kpis.policy.js';
import type { KpiDefinitionRow, KpisRepository, UnitRef } from '../kpis.repository.js';

// Turns incoming rows (JSON batch, DHIS2 values, xlsx lines) into resolved rows — KPI, unit id,
// period — or row-level issues. One resolver for every channel so they accept and refuse alike.

export type IncomingRow = {
  /** Row number (xlsx) or index (JSON) used in error reports. */
  ref: number;
  kpiCode: string;
  unitId?: number;
  unitCode?: string;
  period: string;
  raw: RawValue;
  note: string | null;
};

export type ResolvedRow = {
  ref: number;
  kpi: KpiDefinitionRow;
  unit: UnitRef;
  period: Period;
  raw: RawValue;
  note: string | null;
};

export type RowIssue = { ref: number; field: string; code: string; params?: Record<string, unknown> };

export type ResolveOptions = {
  /** Structure in which unit codes are looked up (today's). */
  structureId: number | null;
  periodFormat: 'canonical' | 'dhis2';
  /** Keys seen in earlier chunks of the same file, so duplicates across chunks are caught. */
  seen?: Map<string, number>;
};

export function definitionIndex(defs: KpiDefinitionRow[]): Map<string, KpiDefinitionRow> {
  const map = new Map<string, KpiDefinitionRow>();
  for (const d of defs) {
    map.set(d.code.toUpperCase(), d);
    if (d.dhis2DataElement) map.set(d.dhis2DataElement.toUpperCase(), d);
  }
  return map;
}

async function loadUnits(repo: KpisRepository, rows: IncomingRow[], structureId: number | null) {
  const ids = rows.filter((r) => r.unitId !== undefined).map((r) => r.unitId as number);
  const codes = rows.filter((r) => r.unitId === undefined && r.unitCode).map((r) => r.unitCode as string);
  const byId = new Map((await repo.unitsByIds(ids)).map((u) => [u.id, u]));
  const byCode =
    structureId === null || !codes.length
      ? new Map<string, UnitRef>()
      : new Map((await repo.unitsByCodes(structureId, codes)).map((u) => [u.code, u]));
  return (r: IncomingRow) => (r.unitId !== undefined ? byId.get(r.unitId) : byCode.get(r.unitCode ?? ''));
}

function resolveOne(
  r: IncomingRow,
  kpi: KpiDefinitionRow | undefined,
  unit: UnitRef | undefined,
  options: ResolveOptions,
  issues: RowIssue[],
): ResolvedRow | null {
  const before = issues.length;
  const unitField = r.unitId !== undefined ? 'unitId' : 'unitCode';
  if (!kpi) issues.push({ ref: r.ref, field: 'kpiCode', code: 'kpi_unknown', params: { code: r.kpiCode } });
  if (r.unitId === undefined && !r.unitCode) issues.push({ ref: r.ref, field: 'unitCode', code: 'required' });
  else if (!unit) issues.push({ ref: r.ref, field: unitField, code: 'kpi_unit_unknown' });
  const period = options.periodFormat === 'dhis2' ? parseDhis2Period(r.period) : parsePeriodCode(r.period);
  if (!period)
    issues.push({ ref: r.ref, field: 'period', code: 'kpi_bad_period', params: { period: r.period } });
  if (kpi && period && period.periodicity !== kpi.periodicity) {
    issues.push({
      ref: r.ref,
      field: 'period',
      code: 'kpi_period_mismatch',
      params: { expected: kpi.periodicity },
    });
  }
  if (kpi && unit && !kpiAppliesTo(JSON.parse(kpi.appliesToKinds) as string[], unit)) {
    issues.push({ ref: r.ref, field: unitField, code: 'kpi_not_applicable' });
  }
  if (kpi) {
    for (const i of checkRawValue(kpi.valueType as KpiValueType, r.raw)) issues.push({ ref: r.ref, ...i });
  }
  if (issues.length > before || !kpi || !unit || !period) return null;
  const key = `${kpi.id}|${unit.id}|${period.code}`;
  const first = options.seen?.get(key);
  if (first !== undefined) {
    issues.push({ ref: r.ref, field: 'period', code: 'kpi_duplicate_row', params: { first } });
    return null;
  }
  options.seen?.set(key, r.ref);
  return { ref: r.ref, kpi, unit, period, raw: r.raw, note: r.note };
}

/** Resolves a batch; `issues` lists every problem found, row by row. */
export async function resolveRows(
  repo: KpisRepository,
  defs: Map<string, KpiDefinitionRow>,
  rows: IncomingRow[],
  options: ResolveOptions,
): Promise<{ resolved: ResolvedRow[]; issues: RowIssue[] }> {
  const unitOf = await loadUnits(repo, rows, options.structureId);
  const seen = options.seen ?? new Map<string, number>();
  const resolved: ResolvedRow[] = [];
  const issues: RowIssue[] = [];
  for (const r of rows) {
    const row = resolveOne(
      r,
      defs.get(r.kpiCode.trim().toUpperCase()),
      unitOf(r),
      { ...options, seen },
      issues,
    );
    if (row) resolved.push(row);
  }
  return { resolved, issues };
}
