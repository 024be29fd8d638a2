import type { PeriodResults } from '../../../../core/contracts/measure.js';
import type {
  RobustnessQuery,
  ScoreSummary,
  WhatIfBody,
} from '../../../../core/contracts/measure-analysis.js';
import type { Framework, UnitResult, UnitValues } from '../../../../core/contracts/measure-framework.js';
import { whatIf } from '../../../../core/measure/analysis.js';
import { frameworkForYear } from '../../../../core/measure/deadlines.js';
import { rankUnits } from '../../../../core/measure/ranking.js';
import {
  dropOneComponent,
  perturbationRobustness,
  totalValues,
} from '../../../../core/measure/robustness.js';
import { componentsOf, effectiveValuesOf, parseDefinition } from '../../../../core/measure/values.js';
import { measureUnitKind, peerGroupOf } from '../../../../core/units/kind.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, type FieldError, notFound } from '../../../lib/errors.js';
import { createLru } from '../../../lib/lru.js';
import { canReadUnit } from '../measure.policy.js';
import type { AnalysisDeps, AnalysisService, AnalysisUnit } from '../measure.types.js';
import { loadSubmissionContext } from '../submissions/submission-context.js';
import { unitsFromSnapshot } from './analysis.snapshot-units.js';

// Analysis over results, never writing anything: the what-if sandbox for one unit, and the robustness of a
// published ranking (Monte Carlo rank intervals under weight perturbation, leave-one-component-out).
// Robustness is deterministic for (snapshot, runs, spread, seed, level), so answers are cached per snapshot.

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function summarise(result: UnitResult): ScoreSummary {
  return {
    points: round(result.total.points),
    applicableMax: round(result.total.applicableMax),
    value: result.total.value === null ? null : round(result.total.value),
    band: result.band ? { code: result.band.code, name: result.band.name } : null,
    mainIndices: result.mainIndices.map((m) => ({
      code: m.code,
      points: round(m.points),
      value: m.value === null ? null : round(m.value),
    })),
  };
}

function nodeCodes(framework: Framework): Set<string> {
  const codes = new Set<string>();
  for (const g of framework.groups) {
    codes.add(g.code);
    for (const m of g.mainIndices) {
      codes.add(m.code);
      for (const c of m.components) codes.add(c.code);
    }
  }
  return codes;
}

