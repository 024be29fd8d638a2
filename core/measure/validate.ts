import type { Component, Framework, FrameworkIssue, ValueType } from '../contracts/measure-framework.js';
import {
  comparisonCodes,
  ExpressionError,
  parseComparison,
  parseExpression,
  RESERVED_NAMES,
  referencedCodes,
} from './expression.js';

// Structural checks run when a framework is saved. Errors block saving; warnings are shown to the editor.
// Decision: a parent's maxPoints that differs from the sum of its children's is an ERROR, because rollups
// add the children up and a published "out of 1,000" that the components cannot reach would mislead.
// Points a rule can never reach (top step below the maximum) are only a WARNING: it is odd but consistent.

type Path = FrameworkIssue['path'];
type Params = FrameworkIssue['params'];

const RULE_VALUE_TYPES: Record<string, readonly ValueType[]> = {
  steps: ['number', 'percent', 'ratio'],
  ratio: ['ratio', 'percent'],
  choice: ['choice'],
  boolean: ['boolean', 'document', 'date'],
  minmax: ['number', 'percent', 'ratio'],
  target: ['number', 'percent', 'ratio'],
  deadline: ['date'],
};

const EPS = 1e-9;

export function validateFramework(fw: Framework): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const add = (severity: 'error' | 'warning', path: Path, code: string, params: Params = {}) =>
    issues.push({ severity, path, code, params });
  checkCodes(fw, add);
  let groupSum = 0;
  fw.groups.forEach((g, gi) => {
    let mainSum = 0;
    g.mainIndices.forEach((m, mi) => {
      const path = ['groups', gi, 'mainIndices', mi];
      if (m.components.length === 0) add('warning', path, 'no_components');
      let compSum = 0;
      m.components.forEach((c, ci) => {
        compSum += c.informational || c.rule.kind === 'none' ? 0 : c.maxPoints;
        checkComponent(c, [...path, 'components', ci], add);
      });
      checkSum(compSum, m.maxPoints, [...path, 'maxPoints'], add);
      mainSum += m.maxPoints;
    });
    checkSum(mainSum, g.maxPoints, ['groups', gi, 'maxPoints'], add);
    groupSum += g.maxPoints;
  });
  checkSum(groupSum, fw.maxPoints, ['maxPoints'], add);
  checkBands(fw, add);
  checkFormulas(fw, add);
  checkConsistencyRules(fw, add);
  return issues;
}

export const hasErrors = (issues: FrameworkIssue[]) => issues.some((i) => i.severity === 'error');

type Add = (severity: 'error' | 'warning', path: Path, code: string, params?: Params) => void;

function checkSum(actual: number, declared: number, path: Path, add: Add) {
  if (Math.abs(actual - declared) > EPS)
    add('error', path, 'points_mismatch', { declared, childrenSum: actual });
}

function checkCodes(fw: Framework, add: Add) {
  const seen = new Map<string, string>();
  const visit = (code: string, path: Path) => {
    const where = path.join('.');
    if (RESERVED_NAMES.has(code)) add('error', [...path, 'code'], 'reserved_code', { code });
    const first = seen.get(code);
    if (first !== undefined) add('error', [...path, 'code'], 'duplicate_code', { code, firstAt: first });
    else seen.set(code, where);
  };
  fw.groups.forEach((g, gi) => {
    visit(g.code, ['groups', gi]);
    g.mainIndices.forEach((m, mi) => {
      visit(m.code, ['groups', gi, 'mainIndices', mi]);
      m.components.forEach((c, ci) => {
        visit(c.code, ['groups', gi, 'mainIndices', mi, 'components', ci]);
      });
    });
  });
}

function checkComponent(c: Component, path: Path, add: Add) {
  const rule = c.rule;
  const allowed = RULE_VALUE_TYPES[rule.kind];
  if (allowed && !allowed.includes(c.valueType)) {
    add('error', [...path, 'valueType'], 'rule_value_type_mismatch', {
      rule: rule.kind,
      valueType: c.valueType,
    });
  }
  if (rule.kind === 'none' && !c.informational && c.maxPoints > 0) {
    add('warning', [...path, 'rule'], 'unscored_component_has_points', { maxPoints: c.maxPoints });
  }
  if (c.informational && c.maxPoints > 0) add('warning', [...path, 'maxPoints'], 'informational_has_points');
  if (!c.informational && rule.kind !== 'none' && c.maxPoints === 0) {
    add('warning', [...path, 'maxPoints'], 'zero_max_points');
  }
  const rp = [...path, 'rule'];
  if (rule.kind === 'steps') checkSteps(c, rule.steps, rp, add);
  if (rule.kind === 'choice') {
    const values = new Set<string>();
    rule.options.forEach((o, oi) => {
      if (values.has(o.value))
        add('error', [...rp, 'options', oi, 'value'], 'duplicate_option', { value: o.value });
      values.add(o.value);
      if (o.points > c.maxPoints + EPS) {
        add('error', [...rp, 'options', oi, 'points'], 'points_exceed_max', {
          points: o.points,
          max: c.maxPoints,
        });
      }
    });
    const top = Math.max(...rule.options.map((o) => o.points));
    if (top < c.maxPoints - EPS) add('warning', rp, 'max_unreachable', { best: top, max: c.maxPoints });
  }
  if (rule.kind === 'deadline' && (rule.latePoints ?? 0) > c.maxPoints + EPS) {
    add('error', [...rp, 'latePoints'], 'points_exceed_max', {
      points: rule.latePoints ?? 0,
      max: c.maxPoints,
    });
  }
  if (rule.kind === 'minmax' && rule.lower === rule.upper) add('error', rp, 'degenerate_bounds');
  if (rule.kind === 'target' && rule.baseline !== undefined && rule.baseline === rule.target) {
    add('error', rp, 'degenerate_bounds');
  }
  if (
    rule.kind === 'target' &&
    rule.baseline === undefined &&
    rule.target <= 0 &&
    rule.higherIsBetter !== false
  ) {
    add('warning', rp, 'target_not_positive', { target: rule.target });
  }
}

