import type { Framework, UnitValues } from '../contracts/measure-framework.js';
import { type CompiledFramework, compiledOf, reweight, withWeights } from './compile.js';
import { fastVectorWithPoints, type PointOverrides } from './overrides.js';
import { competitionRanks } from './ranking.js';
import { rollUp, type ScoringContext, type UnitScoreVector } from './scoring.js';

// Rank robustness (OECD/JRC handbook step 8): rank intervals under random weight perturbation (Monte Carlo)
// and leave-one-component-out. Each unit is scored once into fractions; every run only reweights, so
// thousands of runs stay cheap.

export interface RobustnessUnit {
  unitId: string | number;
  name: string;
  values: UnitValues;
  context?: ScoringContext;
  // Units are ranked within their peer group (departments, communes, wards…); absent → one ranking.
  peerGroup?: string | null;
  // The appraiser's direct points by code, as in the real ranking (a share of the base maximum, kept when
  // a run reweights).
  pointOverrides?: PointOverrides;
}

// Competition ranks within each peer group (units without a group form one group together).
function peerRanker(units: readonly RobustnessUnit[]): (totals: Float64Array) => Int32Array {
  const groups = new Map<string, number[]>();
  units.forEach((u, i) => {
    const key = u.peerGroup ?? '';
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  if (groups.size <= 1) return competitionRanks;
  const members = [...groups.values()].map((list) => Int32Array.from(list));
  return (totals) => {
    const ranks = new Int32Array(totals.length);
    for (const idx of members) {
      const sub = competitionRanks(Float64Array.from(idx, (i) => totals[i]));
      idx.forEach((i, k) => {
        ranks[i] = sub[k];
      });
    }
    return ranks;
  };
}

export interface PerturbationOptions {
  runs?: number;
  // Each weight is multiplied by a factor drawn uniformly from [1 − spread, 1 + spread].
  spread?: number;
  seed?: number;
  // 'mainIndex' perturbs whole main indices (the usual debate); 'component' perturbs each component.
  level?: 'mainIndex' | 'component';
}

export interface RankInterval {
  unitId: string | number;
  name: string;
  baseValue: number | null;
  baseRank: number;
  min: number;
  p5: number;
  median: number;
  p95: number;
  max: number;
}

// mulberry32: small, fast, and the same sequence on every platform for a given seed.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function totalsFor(weights: Float64Array, vectors: UnitScoreVector[]): Float64Array {
  const totals = new Float64Array(vectors.length);
  for (let u = 0; u < vectors.length; u++) {
    const { fractions, applicable } = vectors[u];
    let pts = 0;
    let max = 0;
    for (let i = 0; i < weights.length; i++) {
      if (!applicable[i]) continue;
      pts += fractions[i] * weights[i];
      max += weights[i];
    }
    totals[u] = max > 0 ? pts / max : Number.NaN;
  }
  return totals;
}

const percentile = (sorted: Int32Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

function vectorsOf(compiled: CompiledFramework, units: readonly RobustnessUnit[]) {
  return units.map((u) => fastVectorWithPoints(compiled, u, u.pointOverrides));
}

/**
 * Each unit's total value 0–1 (NaN when nothing applies), appraised points applied, optionally under weight
 * overrides by component, main index or group code: the same numbers the ranking ranks.
 */
export function totalValues(
  framework: Framework | CompiledFramework,
  units: readonly RobustnessUnit[],
  weightOverrides: Record<string, number> = {},
): Float64Array {
  const compiled = compiledOf(framework);
  const weights = Object.keys(weightOverrides).length
    ? reweight(compiled, weightOverrides)
    : compiled.weights;
  return totalsFor(weights, vectorsOf(compiled, units));
}

export function perturbationRobustness(
  framework: Framework | CompiledFramework,
  units: readonly RobustnessUnit[],
  options: PerturbationOptions = {},
): { runs: number; spread: number; seed: number; units: RankInterval[] } {
  const compiled = compiledOf(framework);
  const runs = Math.max(1, Math.min(10_000, Math.floor(options.runs ?? 500)));
  const spread = Math.max(0, Math.min(0.99, options.spread ?? 0.2));
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const vectors = vectorsOf(compiled, units);
  const base = compiled.weights;
  const baseTotals = totalsFor(base, vectors);
  const rank = peerRanker(units);
  const baseRanks = rank(baseTotals);
  const byUnit = units.map(() => new Int32Array(runs));
  const groupCount = options.level === 'component' ? base.length : compiled.mainIndices.length;
  const groupOf = (i: number) => (options.level === 'component' ? i : compiled.mainIndexOf[i]);
  const factors = new Float64Array(groupCount);
  const w = new Float64Array(base.length);
  for (let r = 0; r < runs; r++) {
    for (let g = 0; g < groupCount; g++) factors[g] = 1 - spread + 2 * spread * random();
    for (let i = 0; i < base.length; i++) w[i] = base[i] * factors[groupOf(i)];
    const ranks = rank(totalsFor(w, vectors));
    for (let u = 0; u < units.length; u++) byUnit[u][r] = ranks[u];
  }
  return {
    runs,
    spread,
    seed,
    units: units.map((u, i) => {
      const sorted = byUnit[i].sort();
      return {
        unitId: u.unitId,
        name: u.name,
        baseValue: Number.isFinite(baseTotals[i]) ? baseTotals[i] : null,
        baseRank: baseRanks[i],
        min: sorted[0],
        p5: percentile(sorted, 5),
        median: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted[sorted.length - 1],
      };
    }),
  };
}

export interface DropOneResult {
  code: string;
  maxAbsShift: number;
  meanAbsShift: number;
  changes: { unitId: string | number; baseRank: number; rank: number; shift: number }[];
}

// Leave-one-out: the ranking recomputed with each scored component removed (its maximum dropped for every
// unit, as if not applicable). Components sorted by the largest rank shift they cause.
export function dropOneComponent(
  framework: Framework | CompiledFramework,
  units: readonly RobustnessUnit[],
): { baseRanks: { unitId: string | number; rank: number }[]; components: DropOneResult[] } {
  const compiled = compiledOf(framework);
  const vectors = vectorsOf(compiled, units);
  const rank = peerRanker(units);
  const baseRanks = rank(totalsFor(compiled.weights, vectors));
  const components: DropOneResult[] = [];
  compiled.components.forEach((cc, idx) => {
    if (compiled.weights[idx] <= 0) return;
    const w = Float64Array.from(compiled.weights);
    w[idx] = 0;
    const ranks = rank(totalsFor(w, vectors));
    let maxAbs = 0;
    let sumAbs = 0;
    const changes: DropOneResult['changes'] = [];
    units.forEach((u, i) => {
      const shift = baseRanks[i] - ranks[i]; // positive = moves up
      maxAbs = Math.max(maxAbs, Math.abs(shift));
      sumAbs += Math.abs(shift);
      if (shift !== 0) changes.push({ unitId: u.unitId, baseRank: baseRanks[i], rank: ranks[i], shift });
    });
    components.push({
      code: cc.code,
      maxAbsShift: maxAbs,
      meanAbsShift: units.length ? sumAbs / units.length : 0,
      changes,
    });
  });
  components.sort(
    (a, b) =>
      b.maxAbsShift - a.maxAbsShift || b.meanAbsShift - a.meanAbsShift || a.code.localeCompare(b.code),
  );
  return { baseRanks: units.map((u, i) => ({ unitId: u.unitId, rank: baseRanks[i] })), components };
}

// Exposed for callers that want full rollups under a custom weight vector (e.g. a robustness drill-down).
export function rollUpWithWeights(
  compiled: CompiledFramework,
  weights: Float64Array,
  vector: UnitScoreVector,
) {
  return rollUp(withWeights(compiled, weights), vector);
}
