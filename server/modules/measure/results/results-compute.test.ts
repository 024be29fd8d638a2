import { describe, expect, it } from 'vitest';
import type { PeriodResults, RankedUnit } from '../../../../core/contracts/measure.js';
import type { Framework, UnitResult } from '../../../../core/contracts/measure-framework.js';
import { FrameworkSchema } from '../../../../core/contracts/measure-framework.js';
import { contributionsOf, sumContributions } from '../../../../core/measure/aggregate.js';
import { rankUnits } from '../../../../core/measure/ranking.js';
import { effectiveValuesOf } from '../../../../core/measure/values.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import { measureUnitKind, peerGroupOf } from '../../../../core/units/kind.js';
import { testFramework } from '../measure-test-fixtures.js';
import { scoreTotals, scoreVectorWithOverrides } from '../scoring/measure-engine.js';
import type { MeasureUnit } from '../shared/measure-units.repository.js';
import type { ScoringValueRow, ValueRow } from '../submissions/submissions.repository.js';
import { rankStoredScores } from './results-compute.js';

const framework = FrameworkSchema.parse(testFramework());
const meta = { periodId: 1, frameworkId: 1, frameworkVersion: 1, computedAt: '2026-04-01T00:00:00.000Z' };

// The reference: a period's results scored afresh from the approved submissions' values (appraised values
// where given, else the unit's own; appraised points override), by the core engine, ranked with rankUnits.
// What the application serves (rankStoredScores over stored contributions) must equal it.

type ApprovedUnit = { unit: MeasureUnit; groups?: string[]; rows: ScoringValueRow[] };

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const brief = (nodes: UnitResult['mainIndices']) =>
  nodes.map((n) => ({
    code: n.code,
    points: round(n.points),
    value: n.value === null ? null : round(n.value),
  }));

function computePeriodResults(
  meta: { periodId: number; frameworkId: number; frameworkVersion: number; computedAt: string },
  framework: Framework,
  approved: ApprovedUnit[],
): PeriodResults {
  const scored = approved.map(({ unit, groups, rows }) => {
    const kind = measureUnitKind(unit);
    const { values, overrides } = effectiveValuesOf(rows);
    const result = scoreTotals(framework, values, { kind, groups }, overrides);
    return { unitId: unit.id, name: unit.name, value: result.total.value, unit, kind, result };
  });
  const byPeer = rankUnits(scored, { peerGroupOf: (s) => peerGroupOf(s.kind) });
  const kindRank = new Map(
    rankUnits(scored, { peerGroupOf: (s) => s.kind }).map((r) => [r.unitId, r.peerRank] as const),
  );
  const units: RankedUnit[] = byPeer.map((r) => ({
    unitId: r.unit.id,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    unitKind: r.kind,
    peerGroup: peerGroupOf(r.kind),
    points: round(r.result.total.points),
    applicableMax: round(r.result.total.applicableMax),
    value: r.result.total.value === null ? null : round(r.result.total.value),
    band: r.result.band ? { code: r.result.band.code, name: r.result.band.name } : null,
    rank: r.rank,
    peerRank: r.peerRank,
    kindRank: kindRank.get(r.unitId) ?? null,
    mainIndices: brief(r.result.mainIndices),
    pillars: brief(r.result.pillars),
  }));
  return { ...meta, units };
}

let nextId = 1;
function rows(
  values: Record<string, object>,
  appraised: Record<string, { raw?: object; points?: number }> = {},
): ValueRow[] {
  return Object.entries(values).map(([code, v]) => ({
    id: nextId++,
    submissionId: 1,
    componentCode: code,
    rawJson: 'notApplicable' in v ? null : JSON.stringify(v),
    isNa: 'notApplicable' in v ? 1 : 0,
    selfPoints: null,
    appraisedRawJson: appraised[code]?.raw ? JSON.stringify(appraised[code].raw) : null,
    appraisedIsNa: null,
    appraisedPoints: appraised[code]?.points ?? null,
    appraisalComment: null,
    needsFix: 0,
    updatedBy: null,
    updatedAt: meta.computedAt,
  }));
}
const unit = (id: number, name: string, type: string, kind: string) => ({
  id,
  code: String(id),
  name,
  type,
  kind,
  level: 2,
});
const full = {
  C1: { number: 4 },
  C2: { numerator: 1, denominator: 1 },
  C3: { choice: 'chair' },
  C4: { bool: true },
};

