import type {
  Dhis2DataValue,
  Dhis2DataValueSet,
  Dhis2ImportSummary,
} from '../../../../core/contracts/kpis.js';
import type { KpiDefinitionRow } from '../kpis.repository.js';
import type { IncomingRow, RowIssue } from '../values/kpi-rows.js';

// Maps a DHIS2 dataValueSet onto our incoming rows. dataElement is a KPI code (or the KPI's
// configured DHIS2 data element); orgUnit is a unit code in today's structure (or a unit id with
// orgUnitIdScheme=id); period is a DHIS2 period id. A ratio KPI arrives as two data values told apart
// by categoryOptionCombo "numerator" and "denominator".

export type OrgUnitIdScheme = 'code' | 'id';
export type MappedSet = {
  rows: IncomingRow[];
  /** Data-value indexes each row came from (a ratio row comes from two). */
  sources: Map<number, number[]>;
  issues: RowIssue[];
  /** Field → the text DHIS2 sent, to name the offending object in conflicts. */
  objects: Map<string, string>;
};

const PART = { numerator: 'numerator', denominator: 'denominator' } as const;

function parseDhis2Number(value: string | number): number {
  if (typeof value === 'number') return value;
  const s = value.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

function baseRow(
  dv: Dhis2DataValue,
  set: Dhis2DataValueSet,
  scheme: OrgUnitIdScheme,
  ref: number,
): IncomingRow {
  const orgUnit = (dv.orgUnit ?? set.orgUnit ?? '').trim();
  const idNumber = /^\d{1,9}$/.test(orgUnit) ? Number(orgUnit) : -1;
  return {
    ref,
    kpiCode: dv.dataElement,
    ...(scheme === 'id' ? { unitId: idNumber } : { unitCode: orgUnit }),
    period: (dv.period ?? set.period ?? '').trim(),
    raw: { value: null, numerator: null, denominator: null },
    note: dv.comment?.trim() || null,
  };
}

function preIssues(dv: Dhis2DataValue, set: Dhis2DataValueSet, ref: number): RowIssue[] {
  const out: RowIssue[] = [];
  if (!(dv.period ?? set.period)) out.push({ ref, field: 'period', code: 'required' });
  if (!(dv.orgUnit ?? set.orgUnit)) out.push({ ref, field: 'orgUnit', code: 'required' });
  if (dv.value === undefined || dv.value === null || dv.value === '') {
    out.push({ ref, field: 'value', code: 'kpi_dhis2_delete_unsupported' });
  }
  return out;
}

type Acc = Omit<MappedSet, 'objects'> & { pairs: Map<string, IncomingRow> };

/** Adds one half of a ratio to its pair (created on first sight); returns an issue when it does not fit. */
function addRatioPart(
  acc: Acc,
  dv: Dhis2DataValue,
  row: IncomingRow,
  kpi: KpiDefinitionRow,
  value: number,
): RowIssue | null {
  const part = PART[(dv.categoryOptionCombo ?? '').trim().toLowerCase() as keyof typeof PART];
  if (!part) return { ref: row.ref, field: 'categoryOptionCombo', code: 'kpi_dhis2_ratio_needs_parts' };
  const key = `${kpi.id}|${row.unitCode ?? row.unitId}|${row.period}`;
  const pair = acc.pairs.get(key) ?? row;
  if (pair.raw[part] !== null) {
    return {
      ref: row.ref,
      field: 'categoryOptionCombo',
      code: 'kpi_duplicate_row',
      params: { first: pair.ref },
    };
  }
  pair.raw[part] = value;
  if (pair === row) {
    acc.pairs.set(key, row);
    acc.rows.push(row);
    acc.sources.set(row.ref, [row.ref]);
  } else acc.sources.get(pair.ref)?.push(row.ref);
  return null;
}

export function mapDataValueSet(
  set: Dhis2DataValueSet,
  defs: Map<string, KpiDefinitionRow>,
  scheme: OrgUnitIdScheme,
): MappedSet {
  const acc: Acc = { rows: [], sources: new Map(), issues: [], pairs: new Map() };
  const objects = new Map<string, string>();
  set.dataValues.forEach((dv, i) => {
    objects.set(`${i}.dataElement`, dv.dataElement);
    objects.set(`${i}.orgUnit`, dv.orgUnit ?? set.orgUnit ?? '');
    objects.set(`${i}.period`, dv.period ?? set.period ?? '');
    const pre = preIssues(dv, set, i);
    if (pre.length) {
      acc.issues.push(...pre);
      return;
    }
    const row = baseRow(dv, set, scheme, i);
    const value = parseDhis2Number(dv.value as string | number);
    const kpi = defs.get(dv.dataElement.trim().toUpperCase());
    if (kpi?.valueType === 'ratio') {
      const issue = addRatioPart(acc, dv, row, kpi, value);
      if (issue) acc.issues.push(issue);
      return;
    }
    row.raw.value = value;
    acc.rows.push(row);
    acc.sources.set(i, [i]);
  });
  const unpaired = new Set<number>();
  for (const pair of acc.pairs.values()) {
    if (pair.raw.numerator === null || pair.raw.denominator === null) {
      acc.issues.push({ ref: pair.ref, field: 'categoryOptionCombo', code: 'kpi_dhis2_unpaired' });
      unpaired.add(pair.ref);
    }
  }
  return {
    rows: acc.rows.filter((r) => !unpaired.has(r.ref)),
    sources: acc.sources,
    issues: acc.issues,
    objects,
  };
}

export function importSummary(
  counts: { imported: number; updated: number; ignored: number },
  conflicts: { object: string; value: string }[],
): Dhis2ImportSummary {
  const written = counts.imported + counts.updated;
  const status = conflicts.length === 0 ? 'SUCCESS' : written > 0 ? 'WARNING' : 'ERROR';
  const description =
    status === 'SUCCESS'
      ? 'Import process completed successfully'
      : `Import process completed with ${conflicts.length} conflicts`;
  return {
    responseType: 'ImportSummary',
    status,
    description,
    importCount: { ...counts, deleted: 0 },
    conflicts,
  };
}
