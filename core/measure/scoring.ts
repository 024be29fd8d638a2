import type {
  Band,
  Component,
  ComponentResult,
  ComponentValue,
  Framework,
  NodeResult,
  UnitResult,
  UnitValues,
} from '../contracts/measure-framework.js';
import { PILLARS } from '../contracts/measure-framework.js';
import { appliesToUnit, type CompiledComponent, type CompiledFramework, compiledOf } from './compile.js';
import {
  compileExpression,
  type Expr,
  ExpressionError,
  parseExpression,
  referencedCodes,
} from './expression.js';
import {
  clip01,
  evaluateRule,
  missingOutcome,
  notApplicableOutcome,
  notEvaluable,
  numericValueOf,
  type RuleOutcome,
} from './rules.js';

// The pure scoring engine: component points, rollups by main index, group and pillar, value 0–1 and band.
// Every failure is explained in the result (status + explanation code), never thrown.

export interface ScoringContext {
  unitKind?: string | null;
  unitGroups?: readonly string[] | null;
  // Numeric values of other components, by code; only formula rules read them (scoreComponent only).
  refValues?: Record<string, number>;
}

// The scored unit's raw material for reweighting: per component fraction of max (0..1) and applicability.
export interface UnitScoreVector {
  fractions: Float64Array;
  applicable: Uint8Array;
}

function evaluateFormula(
  cc: CompiledComponent,
  vec: Float64Array,
  outcomes: RuleOutcome[],
  codeOf: (i: number) => string,
): RuleOutcome {
  const f = cc.formula!;
  const c = cc.component;
  const x = f.evaluate(vec);
  if (!Number.isFinite(x)) {
    for (const i of f.inputs) {
      const st = outcomes[i]?.status;
      const input = codeOf(i);
      if (st === 'missing')
        return { ...missingOutcome(), explanation: { code: 'formula_input_missing', params: { input } } };
      if (st === 'not_applicable' || st === 'not_evaluable')
        return notEvaluable(`formula_input_${st}`, { input });
    }
    return notEvaluable('division_by_zero', {
      expression: c.rule.kind === 'formula' ? c.rule.expression : '',
    });
  }
  vec[cc.index] = x;
  if (c.informational || c.maxPoints === 0)
    return { status: 'scored', fraction: 0, explanation: { code: 'informational', params: { value: x } } };
  const raw = f.result === 'points' ? x / c.maxPoints : x;
  const fraction = clip01(raw);
  return { status: 'scored', fraction, explanation: { code: 'formula', params: { value: x } } };
}

function evaluateInto(
  compiled: CompiledFramework,
  values: UnitValues,
  ctx: ScoringContext | undefined,
): RuleOutcome[] {
  const n = compiled.components.length;
  const outcomes: RuleOutcome[] = new Array(n);
  const vec = new Float64Array(n).fill(Number.NaN);
  const order = compiled.evaluationOrder;
  for (let k = 0; k < order.length; k++) {
    const cc = compiled.components[order[k]];
    const value = values[cc.code];
    let out: RuleOutcome;
    if (!appliesToUnit(cc, ctx))
      out = notApplicableOutcome('not_applicable_to_unit', { unitKind: ctx?.unitKind ?? null });
    else if (value && 'notApplicable' in value) out = notApplicableOutcome('marked_not_applicable');
    else if (cc.formula) out = evaluateFormula(cc, vec, outcomes, (i) => compiled.components[i].code);
    else if (value === null || value === undefined) out = missingOutcome();
    else {
      const num = numericValueOf(cc.component, value);
      if (num !== undefined) vec[cc.index] = num;
      out = evaluateRule(cc.component, value);
    }
    outcomes[cc.index] = out;
  }
  return outcomes;
}

export function bandFor(bands: readonly Band[], value: number | null): Band | null {
  if (value === null) return null;
  let found: Band | null = null;
  for (const b of bands)
    if (value + 1e-12 >= b.minValue && (!found || b.minValue > found.minValue)) found = b;
  return found;
}

const node = (code: string, points: number, maxPoints: number, applicableMax: number): NodeResult => ({
  code,
  points,
  maxPoints,
  applicableMax,
  value: applicableMax > 0 ? points / applicableMax : null,
});

