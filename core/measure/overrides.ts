import type { ComponentResult, Framework, UnitResult, UnitValues } from '../contracts/measure-framework.js';
import { type BatchUnit, fastScoreVector } from './batch.js';
import { type CompiledFramework, compiledOf } from './compile.js';
import { rollUp, type ScoringContext, scoreVector, type UnitScoreVector } from './scoring.js';

// The appraiser's direct points: given for a component without changing its value, they replace what the
// rule gives before rollup. Every analysis that claims to reproduce the ranking must apply them the same way.

/** Appraised points by component code. */
export type PointOverrides = Readonly<Record<string, number>>;

/**
 * Replaces the fractions of overridden components in place, as a share of the BASE framework's maximum: the
 * appraiser gave "7 of 10", which stays 70 % when a what-if or robustness run reweights the component.
 * Not-applicable components and components worth nothing keep their outcome, as in the stored scores.
 */
export function applyPointOverrides(
  base: CompiledFramework,
  vector: UnitScoreVector,
  overrides: PointOverrides | undefined,
): Set<number> {
  const overridden = new Set<number>();
  if (!overrides) return overridden;
  const w = base.weights;
  for (const [code, points] of Object.entries(overrides)) {
    const i = base.codeIndex.get(code);
    if (i === undefined || !vector.applicable[i] || w[i] <= 0) continue;
    vector.fractions[i] = Math.min(1, Math.max(0, points / w[i]));
    overridden.add(i);
  }
  return overridden;
}

/** A unit's fast-path score vector (scoreBatch's rules) with the appraiser's points applied. */
export function fastVectorWithPoints(
  compiled: CompiledFramework,
  unit: BatchUnit,
  overrides: PointOverrides | undefined,
): UnitScoreVector {
  const vector = fastScoreVector(compiled, unit);
  applyPointOverrides(compiled, vector, overrides);
  return vector;
}

/** Overrides without the given codes (a what-if value replaces the appraiser's points on that component). */
export function withoutOverrides(overrides: PointOverrides | undefined, codes: Iterable<string>) {
  const out: Record<string, number> = { ...overrides };
  for (const code of codes) delete out[code];
  return out;
}

/**
 * scoreUnit with appraised points applied; `weighted` (the base framework reweighted, same components)
 * gives the maxima used for rollup, `framework` the maxima the overrides are shares of.
 */
export function scoreUnitWithPoints(
  framework: Framework | CompiledFramework,
  values: UnitValues,
  context: ScoringContext | undefined,
  overrides: PointOverrides | undefined,
  weighted?: CompiledFramework,
): UnitResult {
  const base = compiledOf(framework);
  const target = weighted ?? base;
  const { outcomes, vector } = scoreVector(base, values, context);
  const overridden = applyPointOverrides(base, vector, overrides);
  const w = target.weights;
  const components: ComponentResult[] = outcomes.map((o, i) => ({
    code: base.components[i].code,
    points: vector.fractions[i] * w[i],
    maxPoints: w[i],
    status: overridden.has(i) ? 'scored' : o.status,
    explanation: overridden.has(i)
      ? { code: 'appraised_points', params: { points: vector.fractions[i] * base.weights[i] } }
      : o.explanation,
  }));
  return { components, ...rollUp(target, vector) };
}