describe('computePeriodResults', () => {
  it('ranks overall, within peer groups (departments apart from communes) and within kinds, ties equal', () => {
    const result = computePeriodResults(meta, framework, [
      { unit: unit(1, 'Sở A', 'Sở', 'agency'), rows: rows({ ...full, C4: { bool: false } }) }, // 80
      { unit: unit(2, 'Phường B', 'Phường', 'commune'), rows: rows(full) }, // 100
      { unit: unit(3, 'Xã C', 'Xã', 'commune'), rows: rows({ ...full, C4: { bool: false } }) }, // 80
      { unit: unit(4, 'Xã D', 'Xã', 'commune'), rows: rows({ ...full, C3: { choice: 'none' } }) }, // 80
      { unit: unit(5, 'Sở E', 'Sở', 'agency'), rows: rows(full, { C2: { points: 20 } }) }, // 80 (appraised)
    ]);
    const table = result.units.map((u) => [
      u.unitName,
      u.points,
      u.rank,
      u.peerGroup,
      u.peerRank,
      u.unitKind,
      u.kindRank,
    ]);
    expect(table).toEqual([
      ['Phường B', 100, 1, 'commune_level', 1, 'ward', 1],
      ['Sở A', 80, 2, 'department', 1, 'department', 1],
      ['Sở E', 80, 2, 'department', 1, 'department', 1],
      ['Xã C', 80, 2, 'commune_level', 2, 'commune', 1],
      ['Xã D', 80, 2, 'commune_level', 2, 'commune', 1],
    ]);
    expect(result.units[0].band).toEqual({ code: 'B3', name: 'Nâng cao' });
    expect(result.units[0].pillars.find((p) => p.code === 'government')).toEqual({
      code: 'government',
      points: 60,
      value: 1,
    });
  });

  it('uses appraised values where given, else the unit’s own, and rebases the maximum for N/A', () => {
    const [u] = computePeriodResults(meta, framework, [
      {
        unit: unit(7, 'Xã F', 'Xã', 'commune'),
        rows: rows(
          { ...full, C4: { notApplicable: true } },
          { C2: { raw: { numerator: 1, denominator: 2 } } },
        ),
      },
    ]).units;
    // 20 + 20 (appraised 1/2 × 40) + 20 of 80 applicable.
    expect([u.points, u.applicableMax, u.value]).toEqual([60, 80, 0.75]);
  });

  it('ranks from stored contributions exactly as from the values (the path live results take)', () => {
    const approved: ApprovedUnit[] = [
      { unit: unit(1, 'Sở A', 'Sở', 'agency'), rows: rows({ ...full, C4: { bool: false } }) },
      {
        unit: unit(2, 'Phường B', 'Phường', 'commune'),
        rows: rows({ ...full, C2: { numerator: 2, denominator: 3 } }),
      },
      { unit: unit(3, 'Xã C', 'Xã', 'commune'), rows: rows({ ...full, C4: { notApplicable: true } }) },
      { unit: unit(4, 'Xã D', 'Xã', 'commune'), rows: rows({ C1: { number: 2 } }) },
      {
        unit: unit(5, 'Sở E', 'Sở', 'agency'),
        rows: rows(full, { C2: { points: 20 }, C1: { raw: { number: 1 } } }),
      },
      {
        unit: unit(6, 'Xã G', 'Xã', 'commune'),
        rows: rows({ ...full, C2: { numerator: 0, denominator: 0 } }),
      },
    ];
    const stored = approved.map(({ unit: u, rows: r }) => {
      const { values, overrides } = effectiveValuesOf(r);
      const { compiled, vector } = scoreVectorWithOverrides(
        framework,
        values,
        { kind: measureUnitKind(u) },
        overrides,
      );
      const sums = sumContributions(compiled, contributionsOf(compiled, vector));
      return { submissionId: u.id, unitId: u.id, ...u, sums };
    });
    const { compiled } = scoreVectorWithOverrides(framework, {}, { kind: 'commune' });
    expect(rankStoredScores(meta, compiled, stored)).toEqual(computePeriodResults(meta, framework, approved));
  });

  it('gives Vietnam calendar dates for UTC instants', () => {
    expect(vietnamDate(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(vietnamDate(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
  });
});
