import type { Component, Framework, UnitResult, UnitValues } from '../contracts/measure-framework.js';
import { type CompiledFramework, compiledOf, reweight, withWeights } from './compile.js';
import { type PointOverrides, scoreUnitWithPoints, withoutOverrides } from './overrides.js';
import { type RankInput, rankUnits } from './ranking.js';
import type { ScoringContext } from './scoring.js';

// Unit-facing analyses: where the next points are, and what-if sandboxes. All pure; nothing is stored.

export interface GainOpportunity {
  code: string;
  name: string;
  mainIndexCode: string;
  points: number;
  maxPoints: number;
  // Points still available on this component, and what they add to the unit's 0–1 value.
  gain: number;
  valueGain: number;
  // The next achievable level for step and choice rules (null when the rule is continuous or at top).
  nextLevel: { points: number; gain: number; threshold: number | string } | null;
  status: UnitResult['components'][number]['status'];
}

function nextLevelOf(component: Component, points: number, scale: number): GainOpportunity['nextLevel'] {
  const rule = component.rule;
  if (rule.kind === 'steps') {
    const next = rule.steps.filter((s) => s.points * scale > points + 1e-9).sort((a, b) => a.min - b.min)[0];
    return next
      ? { points: next.points * scale, gain: next.points * scale - points, threshold: next.min }
      : null;
  }
  if (rule.kind === 'choice') {
    const better = rule.options
      .filter((o) => o.points * scale > points + 1e-9)
      .sort((a, b) => a.points - b.points);
    const next = better[0];
    return next
      ? { points: next.points * scale, gain: next.points * scale - points, threshold: next.value }
      : null;
  }
  return null;
}

export function gainOpportunities(
  framework: Framework | CompiledFramework,
  unitResult: UnitResult,
): GainOpportunity[] {
  const compiled = compiledOf(framework);
  const applicableMax = unitResult.total.applicableMax;
  const out: GainOpportunity[] = [];
  unitResult.components.forEach((r) => {
    const idx = compiled.codeIndex.get(r.code);
    if (idx === undefined || r.status === 'not_applicable' || r.maxPoints <= 0) return;
    const gain = r.maxPoints - r.points;
    if (gain <= 1e-9) return;
    const component = compiled.components[idx].component;
    const scale = component.maxPoints > 0 ? r.maxPoints / component.maxPoints : 0;
    out.push({
      code: r.code,
      name: component.name,
      mainIndexCode: compiled.mainIndices[compiled.mainIndexOf[idx]].code,
      points: r.points,
      maxPoints: r.maxPoints,
      gain,
      valueGain: applicableMax > 0 ? gain / applicableMax : 0,
      nextLevel: nextLevelOf(component, r.points, scale),
      status: r.status,
    });
  });
  return out.sort((a, b) => b.gain - a.gain || a.code.localeCompare(b.code));
}

export interface WhatIfOptions {
  context?: ScoringContext;
  // The appraiser's direct points by code, so the baseline is the unit's real score. A component whose value
  // the sandbox changes (or clears) loses its override: the question is "what if this value were X".
  pointOverrides?: PointOverrides;
  // Other units' current values, to report the rank before and after (the unit itself is replaced).
  peers?: readonly RankInput[];
  unitId?: string | number;
  unitName?: string;
}

export interface WhatIfResult {
  before: UnitResult;
  after: UnitResult;
  deltaPoints: number;
  deltaValue: number | null;
  rankBefore: number | null;
  rankAfter: number | null;
}

function rankAmong(peers: readonly RankInput[], self: RankInput): number | null {
  const others = peers.filter((p) => p.unitId !== self.unitId);
  return rankUnits([...others, self]).find((r) => r.unitId === self.unitId)?.rank ?? null;
}

// Sandbox: value overrides (a value of null clears the entry) and weight overrides by component, main index
// or group code; appraised points (options.pointOverrides) hold except where a value is overridden. Peers are ranked with their given values; reweighting them is the caller's choice.
export function whatIf(
  framework: Framework | CompiledFramework,
  values: UnitValues,
  overrides: UnitValues = {},
  weightOverrides: Record<string, number> = {},
  options: WhatIfOptions = {},
): WhatIfResult {
  const compiled = compiledOf(framework);
  const points = options.pointOverrides;
  const before = scoreUnitWithPoints(compiled, values, options.context, points);
  const sandbox =
    Object.keys(weightOverrides).length > 0
      ? withWeights(compiled, reweight(compiled, weightOverrides))
      : compiled;
  const after = scoreUnitWithPoints(
    compiled,
    { ...values, ...overrides },
    options.context,
    withoutOverrides(points, Object.keys(overrides)),
    sandbox,
  );
  const self = (v: number | null): RankInput => ({
    unitId: options.unitId ?? '__self__',
    name: options.unitName ?? '',
    value: v,
  });
  const peers = options.peers;
  return {
    before,
    after,
    deltaPoints: after.total.points - before.total.points,
    deltaValue:
      after.total.value !== null && before.total.value !== null
        ? after.total.value - before.total.value
        : null,
    rankBefore: peers ? rankAmong(peers, self(before.total.value)) : null,
    rankAfter: peers ? rankAmong(peers, self(after.total.value)) : null,
  };
}
