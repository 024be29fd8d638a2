import type { PeriodTargets, TargetGap } from '../../../../core/contracts/measure.js';
import type { Framework } from '../../../../core/contracts/measure-framework.js';
import { registerMessages } from '../../../../core/i18n/errors.js';
import { AppError } from '../../../lib/errors.js';

// A period's plan targets (0–1 value scale) and a unit's distance to them, Digital Decade style: the gap is
// what the unit still lacks, so a met target reads 0 rather than a negative "surplus".

registerMessages({
  'measure.target_unknown_main_index': {
    vi: 'Không có chỉ số chính với mã này trong bộ chỉ số của kỳ',
    en: 'No main index with this code in the period’s framework',
  },
});

const NONE: PeriodTargets = { total: null, mainIndices: {} };
// Values are stored rounded to 1e-6 elsewhere (results-compute); gaps follow so 0.65 − 0.6 reads 0.05.
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function parseTargets(json: string | null): PeriodTargets {
  if (!json) return { ...NONE, mainIndices: {} };
  const t = JSON.parse(json) as Partial<PeriodTargets>;
  return { total: t.total ?? null, mainIndices: t.mainIndices ?? {} };
}

/** Null when nothing is set, so "no targets" has one stored form. */
export function targetsJsonOf(t: PeriodTargets | undefined): string | null {
  if (!t || (t.total === null && !Object.keys(t.mainIndices).length)) return null;
  return JSON.stringify({ total: t.total, mainIndices: t.mainIndices });
}

const mainIndicesOf = (fw: Framework) => fw.groups.flatMap((g) => g.mainIndices);

/** A field error on each main-index key the framework does not have. `prefix` is e.g. "body" or "body.targets". */
export function checkTargets(t: PeriodTargets, framework: Framework, prefix: string): void {
  const known = new Set(mainIndicesOf(framework).map((m) => m.code));
  const fieldErrors = Object.keys(t.mainIndices)
    .filter((code) => !known.has(code))
    .map((code) => ({ field: `${prefix}.mainIndices.${code}`, code: 'measure.target_unknown_main_index' }));
  if (fieldErrors.length) throw new AppError('VALIDATION', { fieldErrors });
}

function gapOf(kind: TargetGap['kind'], code: string, name: string, value: number | null, target: number) {
  const gap = value === null ? null : Math.max(0, round(target - value));
  return { kind, code, name, value, target, gap, met: gap === 0 };
}

type UnitValues = { value: number | null; mainIndices: { code: string; value: number | null }[] } | null;

/** The unit's distance to each target: the total first, then main indices in framework order. */
export function targetGaps(t: PeriodTargets, framework: Framework | null, unit: UnitValues): TargetGap[] {
  const gaps: TargetGap[] = [];
  if (t.total !== null) {
    gaps.push(gapOf('total', framework?.code ?? '', framework?.name ?? '', unit?.value ?? null, t.total));
  }
  const order = framework ? mainIndicesOf(framework) : [];
  const codes = [
    ...order.map((m) => m.code).filter((c) => c in t.mainIndices),
    // A target whose main index has left the framework since it was set is still shown, by code.
    ...Object.keys(t.mainIndices).filter((c) => !order.some((m) => m.code === c)),
  ];
  for (const code of codes) {
    const name = order.find((m) => m.code === code)?.name ?? code;
    const value = unit?.mainIndices.find((m) => m.code === code)?.value ?? null;
    gaps.push(gapOf('mainIndex', code, name, value, t.mainIndices[code]));
  }
  return gaps;
}
