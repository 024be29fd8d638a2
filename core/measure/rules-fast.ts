import type { Component, ComponentValue } from '../contracts/measure-framework.js';
import { resolveDue } from './deadlines.js';
import { clip01, numericValueOf } from './rules.js';

// Allocation-free twins of the rules in rules.ts, for batch scoring and robustness runs where thousands of
// units are scored and no explanation is shown. Each returns the fraction of the maximum (0..1),
// NOT_EVALUABLE or NOT_APPLICABLE. A property test checks they agree with evaluateRule on every input.

export const NOT_EVALUABLE = -1;
export const NOT_APPLICABLE = -2;
export type FastRule = (value: ComponentValue) => number;

const numeric = (c: Component, v: ComponentValue): number => {
  const n = numericValueOf(c, v);
  return n === undefined || Number.isNaN(n) ? Number.NaN : n;
};

function fastSteps(c: Component, mins: Float64Array, fractions: Float64Array): FastRule {
  return (v) => {
    const n = numeric(c, v);
    if (Number.isNaN(n)) return NOT_EVALUABLE;
    let bestMin = -Infinity;
    let best = 0;
    for (let i = 0; i < mins.length; i++) {
      if (n >= mins[i] && mins[i] > bestMin) {
        bestMin = mins[i];
        best = fractions[i];
      }
    }
    return best;
  };
}

export function fastRuleOf(c: Component): FastRule {
  const rule = c.rule;
  const max = c.maxPoints;
  if (c.informational || rule.kind === 'none' || max === 0) return () => 0;
  switch (rule.kind) {
    case 'steps':
      return fastSteps(
        c,
        Float64Array.from(rule.steps.map((s) => s.min)),
        Float64Array.from(rule.steps.map((s) => clip01(s.points / max))),
      );
    case 'ratio': {
      const fullAt = rule.fullAt ?? 1;
      const uncapped = rule.cap === false;
      const zeroCases =
        rule.zeroCases === 'full'
          ? 1
          : rule.zeroCases === 'zero'
            ? 0
            : rule.zeroCases === 'not_applicable'
              ? NOT_APPLICABLE
              : NOT_EVALUABLE;
      return (v) => {
        let r: number;
        if ('numerator' in v) {
          if (v.denominator === 0) return v.numerator === 0 ? zeroCases : NOT_EVALUABLE;
          r = v.numerator / v.denominator;
        } else if ('number' in v) r = v.number / 100;
        else return NOT_EVALUABLE;
        if (r > 1 && uncapped) return NOT_EVALUABLE;
        return clip01(r / fullAt);
      };
    }
    case 'choice': {
      const byValue = new Map(rule.options.map((o) => [o.value, clip01(o.points / max)]));
      return (v) => ('choice' in v ? (byValue.get(v.choice) ?? NOT_EVALUABLE) : NOT_EVALUABLE);
    }
    case 'boolean':
      return (v) => ('bool' in v ? (v.bool ? 1 : 0) : 'documentRef' in v || 'date' in v ? 1 : NOT_EVALUABLE);
    case 'minmax': {
      const { lower, upper } = rule;
      const down = rule.higherIsBetter === false;
      if (lower === upper) return () => NOT_EVALUABLE;
      return (v) => {
        const n = numeric(c, v);
        if (Number.isNaN(n)) return NOT_EVALUABLE;
        const raw = (n - lower) / (upper - lower);
        return clip01(down ? 1 - raw : raw);
      };
    }
    case 'target': {
      const { target, baseline } = rule;
      const higher = rule.higherIsBetter !== false;
      if (baseline !== undefined && baseline === target) return () => NOT_EVALUABLE;
      return (v) => {
        const n = numeric(c, v);
        if (Number.isNaN(n)) return NOT_EVALUABLE;
        if (baseline !== undefined) return clip01((n - baseline) / (target - baseline));
        if (higher) return clip01(target > 0 ? n / target : n >= target ? 1 : 0);
        return clip01(n <= target ? 1 : n > 0 && target > 0 ? target / n : 0);
      };
    }
    case 'deadline': {
      const late = clip01((rule.latePoints ?? 0) / max);
      return (v) =>
        'date' in v ? (v.date <= resolveDue(rule.due, v.date.slice(0, 4)) ? 1 : late) : NOT_EVALUABLE;
    }
    case 'formula':
      return () => NOT_EVALUABLE;
  }
}