// Rolls a score vector up with the compiled weights. Used by scoreUnit and by the reweighting analyses.
export function rollUp(compiled: CompiledFramework, vector: UnitScoreVector) {
  const w = compiled.weights;
  const m = compiled.mainIndices.length;
  const g = compiled.groups.length;
  const acc = new Float64Array(3 * (m + g + PILLARS.length + 1));
  const add = (slot: number, i: number) => {
    acc[3 * slot] += vector.fractions[i] * w[i];
    acc[3 * slot + 1] += w[i];
    if (vector.applicable[i]) acc[3 * slot + 2] += w[i];
  };
  const totalSlot = m + g + PILLARS.length;
  for (let i = 0; i < w.length; i++) {
    add(compiled.mainIndexOf[i], i);
    add(m + compiled.groupOf[i], i);
    if (compiled.pillarOf[i] >= 0) add(m + g + compiled.pillarOf[i], i);
    add(totalSlot, i);
  }
  const at = (code: string, slot: number) => node(code, acc[3 * slot], acc[3 * slot + 1], acc[3 * slot + 2]);
  const total = at('total', totalSlot);
  return {
    mainIndices: compiled.mainIndices.map((x, i) => at(x.code, i)),
    groups: compiled.groups.map((x, i) => at(x.code, m + i)),
    pillars: PILLARS.map((p, i) => at(p, m + g + i)),
    total,
    band: bandFor(compiled.bands, total.value),
  };
}

export function scoreVector(
  framework: Framework | CompiledFramework,
  values: UnitValues,
  context?: ScoringContext,
): { outcomes: RuleOutcome[]; vector: UnitScoreVector } {
  const compiled = compiledOf(framework);
  const outcomes = evaluateInto(compiled, values, context);
  const n = outcomes.length;
  const fractions = new Float64Array(n);
  const applicable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    fractions[i] = outcomes[i].fraction;
    applicable[i] = outcomes[i].status === 'not_applicable' ? 0 : 1;
  }
  return { outcomes, vector: { fractions, applicable } };
}

export function scoreUnit(
  framework: Framework | CompiledFramework,
  values: UnitValues,
  context?: ScoringContext,
): UnitResult {
  const compiled = compiledOf(framework);
  const { outcomes, vector } = scoreVector(compiled, values, context);
  const w = compiled.weights;
  const components: ComponentResult[] = outcomes.map((o, i) => ({
    code: compiled.components[i].code,
    points: o.fraction * w[i],
    maxPoints: w[i],
    status: o.status,
    explanation: o.explanation,
  }));
  return { components, ...rollUp(compiled, vector) };
}

// Scores one component on its own. Formula rules read other components' numeric values from
// context.refValues; an input absent there makes the result "missing".
export function scoreComponent(
  component: Component,
  value: ComponentValue | null | undefined,
  context?: ScoringContext,
): ComponentResult {
  const max = component.informational || component.rule.kind === 'none' ? 0 : component.maxPoints;
  const finish = (o: RuleOutcome): ComponentResult => ({
    code: component.code,
    points: o.fraction * max,
    maxPoints: max,
    status: o.status,
    explanation: o.explanation,
  });
  const kinds = component.appliesTo?.unitKinds ?? [];
  const groups = component.appliesTo?.unitGroups ?? [];
  const applicability = {
    appliesKinds: kinds.length ? new Set<string>(kinds) : null,
    appliesGroups: groups.length ? new Set<string>(groups) : null,
  };
  if (!appliesToUnit(applicability, context)) return finish(notApplicableOutcome('not_applicable_to_unit'));
  if (value && 'notApplicable' in value) return finish(notApplicableOutcome('marked_not_applicable'));
  if (component.rule.kind === 'formula') return finish(scoreStandaloneFormula(component, context));
  if (value === null || value === undefined) return finish(missingOutcome());
  return finish(evaluateRule(component, value));
}

function scoreStandaloneFormula(component: Component, context?: ScoringContext): RuleOutcome {
  if (component.rule.kind !== 'formula') return notEvaluable('formula_needs_context');
  const refs = context?.refValues ?? {};
  const codes = Object.keys(refs);
  let expr: Expr;
  try {
    expr = parseExpression(component.rule.expression);
  } catch (e) {
    return notEvaluable('formula_syntax', { reason: e instanceof ExpressionError ? e.reason : 'invalid' });
  }
  const absent = [...referencedCodes(expr)].find((c) => !codes.includes(c));
  if (absent !== undefined) {
    return { ...missingOutcome(), explanation: { code: 'formula_input_missing', params: { input: absent } } };
  }
  const evaluate = compileExpression(expr, (c) => codes.indexOf(c));
  const cc = {
    index: codes.length,
    component,
    formula: { evaluate, inputs: [], result: component.rule.result ?? 'fraction' },
  } as unknown as CompiledComponent;
  const vec = new Float64Array(codes.length + 1);
  codes.forEach((c, i) => {
    vec[i] = refs[c];
  });
  return evaluateFormula(cc, vec, [], (i) => codes[i]);
}

export interface UnitInput {
  unitId: string | number;
  values: UnitValues;
  context?: ScoringContext;
}

// Batch scoring for a period: one compile, one tight loop.
export function scoreUnits(framework: Framework | CompiledFramework, units: readonly UnitInput[]) {
  const compiled = compiledOf(framework);
  return units.map((u) => ({ unitId: u.unitId, result: scoreUnit(compiled, u.values, u.context) }));
}