function checkSteps(c: Component, steps: { min: number; points: number }[], rp: Path, add: Add) {
  steps.forEach((s, si) => {
    if (s.points > c.maxPoints + EPS) {
      add('error', [...rp, 'steps', si, 'points'], 'points_exceed_max', {
        points: s.points,
        max: c.maxPoints,
      });
    }
    if (si === 0) return;
    const prev = steps[si - 1];
    if (s.min <= prev.min || s.points < prev.points) {
      add('error', [...rp, 'steps', si], 'steps_not_monotonic', { min: s.min, previousMin: prev.min });
    }
  });
  const top = Math.max(...steps.map((s) => s.points));
  if (top < c.maxPoints - EPS) add('warning', rp, 'max_unreachable', { best: top, max: c.maxPoints });
}

function checkBands(fw: Framework, add: Add) {
  const seen = new Set<number>();
  fw.bands.forEach((b, bi) => {
    if (seen.has(b.minValue)) add('error', ['bands', bi, 'minValue'], 'duplicate_band_threshold');
    seen.add(b.minValue);
    if (bi > 0 && b.minValue < fw.bands[bi - 1].minValue)
      add('error', ['bands', bi, 'minValue'], 'bands_not_ascending');
  });
  if (fw.bands.length > 0 && Math.min(...fw.bands.map((b) => b.minValue)) > 0) {
    add('warning', ['bands'], 'lowest_band_above_zero');
  }
}

function componentPaths(fw: Framework): Map<string, { c: Component; path: Path }> {
  const out = new Map<string, { c: Component; path: Path }>();
  fw.groups.forEach((g, gi) => {
    g.mainIndices.forEach((m, mi) => {
      m.components.forEach((c, ci) => {
        if (!out.has(c.code))
          out.set(c.code, { c, path: ['groups', gi, 'mainIndices', mi, 'components', ci] });
      });
    });
  });
  return out;
}

function checkFormulas(fw: Framework, add: Add) {
  const comps = componentPaths(fw);
  for (const [code, { c, path }] of comps) {
    if (c.rule.kind !== 'formula') continue;
    const ep = [...path, 'rule', 'expression'];
    try {
      for (const ref of referencedCodes(parseExpression(c.rule.expression))) {
        if (!comps.has(ref)) add('error', ep, 'formula_unknown_code', { code: ref, in: code });
      }
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      add('error', ep, 'formula_syntax', { reason: e.reason, position: e.position });
    }
  }
  const order = formulaOrder(fw);
  if (!order.ok) {
    const at = comps.get(order.cycle[0]);
    add('error', at ? [...at.path, 'rule', 'expression'] : [], 'formula_cycle', {
      cycle: order.cycle.join(' → '),
    });
  }
}

export type FormulaOrder = { ok: true; order: string[] } | { ok: false; cycle: string[] };

// Topological order of formula components (depth-first); on a cycle, returns its path, e.g. [A, B, A].
// Unparseable formulas and unknown codes are ignored here; checkFormulas reports them.
export function formulaOrder(fw: Framework): FormulaOrder {
  const deps = new Map<string, string[]>();
  for (const { c } of componentPaths(fw).values()) {
    if (c.rule.kind !== 'formula') continue;
    try {
      deps.set(c.code, [...referencedCodes(parseExpression(c.rule.expression))]);
    } catch {
      deps.set(c.code, []);
    }
  }
  const state = new Map<string, 1 | 2>(); // 1 visiting, 2 done
  const order: string[] = [];
  const stack: string[] = [];
  const visit = (code: string): string[] | null => {
    const s = state.get(code);
    if (s === 2) return null;
    if (s === 1) return [...stack.slice(stack.indexOf(code)), code];
    state.set(code, 1);
    stack.push(code);
    for (const d of deps.get(code) ?? []) {
      if (!deps.has(d)) continue;
      const cycle = visit(d);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(code, 2);
    order.push(code);
    return null;
  };
  for (const code of deps.keys()) {
    const cycle = visit(code);
    if (cycle) return { ok: false, cycle };
  }
  return { ok: true, order };
}

function checkConsistencyRules(fw: Framework, add: Add) {
  const comps = componentPaths(fw);
  const seen = new Set<string>();
  (fw.consistencyRules ?? []).forEach((rule, ri) => {
    const path = ['consistencyRules', ri];
    if (seen.has(rule.code)) add('error', [...path, 'code'], 'duplicate_code', { code: rule.code });
    seen.add(rule.code);
    try {
      for (const ref of comparisonCodes(parseComparison(rule.expression))) {
        if (!comps.has(ref))
          add('error', [...path, 'expression'], 'consistency_unknown_code', { code: ref, in: rule.code });
      }
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      add('error', [...path, 'expression'], 'consistency_syntax', { reason: e.reason, position: e.position });
    }
  });
}
