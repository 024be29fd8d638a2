import type { Band, Component, Framework, Pillar } from '../contracts/measure-framework.js';
import { PILLARS } from '../contracts/measure-framework.js';
import { compileExpression, parseExpression, referencedCodes } from './expression.js';
import { formulaOrder } from './validate.js';

// A framework flattened into arrays so that scoring thousands of units is a tight loop: components in tree
// order, their main index / group / pillar as integer indices, effective weights (max points) in a typed
// array, and formulas compiled to closures in dependency order.

export interface CompiledComponent {
  index: number;
  code: string;
  component: Component;
  pillar: Pillar | null;
  appliesKinds: ReadonlySet<string> | null;
  appliesGroups: ReadonlySet<string> | null;
  // Formula components only: the compiled expression and the indices it reads.
  formula?: { evaluate: (v: Float64Array) => number; inputs: number[]; result: 'fraction' | 'points' };
}

export interface CompiledNode {
  code: string;
  name: string;
}

export interface CompiledFramework {
  framework: Framework;
  components: CompiledComponent[];
  codeIndex: ReadonlyMap<string, number>;
  // Non-formula components first (tree order), then formulas in dependency order.
  evaluationOrder: Int32Array;
  // Effective maximum points per component; what-if and robustness swap this array, nothing else.
  weights: Float64Array;
  mainIndexOf: Int32Array;
  groupOf: Int32Array;
  pillarOf: Int32Array; // index into PILLARS, -1 for none
  mainIndices: CompiledNode[];
  groups: CompiledNode[];
  bands: Band[]; // ascending by minValue
}

// Kinds and groups are alternatives. Without any description of the unit nothing can be excluded; callers
// are expected to pass one.
export function appliesToUnit(
  cc: Pick<CompiledComponent, 'appliesKinds' | 'appliesGroups'>,
  unit: { unitKind?: string | null; unitGroups?: readonly string[] | null } | undefined,
): boolean {
  if (!cc.appliesKinds && !cc.appliesGroups) return true;
  const kind = unit?.unitKind;
  const groups = unit?.unitGroups;
  if (!kind && (!groups || groups.length === 0)) return true;
  if (kind && cc.appliesKinds?.has(kind)) return true;
  return !!groups && !!cc.appliesGroups && groups.some((g) => cc.appliesGroups?.has(g));
}

export class FrameworkCompileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function applicabilitySets(c: Component) {
  const kinds = c.appliesTo?.unitKinds;
  const groups = c.appliesTo?.unitGroups;
  return {
    appliesKinds: kinds && kinds.length > 0 ? new Set<string>(kinds) : null,
    appliesGroups: groups && groups.length > 0 ? new Set<string>(groups) : null,
  };
}

