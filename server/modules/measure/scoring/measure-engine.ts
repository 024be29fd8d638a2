import {
  type Framework,
  type FrameworkIssue,
  FrameworkSchema,
  type MeasureUnitKind,
  type UnitResult,
  type UnitValues,
} from '../../../../core/contracts/measure-framework.js';
import { gainOpportunities } from '../../../../core/measure/analysis.js';
import { checkValue } from '../../../../core/measure/check-value.js';
import { compiledOf } from '../../../../core/measure/compile.js';
import { fastVectorWithPoints, scoreUnitWithPoints } from '../../../../core/measure/overrides.js';
import { rollUp, type ScoringContext, scoreUnit } from '../../../../core/measure/scoring.js';
import { BUILT_IN_TEMPLATES } from '../../../../core/measure/templates/index.js';
import { hasErrors, validateFramework } from '../../../../core/measure/validate.js';
import { componentsOf } from '../../../../core/measure/values.js';
import { fieldErrorFromIssue } from '../../../lib/zod-issues.js';

// The server's narrow view of the pure scoring engine in core/measure: everything Measure services need
// from it goes through this object, so services can be tested with the real engine and no I/O.

export type ValidationOutcome =
  | { ok: true; framework: Framework; warnings: FrameworkIssue[] }
  | { ok: false; issues: FrameworkIssue[] };

export type ScoringUnit = { kind: MeasureUnitKind; groups?: string[] };

export type ValueIssue = {
  componentCode: string;
  field: string;
  code: string;
  params?: Record<string, unknown>;
};

export type MeasureEngine = {
  validate(definition: unknown): ValidationOutcome;
  score(framework: Framework, values: UnitValues, unit: ScoringUnit): UnitResult;
  /** Problems with raw entries (ranges, numerator ≤ denominator, unknown choice, consistency). */
  checkValues(framework: Framework, values: UnitValues, unit: ScoringUnit): ValueIssue[];
  /** Codes of components that apply to the unit (N/A by applicability is not the unit's choice). */
  applicableCodes(framework: Framework, unit: ScoringUnit): string[];
  /** The components whose full score would add most to the unit's total, largest first. */
  gains(
    framework: Framework,
    values: UnitValues,
    unit: ScoringUnit,
  ): { code: string; name: string; gainPoints: number }[];
  templates(): { key: string; framework: Framework }[];
};

// ---- The implementation over core/measure ----

const contextOf = (unit: ScoringUnit): ScoringContext => ({
  unitKind: unit.kind,
  unitGroups: unit.groups ?? [],
});

/** Scores a unit; `pointOverrides` (appraised points by code) replace the engine's points before rollup. */
export function scoreWithOverrides(
  framework: Framework,
  values: UnitValues,
  unit: ScoringUnit,
  pointOverrides: Record<string, number> = {},
): UnitResult {
  const compiled = compiledOf(framework);
  if (Object.keys(pointOverrides).length === 0) return scoreUnit(compiled, values, contextOf(unit));
  return scoreUnitWithPoints(compiled, values, contextOf(unit), pointOverrides);
}

/**
 * A unit's score vector through the core's columnar fast path (no per-component explanations), with appraised
 * point overrides applied as in scoreWithOverrides: what stored contributions and totals are made from.
 */
export function scoreVectorWithOverrides(
  framework: Framework,
  values: UnitValues,
  unit: ScoringUnit,
  pointOverrides: Record<string, number> = {},
) {
  const compiled = compiledOf(framework);
  const vector = fastVectorWithPoints(compiled, { values, context: contextOf(unit) }, pointOverrides);
  return { compiled, vector };
}

/** Totals only, for thousands of units (see scoreVectorWithOverrides). */
export function scoreTotals(
  framework: Framework,
  values: UnitValues,
  unit: ScoringUnit,
  pointOverrides: Record<string, number> = {},
) {
  const { compiled, vector } = scoreVectorWithOverrides(framework, values, unit, pointOverrides);
  return rollUp(compiled, vector);
}

export const measureEngine: MeasureEngine = {
  validate(definition) {
    const parsed = FrameworkSchema.safeParse(definition);
    if (!parsed.success) {
      return {
        ok: false,
        issues: parsed.error.issues.map((i) => {
          const f = fieldErrorFromIssue('', i as never);
          return {
            severity: 'error' as const,
            path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
            code: f.code,
            params: (f.params ?? {}) as Record<string, string | number | boolean | null>,
          };
        }),
      };
    }
    const issues = validateFramework(parsed.data);
    if (hasErrors(issues)) return { ok: false, issues: issues.filter((i) => i.severity === 'error') };
    return { ok: true, framework: parsed.data, warnings: issues };
  },
  score: (framework, values, unit) => scoreWithOverrides(framework, values, unit),
  checkValues(framework, values) {
    const byCode = new Map(componentsOf(framework).map((c) => [c.code, c]));
    const issues: ValueIssue[] = [];
    for (const [code, value] of Object.entries(values)) {
      const component = byCode.get(code);
      if (!component) {
        issues.push({ componentCode: code, field: '', code: 'measure.unknown_component' });
        continue;
      }
      if (!value) continue;
      for (const i of checkValue(component, value)) issues.push({ componentCode: code, ...i });
    }
    return issues;
  },
  applicableCodes(framework, unit) {
    const result = scoreUnit(framework, {}, contextOf(unit));
    return result.components
      .filter((c) => c.explanation.code !== 'not_applicable_to_unit')
      .map((c) => c.code);
  },
  gains: (framework, values, unit) =>
    gainOpportunities(framework, scoreUnit(framework, values, contextOf(unit))).map((g) => ({
      code: g.code,
      name: g.name,
      gainPoints: g.gain,
    })),
  // Keys are the template's code: stable, readable, and unique among the built-ins.
  templates: () => BUILT_IN_TEMPLATES.map((framework) => ({ key: framework.code, framework })),
};
