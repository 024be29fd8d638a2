import type { Framework, ScoreStatus, UnitValues } from '../contracts/measure-framework.js';
import { PILLARS } from '../contracts/measure-framework.js';
import { appliesToUnit, type CompiledFramework, compiledOf } from './compile.js';
import { numericValueOf } from './rules.js';
import { type FastRule, fastRuleOf, NOT_APPLICABLE, NOT_EVALUABLE } from './rules-fast.js';
import type { ScoringContext, UnitScoreVector } from './scoring.js';

// Columnar batch scoring for a whole period (thousands of units): no per-component objects, no
// explanations; totals and rollups in typed arrays. Use scoreUnit for one unit's explained result.

export const STATUS_CODES: readonly ScoreStatus[] = ['scored', 'not_applicable', 'missing', 'not_evaluable'];
const SCORED = 0;
const NA = 1;
const MISSING = 2;
const NOT_EVAL = 3;

export interface BatchUnit {
  values: UnitValues;
  context?: ScoringContext;
}

export interface NodeColumns {
  codes: string[];
  // Row-major [unit × node].
  points: Float64Array;
  applicableMax: Float64Array;
  // points ÷ applicableMax, NaN when nothing applies.
  values: Float64Array;
}

export interface BatchResult {
  unitCount: number;
  componentCodes: string[];
  // Row-major [unit × component], in framework tree order.
  points: Float64Array;
  status: Uint8Array; // index into STATUS_CODES
  mainIndices: NodeColumns;
  groups: NodeColumns;
  pillars: NodeColumns;
  total: NodeColumns;
}

interface FastPlan {
  rules: FastRule[];
  // Components read by some formula: only their numeric values need computing.
  isFormulaInput: Uint8Array;
}
const fastCache = new WeakMap<CompiledFramework['components'], FastPlan>();
function fastPlan(compiled: CompiledFramework): FastPlan {
  let plan = fastCache.get(compiled.components);
  if (!plan) {
    const isFormulaInput = new Uint8Array(compiled.components.length);
    for (const c of compiled.components) for (const i of c.formula?.inputs ?? []) isFormulaInput[i] = 1;
    plan = { rules: compiled.components.map((c) => fastRuleOf(c.component)), isFormulaInput };
    fastCache.set(compiled.components, plan);
  }
  return plan;
}

// Fractions and statuses of one unit, written into the given rows. Mirrors evaluateInto in scoring.ts.
export function fastScoreInto(
  compiled: CompiledFramework,
  unit: BatchUnit,
  fractions: Float64Array,
  status: Uint8Array,
  offset = 0,
  scratch?: Float64Array,
): void {
  const { rules, isFormulaInput } = fastPlan(compiled);
  const n = compiled.components.length;
  const vec = scratch ?? new Float64Array(n);
  vec.fill(Number.NaN);
  const order = compiled.evaluationOrder;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const cc = compiled.components[i];
    const value = unit.values[cc.code];
    let f = 0;
    let s = SCORED;
    if (!appliesToUnit(cc, unit.context) || (value && 'notApplicable' in value)) s = NA;
    else if (cc.formula) {
      const x = cc.formula.evaluate(vec);
      if (!Number.isFinite(x)) {
        s = NOT_EVAL;
        // Same precedence as scoring.ts: the first input that is not scored decides.
        for (const j of cc.formula.inputs) {
          const sj = status[offset + j];
          if (sj === SCORED) continue;
          s = sj === MISSING ? MISSING : NOT_EVAL;
          break;
        }
      } else {
        vec[i] = x;
        const max = cc.component.maxPoints;
        const raw = cc.formula.result === 'points' ? (max > 0 ? x / max : 0) : x;
        f = cc.component.informational || max === 0 ? 0 : Math.max(0, Math.min(1, raw));
      }
    } else if (value === null || value === undefined) s = MISSING;
    else {
      if (isFormulaInput[i]) {
        const num = numericValueOf(cc.component, value);
        if (num !== undefined) vec[i] = num;
      }
      f = rules[i](value);
      if (f === NOT_EVALUABLE) {
        f = 0;
        s = NOT_EVAL;
      } else if (f === NOT_APPLICABLE) {
        f = 0;
        s = NA;
      }
    }
    fractions[offset + i] = f;
    status[offset + i] = s;
  }
}

export function fastScoreVector(compiled: CompiledFramework, unit: BatchUnit): UnitScoreVector {
  const n = compiled.components.length;
  const fractions = new Float64Array(n);
  const status = new Uint8Array(n);
  fastScoreInto(compiled, unit, fractions, status);
  const applicable = new Uint8Array(n);
  for (let i = 0; i < n; i++) applicable[i] = status[i] === NA ? 0 : 1;
  return { fractions, applicable };
}

function columns(codes: string[], units: number): NodeColumns {
  const size = codes.length * units;
  return {
    codes,
    points: new Float64Array(size),
    applicableMax: new Float64Array(size),
    values: new Float64Array(size),
  };
}

export function scoreBatch(
  framework: Framework | CompiledFramework,
  units: readonly BatchUnit[],
): BatchResult {
  const compiled = compiledOf(framework);
  const n = compiled.components.length;
  const u = units.length;
  const fractions = new Float64Array(u * n);
  const status = new Uint8Array(u * n);
  const points = new Float64Array(u * n);
  const m = columns(
    compiled.mainIndices.map((x) => x.code),
    u,
  );
  const g = columns(
    compiled.groups.map((x) => x.code),
    u,
  );
  const p = columns([...PILLARS], u);
  const t = columns(['total'], u);
  const w = compiled.weights;
  const add = (cols: NodeColumns, row: number, node: number, pts: number, max: number) => {
    const at = row * cols.codes.length + node;
    cols.points[at] += pts;
    cols.applicableMax[at] += max;
  };
  const scratch = new Float64Array(n);
  for (let r = 0; r < u; r++) {
    const off = r * n;
    fastScoreInto(compiled, units[r], fractions, status, off, scratch);
    for (let i = 0; i < n; i++) {
      const pts = fractions[off + i] * w[i];
      const max = status[off + i] === NA ? 0 : w[i];
      points[off + i] = pts;
      add(m, r, compiled.mainIndexOf[i], pts, max);
      add(g, r, compiled.groupOf[i], pts, max);
      if (compiled.pillarOf[i] >= 0) add(p, r, compiled.pillarOf[i], pts, max);
      add(t, r, 0, pts, max);
    }
  }
  for (const cols of [m, g, p, t]) {
    for (let k = 0; k < cols.points.length; k++) {
      cols.values[k] = cols.applicableMax[k] > 0 ? cols.points[k] / cols.applicableMax[k] : Number.NaN;
    }
  }
  return {
    unitCount: u,
    componentCodes: compiled.components.map((c) => c.code),
    points,
    status,
    mainIndices: m,
    groups: g,
    pillars: p,
    total: t,
  };
}
