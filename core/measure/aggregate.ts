import { type Band, PILLARS } from '../contracts/measure-framework.js';
import type { CompiledFramework } from './compile.js';
import { bandFor, type UnitScoreVector } from './scoring.js';

// A unit's result is a sum of its components' contributions (points earned, maximum that applies), so a whole
// period can be re-aggregated from stored contributions, by the database, without evaluating any rule again.
// Only a change of the framework's rules needs the rules evaluated again (scoreBatch).

/** What each component adds to its main index, pillar and total: points and the maximum that applies. */
export interface Contributions {
  points: Float64Array;
  applicableMax: Float64Array;
}

export function contributionsOf(compiled: CompiledFramework, vector: UnitScoreVector): Contributions {
  const w = compiled.weights;
  const points = new Float64Array(w.length);
  const applicableMax = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    points[i] = vector.fractions[i] * w[i];
    applicableMax[i] = vector.applicable[i] ? w[i] : 0;
  }
  return { points, applicableMax };
}

/**
 * Layout of a unit's node sums: [points, applicableMax] for each main index in framework order, then for each
 * pillar in PILLARS order. The total is the sum over main indices (every component has exactly one).
 */
export const nodeSlotCount = (compiled: CompiledFramework) => compiled.mainIndices.length + PILLARS.length;

/** Adds one unit's contributions into its node sums (the database does the same with SUM … GROUP BY). */
export function sumContributions(compiled: CompiledFramework, c: Contributions): Float64Array {
  const m = compiled.mainIndices.length;
  const sums = new Float64Array(2 * nodeSlotCount(compiled));
  for (let i = 0; i < c.points.length; i++) {
    const main = compiled.mainIndexOf[i];
    sums[2 * main] += c.points[i];
    sums[2 * main + 1] += c.applicableMax[i];
    const pillar = compiled.pillarOf[i];
    if (pillar >= 0) {
      sums[2 * (m + pillar)] += c.points[i];
      sums[2 * (m + pillar) + 1] += c.applicableMax[i];
    }
  }
  return sums;
}

export interface AggregatedNode {
  code: string;
  points: number;
  applicableMax: number;
  value: number | null;
}

export interface AggregatedResult {
  total: AggregatedNode;
  mainIndices: AggregatedNode[];
  pillars: AggregatedNode[];
  band: Band | null;
}

const nodeOf = (code: string, points: number, applicableMax: number): AggregatedNode => ({
  code,
  points,
  applicableMax,
  value: applicableMax > 0 ? points / applicableMax : null,
});

/** A unit's main indices, pillars, total and band from its node sums (layout of nodeSlotCount). */
export function resultFromSums(
  compiled: CompiledFramework,
  sums: ArrayLike<number>,
  offset = 0,
): AggregatedResult {
  const m = compiled.mainIndices.length;
  let points = 0;
  let applicableMax = 0;
  const mainIndices = compiled.mainIndices.map((x, i) => {
    const p = sums[offset + 2 * i];
    const a = sums[offset + 2 * i + 1];
    points += p;
    applicableMax += a;
    return nodeOf(x.code, p, a);
  });
  const pillars = PILLARS.map((code, k) =>
    nodeOf(code, sums[offset + 2 * (m + k)], sums[offset + 2 * (m + k) + 1]),
  );
  const total = nodeOf('total', points, applicableMax);
  return { total, mainIndices, pillars, band: bandFor(compiled.bands, total.value) };
}