export function compileFramework(
  framework: Framework,
  weightOverrides?: Record<string, number>,
): CompiledFramework {
  const components: CompiledComponent[] = [];
  const mainIndexOf: number[] = [];
  const groupOf: number[] = [];
  const mainIndices: CompiledNode[] = [];
  const groups: CompiledNode[] = [];
  framework.groups.forEach((g, gi) => {
    groups.push({ code: g.code, name: g.name });
    for (const m of g.mainIndices) {
      const mi = mainIndices.length;
      mainIndices.push({ code: m.code, name: m.name });
      for (const c of m.components) {
        const pillar = c.pillar === undefined ? m.pillar : c.pillar;
        components.push({
          index: components.length,
          code: c.code,
          component: c,
          pillar,
          ...applicabilitySets(c),
        });
        mainIndexOf.push(mi);
        groupOf.push(gi);
      }
    }
  });
  const codeIndex = new Map(components.map((c) => [c.code, c.index]));
  if (codeIndex.size !== components.length) throw new FrameworkCompileError('duplicate_component_code');

  const order = formulaOrder(framework);
  if (!order.ok) throw new FrameworkCompileError(`formula_cycle: ${order.cycle.join(' → ')}`);
  for (const cc of components) {
    const rule = cc.component.rule;
    if (rule.kind !== 'formula') continue;
    let expr: ReturnType<typeof parseExpression>;
    try {
      expr = parseExpression(rule.expression);
    } catch (e) {
      throw new FrameworkCompileError(`formula_syntax: ${cc.code}: ${(e as Error).message}`);
    }
    const indexOf = (code: string) => codeIndex.get(code) ?? -1;
    const inputs = [...referencedCodes(expr)].map(indexOf);
    if (inputs.some((i) => i < 0)) throw new FrameworkCompileError(`unknown_code_in_formula: ${cc.code}`);
    cc.formula = { evaluate: compileExpression(expr, indexOf), inputs, result: rule.result ?? 'fraction' };
  }
  const formulaIdx = order.order.map((code) => codeIndex.get(code) as number);
  const plain = components.filter((c) => !c.formula).map((c) => c.index);

  const compiled: CompiledFramework = {
    framework,
    components,
    codeIndex,
    evaluationOrder: Int32Array.from([...plain, ...formulaIdx]),
    weights: Float64Array.from(components.map((c) => effectiveMax(c.component))),
    mainIndexOf: Int32Array.from(mainIndexOf),
    groupOf: Int32Array.from(groupOf),
    pillarOf: Int32Array.from(components.map((c) => (c.pillar ? PILLARS.indexOf(c.pillar) : -1))),
    mainIndices,
    groups,
    bands: [...framework.bands].sort((a, b) => a.minValue - b.minValue),
  };
  if (weightOverrides && Object.keys(weightOverrides).length > 0) {
    return withWeights(compiled, reweight(compiled, weightOverrides));
  }
  return compiled;
}

function effectiveMax(c: Component): number {
  return c.informational || c.rule.kind === 'none' ? 0 : c.maxPoints;
}

export function withWeights(compiled: CompiledFramework, weights: Float64Array): CompiledFramework {
  if (weights.length !== compiled.weights.length) throw new FrameworkCompileError('weights_length_mismatch');
  return { ...compiled, weights };
}

function scaleTo(weights: Float64Array, members: number[], target: number): void {
  const sum = members.reduce((s, i) => s + weights[i], 0);
  if (sum > 0) {
    for (const i of members) weights[i] = (weights[i] * target) / sum;
  } else if (members.length > 0) {
    // Nothing to scale proportionally (all zero): share the new maximum equally among scorable members.
    for (const i of members) weights[i] = target / members.length;
  }
}

// Weight overrides by code: a component's new maximum, or a main index's / group's new maximum, which is
// spread over its components in proportion to their current maxima. Components first, then main indices,
// then groups, so a broader override keeps the proportions set by a narrower one.
export function reweight(compiled: CompiledFramework, overrides: Record<string, number>): Float64Array {
  const w = Float64Array.from(compiled.weights);
  const scorable = (i: number) => {
    const c = compiled.components[i].component;
    return !c.informational && c.rule.kind !== 'none';
  };
  const valid = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  compiled.components.forEach((c, i) => {
    const o = overrides[c.code];
    if (valid(o) && scorable(i)) w[i] = o;
  });
  compiled.mainIndices.forEach((m, mi) => {
    const o = overrides[m.code];
    if (!valid(o)) return;
    const members = compiled.components.filter(
      (c) => compiled.mainIndexOf[c.index] === mi && scorable(c.index),
    );
    scaleTo(
      w,
      members.map((c) => c.index),
      o,
    );
  });
  compiled.groups.forEach((g, gi) => {
    const o = overrides[g.code];
    if (!valid(o)) return;
    const members = compiled.components.filter((c) => compiled.groupOf[c.index] === gi && scorable(c.index));
    scaleTo(
      w,
      members.map((c) => c.index),
      o,
    );
  });
  return w;
}

const cache = new WeakMap<Framework, CompiledFramework>();

export function compiledOf(framework: Framework | CompiledFramework): CompiledFramework {
  if ('evaluationOrder' in framework) return framework;
  let c = cache.get(framework);
  if (!c) {
    c = compileFramework(framework);
    cache.set(framework, c);
  }
  return c;
}
