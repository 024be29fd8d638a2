// Pure rules for operational KPI values: what raw parts a value type needs, the rate derived from
// them, and how values roll up over time (months into a year) and across units (communes into a
// province). Raw numerators and denominators are kept; rates are always derived.

export const KPI_VALUE_TYPES = ['count', 'ratio', 'percent'] as const;
export type KpiValueType = (typeof KPI_VALUE_TYPES)[number];
export const KPI_TIME_AGGREGATIONS = ['sum', 'last', 'mean'] as const;
export type KpiTimeAggregation = (typeof KPI_TIME_AGGREGATIONS)[number];

export type RawValue = { value: number | null; numerator: number | null; denominator: number | null };

export type RawValueIssue = { field: 'value' | 'numerator' | 'denominator'; code: string };

/** Largest magnitude accepted for any raw part; keeps sums exact in doubles. */
export const MAX_RAW = 1e12;

function checkNumber(field: RawValueIssue['field'], n: number | null, issues: RawValueIssue[]) {
  if (n === null) return;
  if (!Number.isFinite(n)) issues.push({ field, code: 'kpi_not_a_number' });
  else if (n < 0) issues.push({ field, code: 'kpi_negative' });
  else if (n > MAX_RAW) issues.push({ field, code: 'kpi_too_big' });
}

/** The issues with a raw value for a KPI of the given type; empty when it is acceptable. */
export function checkRawValue(type: KpiValueType, raw: RawValue): RawValueIssue[] {
  const issues: RawValueIssue[] = [];
  checkNumber('value', raw.value, issues);
  checkNumber('numerator', raw.numerator, issues);
  checkNumber('denominator', raw.denominator, issues);
  if (issues.length) return issues;
  if (type === 'ratio') {
    if (raw.numerator === null) issues.push({ field: 'numerator', code: 'required' });
    if (raw.denominator === null) issues.push({ field: 'denominator', code: 'required' });
    if (raw.value !== null) issues.push({ field: 'value', code: 'kpi_ratio_takes_parts' });
    if (issues.length) return issues;
    if (raw.denominator === 0) issues.push({ field: 'denominator', code: 'kpi_zero_denominator' });
    else if ((raw.numerator as number) > (raw.denominator as number)) {
      issues.push({ field: 'numerator', code: 'kpi_numerator_gt_denominator' });
    }
    return issues;
  }
  if (raw.value === null) issues.push({ field: 'value', code: 'required' });
  if (raw.numerator !== null) issues.push({ field: 'numerator', code: 'kpi_parts_only_for_ratio' });
  if (raw.denominator !== null) issues.push({ field: 'denominator', code: 'kpi_parts_only_for_ratio' });
  if (!issues.length && type === 'percent' && (raw.value as number) > 100) {
    issues.push({ field: 'value', code: 'kpi_percent_over_100' });
  }
  if (!issues.length && type === 'count' && !Number.isInteger(raw.value)) {
    issues.push({ field: 'value', code: 'kpi_count_not_integer' });
  }
  return issues;
}

/** The figure shown for a value: the count, or the rate in percent for ratios and percents. */
export function deriveValue(type: KpiValueType, raw: RawValue): number | null {
  if (type === 'ratio') {
    if (raw.numerator === null || raw.denominator === null || raw.denominator === 0) return null;
    return (raw.numerator / raw.denominator) * 100;
  }
  return raw.value;
}

export type DatedRaw = RawValue & { periodStart: string };

function sumParts(values: RawValue[]): RawValue {
  let numerator = 0;
  let denominator = 0;
  for (const v of values) {
    numerator += v.numerator ?? 0;
    denominator += v.denominator ?? 0;
  }
  return { value: null, numerator, denominator };
}

function meanOf(numbers: number[]): number {
  return numbers.reduce((a, b) => a + b, 0) / numbers.length;
}

function mean(type: KpiValueType, values: RawValue[]): number | null {
  const derived = values.map((v) => deriveValue(type, v)).filter((x): x is number => x !== null);
  return derived.length ? meanOf(derived) : null;
}

/**
 * Rolls the raw values of finer periods into the raw value of one coarser period, keeping parts so the
 * result can still be added across units. Ratios always combine part by part (Σnumerator ÷ Σdenominator),
 * never by averaging rates, so a small month does not weigh like a big one.
 */
export function rollUpOverTime(
  type: KpiValueType,
  rule: KpiTimeAggregation,
  values: DatedRaw[],
): RawValue | null {
  if (!values.length) return null;
  if (rule === 'last') {
    const last = [...values].sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1)!;
    return { value: last.value, numerator: last.numerator, denominator: last.denominator };
  }
  if (type === 'ratio') {
    const parts = sumParts(values);
    if (rule === 'sum') return parts;
    const n = values.length;
    return { value: null, numerator: (parts.numerator ?? 0) / n, denominator: (parts.denominator ?? 0) / n };
  }
  const numbers = values.map((v) => v.value ?? 0);
  const total = rule === 'sum' && type === 'count' ? numbers.reduce((a, b) => a + b, 0) : meanOf(numbers);
  return { value: total, numerator: null, denominator: null };
}

/** The figure for a coarser period from the values of its finer periods. */
export function aggregateOverTime(
  type: KpiValueType,
  rule: KpiTimeAggregation,
  values: DatedRaw[],
): number | null {
  const raw = rollUpOverTime(type, rule, values);
  return raw ? deriveValue(type, raw) : null;
}

/**
 * Aggregates one period's figures across units: counts add up, ratios add part by part, and percents
 * (no parts to add) are the simple mean of the units that reported.
 */
export function aggregateAcrossUnits(type: KpiValueType, values: RawValue[]): number | null {
  if (!values.length) return null;
  if (type === 'count') return values.reduce((a, v) => a + (v.value ?? 0), 0);
  if (type === 'ratio') return deriveValue(type, sumParts(values));
  return mean(type, values);
}

/** Value ÷ target (or target ÷ value when lower is better); null when either is missing or zero. */
export function attainment(value: number | null, target: number | null, higherIsBetter: boolean) {
  if (value === null || target === null) return null;
  if (higherIsBetter) return target === 0 ? null : value / target;
  return value === 0 ? null : target / value;
}
