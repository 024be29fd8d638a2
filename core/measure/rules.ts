import type {
  Component,
  ComponentValue,
  Explanation,
  ScoreStatus,
  ScoringRule,
} from '../contracts/measure-framework.js';
import { resolveDue } from './deadlines.js';

// Evaluation of one (non-formula) rule against one raw value. Rules produce a fraction of the component's
// maximum (0..1) so that reweighting (what-if, robustness) only rescales, never re-evaluates.

export interface RuleOutcome {
  status: ScoreStatus;
  fraction: number;
  explanation: Explanation;
}

type Params = Explanation['params'];
const outcome = (status: ScoreStatus, fraction: number, code: string, params: Params = {}): RuleOutcome => ({
  status,
  fraction,
  explanation: { code, params },
});
export const clip01 = (x: number) => Math.max(0, Math.min(1, x));

export const missingOutcome = (): RuleOutcome => outcome('missing', 0, 'missing_value');
export const notApplicableOutcome = (code = 'not_applicable', params: Params = {}): RuleOutcome =>
  outcome('not_applicable', 0, code, params);
export const notEvaluable = (code: string, params: Params = {}): RuleOutcome =>
  outcome('not_evaluable', 0, code, params);

// The number a value stands for in steps, min-max, target and formulas. A numerator/denominator pair reads
// as a percentage (a/b × 100), matching how Vietnamese index sets state rates ("tỷ lệ %").
// Returns NaN for a pair with a zero denominator and undefined when the value has no numeric reading.
export function numericValueOf(component: Component, value: ComponentValue): number | undefined {
  if ('number' in value) return value.number;
  if ('numerator' in value)
    return value.denominator === 0 ? Number.NaN : (value.numerator / value.denominator) * 100;
  if ('bool' in value) return value.bool ? 1 : 0;
  if ('choice' in value) {
    if (component.rule.kind !== 'choice') return undefined;
    return component.rule.options.find((o) => o.value === value.choice)?.points;
  }
  if ('date' in value || 'documentRef' in value) return 1;
  return undefined;
}

function numericOrExplain(component: Component, value: ComponentValue): number | RuleOutcome {
  const n = numericValueOf(component, value);
  if (n === undefined) return notEvaluable('wrong_value_type', { expected: 'number' });
  if (Number.isNaN(n) && 'numerator' in value) {
    return notEvaluable('division_by_zero', { numerator: value.numerator, denominator: value.denominator });
  }
  return n;
}

function scoreSteps(c: Component, rule: Extract<ScoringRule, { kind: 'steps' }>, v: ComponentValue) {
  const n = numericOrExplain(c, v);
  if (typeof n !== 'number') return n;
  let best: { min: number; points: number } | undefined;
  for (const s of rule.steps) if (n >= s.min && (!best || s.min > best.min)) best = s;
  if (!best)
    return outcome('scored', 0, 'below_all_steps', {
      value: n,
      lowest: Math.min(...rule.steps.map((s) => s.min)),
    });
  const f = c.maxPoints > 0 ? clip01(best.points / c.maxPoints) : 0;
  return outcome('scored', f, 'step_matched', { value: n, min: best.min, points: best.points });
}

// A rate over no cases (0/0) scored as the rule's zeroCases says; without it, or for cases counted over no
// cases (n/0, which entry refuses), not evaluable.
function scoreZeroCases(
  rule: Extract<ScoringRule, { kind: 'ratio' }>,
  numerator: number,
  denominator: number,
) {
  const params = { numerator, denominator };
  switch (numerator === 0 ? rule.zeroCases : undefined) {
    case 'full':
      return outcome('scored', 1, 'zero_cases_full', params);
    case 'zero':
      return outcome('scored', 0, 'zero_cases_zero', params);
    case 'not_applicable':
      return notApplicableOutcome('zero_cases_not_applicable', params);
    default:
      return notEvaluable('division_by_zero', params);
  }
}

function scoreRatio(rule: Extract<ScoringRule, { kind: 'ratio' }>, v: ComponentValue) {
  const fullAt = rule.fullAt ?? 1;
  if ('numerator' in v) {
    const { numerator, denominator } = v;
    if (denominator === 0) return scoreZeroCases(rule, numerator, denominator);
    const ratio = numerator / denominator;
    if (ratio > 1 && rule.cap === false) {
      return notEvaluable('ratio_exceeds_one', { numerator, denominator, ratio });
    }
    const code = ratio > 1 ? 'ratio_capped' : 'ratio';
    return outcome('scored', clip01(ratio / fullAt), code, { numerator, denominator, ratio, fullAt });
  }
  if ('number' in v) {
    const ratio = v.number / 100;
    if (ratio > 1 && rule.cap === false)
      return notEvaluable('ratio_exceeds_one', { percent: v.number, ratio });
    const code = ratio > 1 ? 'ratio_capped' : 'ratio';
    return outcome('scored', clip01(ratio / fullAt), code, { percent: v.number, ratio, fullAt });
  }
  return notEvaluable('wrong_value_type', { expected: 'ratio' });
}