export function createAnalysisService(deps: AnalysisDeps): AnalysisService {
  const { periods, units, submissions, frameworks, snapshotValues, engine, guard, core } = deps;
  const cache = createLru<unknown>(64);

  /**
   * Approved units of a period scored as the ranking scores them: effective values (appraised where given),
   * the appraiser's direct points, and the unit's kind and groups (for appliesTo).
   */
  async function approvedUnits(periodId: number): Promise<AnalysisUnit[]> {
    const approved = (await submissions.listForPeriod(periodId)).filter((s) => s.status === 'approved');
    const groups = await periods.groupsByUnit(periodId);
    const bySubmission = new Map<number, Parameters<typeof effectiveValuesOf>[0]>();
    for (const r of await submissions.valuesForPeriod(periodId)) {
      const list = bySubmission.get(r.submissionId) ?? [];
      list.push(r);
      bySubmission.set(r.submissionId, list);
    }
    const rows = new Map((await units.findUnits(approved.map((s) => s.unitId))).map((u) => [u.id, u]));
    return approved.flatMap((s) => {
      const unit = rows.get(s.unitId);
      if (!unit) return [];
      const kind = measureUnitKind(unit);
      const { values, overrides } = effectiveValuesOf(bySubmission.get(s.id) ?? []);
      return [
        {
          unitId: unit.id,
          name: unit.name,
          values,
          pointOverrides: overrides,
          context: { unitKind: kind, unitGroups: groups.get(unit.id) ?? [] },
          peerGroup: peerGroupOf(kind),
        },
      ];
    });
  }

  function checkInput(framework: Framework, kind: ReturnType<typeof measureUnitKind>, body: WhatIfBody) {
    const known = new Set(componentsOf(framework).map((c) => c.code));
    const errors: FieldError[] = [];
    const present: UnitValues = {};
    for (const [code, value] of Object.entries(body.overrides)) {
      if (!known.has(code))
        errors.push({ field: `body.overrides.${code}`, code: 'measure.unknown_component' });
      else if (value) present[code] = value;
    }
    for (const issue of engine.checkValues(framework, present, { kind })) {
      const field = ['body.overrides', issue.componentCode, issue.field].filter(Boolean).join('.');
      errors.push({ field, code: issue.code, params: issue.params });
    }
    const nodes = nodeCodes(framework);
    for (const code of Object.keys(body.weights ?? {})) {
      if (!nodes.has(code)) errors.push({ field: `body.weights.${code}`, code: 'measure.unknown_component' });
    }
    if (errors.length) throw new AppError('VALIDATION', { fieldErrors: errors });
  }

  function peerValues(framework: Framework, peers: AnalysisUnit[], weights?: Record<string, number>) {
    const totals = totalValues(framework, peers, weights);
    return peers.map((p, i) => ({
      unitId: p.unitId,
      name: p.name,
      value: Number.isNaN(totals[i]) ? null : totals[i],
    }));
  }

  function rankOf(
    peers: ReturnType<typeof peerValues>,
    self: { unitId: number; name: string },
    value: number | null,
  ) {
    const field = [...peers.filter((p) => p.unitId !== self.unitId), { ...self, value }];
    return rankUnits(field).find((r) => r.unitId === self.unitId)?.rank ?? null;
  }

  async function sandbox(actor: Actor | null, periodId: number, unitId: number, body: WhatIfBody) {
    const ctx = await loadSubmissionContext(deps, actor, { periodId, unitId }, canReadUnit);
    const kind = ctx.scoringUnit.kind;
    checkInput(ctx.framework, kind, body);
    // The baseline is the unit's real score: appraised values and the appraiser's direct points included.
    const { values, overrides: pointOverrides } = effectiveValuesOf(ctx.rows);
    const overrides: UnitValues = {};
    for (const [code, value] of Object.entries(body.overrides)) overrides[code] = value ?? undefined;
    const r = whatIf(ctx.framework, values, overrides, body.weights ?? {}, {
      context: { unitKind: kind, unitGroups: ctx.scoringUnit.groups ?? [] },
      pointOverrides,
    });
    const group = peerGroupOf(kind);
    const peers = (await approvedUnits(periodId)).filter((u) => u.peerGroup === group);
    const self = { unitId, name: ctx.unit.name };
    const before = new Map(r.before.components.map((c) => [c.code, c.points]));
    return {
      periodId,
      unitId,
      peerCount: peers.filter((p) => p.unitId !== unitId).length + 1,
      before: summarise(r.before),
      after: summarise(r.after),
      deltaPoints: round(r.deltaPoints),
      deltaValue: r.deltaValue === null ? null : round(r.deltaValue),
      rankBefore: rankOf(peerValues(ctx.framework, peers), self, r.before.total.value),
      rankAfter: rankOf(peerValues(ctx.framework, peers, body.weights), self, r.after.total.value),
      changedComponents: r.after.components
        .filter((c) => Math.abs(c.points - (before.get(c.code) ?? 0)) > 1e-9)
        .map((c) => ({ code: c.code, before: round(before.get(c.code) ?? 0), after: round(c.points) })),
    };
  }

  /** The published snapshot a robustness answer is about, after the staff check on the period's root. */
  async function publishedBasis(actor: Actor | null, periodId: number) {
    const { entity: period } = await guard.forEntity(
      actor,
      canReadUnit,
      () => periods.find(periodId),
      (p) => p.rootUnitId,
    );
    const snapshot = await core.latestResults(periodId);
    if (!snapshot) throw notFound('measure.not_published');
    const row = await frameworks.find(snapshot.frameworkId);
    if (!row) throw notFound();
    return { period, snapshot, framework: frameworkForYear(parseDefinition(row), period.year) };
  }

  async function cached<T>(key: string, make: () => Promise<T>): Promise<T> {
    const hit = cache.get(key) as T | undefined;
    if (hit !== undefined) return hit;
    const value = await make();
    cache.set(key, value);
    return value;
  }

  async function snapshotUnits(snapshot: { id: number; results: PeriodResults }, periodId: number) {
    const stored = await snapshotValues.valuesOfSnapshot(snapshot.id);
    if (stored.length)
      return unitsFromSnapshot(snapshot.results, stored, await periods.groupsByUnit(periodId));
    // Snapshots published before their component values were stored: today's values of the units ranked.
    const inSnapshot = new Set(snapshot.results.units.map((u) => u.unitId));
    return (await approvedUnits(periodId)).filter((u) => inSnapshot.has(u.unitId));
  }

  async function robustness(actor: Actor | null, periodId: number, q: RobustnessQuery) {
    const { snapshot, framework } = await publishedBasis(actor, periodId);
    const key = `rob:${snapshot.id}:${q.runs}:${q.spread}:${q.seed}:${q.level}`;
    return cached(key, async () => {
      const list = await snapshotUnits(snapshot, periodId);
      const r = perturbationRobustness(framework, list, q);
      return {
        periodId,
        snapshotId: snapshot.id,
        runs: r.runs,
        spread: r.spread,
        seed: r.seed,
        level: q.level,
        units: r.units.map((u, i) => ({
          ...u,
          unitId: list[i].unitId,
          unitName: list[i].name,
          peerGroup: list[i].peerGroup,
          baseValue: u.baseValue === null ? null : round(u.baseValue),
        })),
      };
    });
  }

  async function dropOne(actor: Actor | null, periodId: number) {
    const { snapshot, framework } = await publishedBasis(actor, periodId);
    return cached(`drop:${snapshot.id}`, async () => {
      const list = await snapshotUnits(snapshot, periodId);
      const names = new Map(componentsOf(framework).map((c) => [c.code, c.name]));
      const r = dropOneComponent(framework, list);
      return {
        periodId,
        snapshotId: snapshot.id,
        components: r.components.map((c) => ({
          code: c.code,
          name: names.get(c.code) ?? c.code,
          maxAbsShift: c.maxAbsShift,
          meanAbsShift: round(c.meanAbsShift),
          unitsMoved: c.changes.length,
          largestChanges: [...c.changes]
            .sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift) || a.baseRank - b.baseRank)
            .slice(0, 10)
            .map((x) => ({ ...x, unitId: Number(x.unitId) })),
        })),
      };
    });
  }

  return { sandbox, robustness, dropOne, approvedUnits };
}