function scoreChoice(c: Component, rule: Extract<ScoringRule, { kind: 'choice' }>, v: ComponentValue) {
  if (!('choice' in v)) return notEvaluable('wrong_value_type', { expected: 'choice' });
  const option = rule.options.find((o) => o.value === v.choice);
  if (!option) return notEvaluable('unknown_choice', { choice: v.choice });
  const f = c.maxPoints > 0 ? clip01(option.points / c.maxPoints) : 0;
  return outcome('scored', f, 'choice', { choice: option.value, label: option.label, points: option.points });
}

function scoreBoolean(v: ComponentValue) {
  if ('bool' in v) return outcome('scored', v.bool ? 1 : 0, v.bool ? 'boolean_yes' : 'boolean_no');
  if ('documentRef' in v) return outcome('scored', 1, 'document_cited', { documentRef: v.documentRef });
  if ('date' in v) return outcome('scored', 1, 'date_given', { date: v.date });
  return notEvaluable('wrong_value_type', { expected: 'boolean' });
}

function scoreMinMax(c: Component, rule: Extract<ScoringRule, { kind: 'minmax' }>, v: ComponentValue) {
  const n = numericOrExplain(c, v);
  if (typeof n !== 'number') return n;
  if (rule.upper === rule.lower)
    return notEvaluable('degenerate_bounds', { lower: rule.lower, upper: rule.upper });
  const raw = (n - rule.lower) / (rule.upper - rule.lower);
  const f = clip01(rule.higherIsBetter === false ? 1 - raw : raw);
  return outcome('scored', f, 'minmax', { value: n, lower: rule.lower, upper: rule.upper });
}

function scoreTarget(c: Component, rule: Extract<ScoringRule, { kind: 'target' }>, v: ComponentValue) {
  const n = numericOrExplain(c, v);
  if (typeof n !== 'number') return n;
  const { target, baseline } = rule;
  const higher = rule.higherIsBetter !== false;
  let f: number;
  if (baseline !== undefined) {
    if (baseline === target) return notEvaluable('degenerate_bounds', { baseline, target });
    f = (n - baseline) / (target - baseline);
  } else if (higher) {
    f = target > 0 ? n / target : n >= target ? 1 : 0;
  } else {
    f = n <= target ? 1 : n > 0 && target > 0 ? target / n : 0;
  }
  return outcome('scored', clip01(f), 'target', { value: n, target, baseline: baseline ?? null });
}

function scoreDeadline(c: Component, rule: Extract<ScoringRule, { kind: 'deadline' }>, v: ComponentValue) {
  if (!('date' in v)) return notEvaluable('wrong_value_type', { expected: 'date' });
  // A period resolves relative deadlines first (frameworkForYear); left relative, the date's own year applies.
  const due = resolveDue(rule.due, v.date.slice(0, 4));
  if (v.date <= due) return outcome('scored', 1, 'deadline_met', { date: v.date, due });
  const late = rule.latePoints ?? 0;
  const f = c.maxPoints > 0 ? clip01(late / c.maxPoints) : 0;
  return outcome('scored', f, 'deadline_missed', { date: v.date, due, points: late });
}

// Scores a present, applicable value. Formula rules are handled by the compiled engine (they need the
// other components' values) and are reported here as not evaluable.
export function evaluateRule(component: Component, value: ComponentValue): RuleOutcome {
  const rule = component.rule;
  if (component.informational || rule.kind === 'none' || component.maxPoints === 0) {
    return outcome('scored', 0, 'informational');
  }
  switch (rule.kind) {
    case 'steps':
      return scoreSteps(component, rule, value);
    case 'ratio':
      return scoreRatio(rule, value);
    case 'choice':
      return scoreChoice(component, rule, value);
    case 'boolean':
      return scoreBoolean(value);
    case 'minmax':
      return scoreMinMax(component, rule, value);
    case 'target':
      return scoreTarget(component, rule, value);
    case 'deadline':
      return scoreDeadline(component, rule, value);
    case 'formula':
      return notEvaluable('formula_needs_context');
  }
}
