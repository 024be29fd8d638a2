import type { Kysely } from 'kysely';
import type { Framework, UnitValues } from '../../../core/contracts/measure-framework.js';
import { type BatchUnit, scoreBatch } from '../../../core/measure/batch.js';
import { compiledOf } from '../../../core/measure/compile.js';
import { bandFor } from '../../../core/measure/scoring.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import type { Executor } from '../audit/audit.repository.js';
import type { FrameworkRow, FrameworksRepository } from './frameworks.repository.js';
import { parseDefinition } from './frameworks.service.js';
import { measureUnitKind } from './measure.policy.js';
import { scoreTotals } from './measure-engine.js';
import type { MeasureUnitsRepository } from './measure-units.repository.js';
import type { PeriodsRepository, PeriodWithFramework } from './periods.repository.js';
import type { RawValueTuple, ScoreInsert, ScoresRepository } from './scores.repository.js';
import { effectiveValuesOf, type SubmissionContext } from './submission-context.js';
import type { ScoringValueRow, SubmissionsRepository } from './submissions.repository.js';

// Stored scores: each submission's totals and main-index/pillar points, rewritten in the same transaction as
// every change of its values, so the live ranking reads one row per unit. They are derived data: the raw
// values stay the source of truth and recomputePeriod rebuilds a whole period from them.

export type ScoresDeps = {
  db: Kysely<DB>;
  frameworks: FrameworksRepository;
  periods: PeriodsRepository;
  units: MeasureUnitsRepository;
  submissions: SubmissionsRepository;
  scores: ScoresRepository;
  clock: Clock;
};

type Node = { code: string; points: number; value: number | null };
type Totals = { points: number; applicableMax: number; value: number | null };

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const nodesJson = (nodes: Node[]) =>
  JSON.stringify(nodes.map((n) => [n.code, round(n.points), n.value === null ? null : round(n.value)]));

export const frameworkStamp = (row: Pick<FrameworkRow, 'updatedAt'>) => row.updatedAt;

function scoreRow(
  ids: { submissionId: number; periodId: number; unitId: number },
  fw: { row: FrameworkRow; framework: Framework },
  r: { total: Totals; mainIndices: Node[]; pillars: Node[] },
  scoredAt: string,
): ScoreInsert {
  return {
    ...ids,
    frameworkId: fw.row.id,
    frameworkStamp: frameworkStamp(fw.row),
    points: r.total.points,
    applicableMax: r.total.applicableMax,
    value: r.total.value,
    bandCode: bandFor(compiledOf(fw.framework).bands, r.total.value)?.code ?? null,
    mainJson: nodesJson(r.mainIndices),
    pillarsJson: nodesJson(r.pillars),
    scoredAt,
  };
}

/** Values and appraised-point overrides by submission, from the period's aggregated value tuples. */
function groupRawValues(rows: RawValueTuple[]) {
  const bySubmission = new Map<number, { values: UnitValues; overrides: Record<string, number> | null }>();
  for (const [submissionId, valuesJson, overridesJson] of rows) {
    bySubmission.set(Number(submissionId), {
      values: valuesJson ? (JSON.parse(valuesJson) as UnitValues) : {},
      overrides: overridesJson ? (JSON.parse(overridesJson) as Record<string, number>) : null,
    });
  }
  return bySubmission;
}

const nodesAt = (cols: { codes: string[]; points: Float64Array; values: Float64Array }, row: number) =>
  cols.codes.map((code, k) => {
    const at = row * cols.codes.length + k;
    const v = cols.values[at];
    return { code, points: cols.points[at], value: Number.isNaN(v) ? null : v };
  });

export function createScoresService(deps: ScoresDeps) {
  const { db, frameworks, periods, units, submissions, scores, clock } = deps;

  async function frameworkOf(period: PeriodWithFramework, exec: Executor) {
    const row = await frameworks.find(period.frameworkId, exec);
    if (!row) throw notFound();
    return { row, framework: parseDefinition(row) };
  }

  /**
   * Re-scores one submission from its stored values; call inside the transaction that changed them. Takes
   * the framework row and scoring unit the caller already loaded, so a save reads nothing twice; a caller
   * that already holds the submission's current value rows passes them too.
   */
  async function rescoreSubmission(
    exec: Executor,
    ids: { submissionId: number; periodId: number; unitId: number },
    ctx: Pick<SubmissionContext, 'frameworkRow' | 'framework' | 'scoringUnit'>,
    currentRows?: ScoringValueRow[],
  ) {
    const rows = currentRows ?? (await submissions.values(ids.submissionId, exec));
    const { values, overrides } = effectiveValuesOf(rows);
    const result = scoreTotals(ctx.framework, values, ctx.scoringUnit, overrides);
    const fw = { row: ctx.frameworkRow, framework: ctx.framework };
    await scores.upsert(scoreRow(ids, fw, result, clock.now().toISOString()), exec);
  }

  /**
   * Rebuilds the stored scores of every submission of a period: all raw values in one query, scored by the
   * columnar scoreBatch (units with appraised-point overrides one by one), written in batched statements.
   */
  async function recomputePeriod(period: PeriodWithFramework, exec?: Executor): Promise<number> {
    const reader = exec ?? db;
    const fw = await frameworkOf(period, reader);
    const subs = await submissions.listForPeriod(period.id, reader);
    const unitRows = new Map(
      (
        await units.findUnits(
          subs.map((s) => s.unitId),
          reader,
        )
      ).map((u) => [u.id, u]),
    );
    const groups = await periods.groupsByUnit(period.id, reader);
    const bySubmission = groupRawValues(await scores.rawValuesForPeriod(period.id, reader));
    const scoredAt = clock.now().toISOString();
    const batch: { sub: (typeof subs)[number]; unit: BatchUnit }[] = [];
    const rows: ScoreInsert[] = [];
    for (const sub of subs) {
      const unit = unitRows.get(sub.unitId);
      if (!unit) continue;
      const context = { unitKind: measureUnitKind(unit), unitGroups: groups.get(unit.id) ?? [] };
      const entry = bySubmission.get(sub.id) ?? { values: {}, overrides: null };
      const ids = { submissionId: sub.id, periodId: period.id, unitId: sub.unitId };
      if (entry.overrides) {
        const scoringUnit = { kind: context.unitKind, groups: context.unitGroups };
        const r = scoreTotals(fw.framework, entry.values, scoringUnit, entry.overrides);
        rows.push(scoreRow(ids, fw, r, scoredAt));
      } else batch.push({ sub, unit: { values: entry.values, context } });
    }
    const result = scoreBatch(
      fw.framework,
      batch.map((b) => b.unit),
    );
    batch.forEach(({ sub }, i) => {
      const ids = { submissionId: sub.id, periodId: period.id, unitId: sub.unitId };
      const [total] = nodesAt(result.total, i);
      const max = result.total.applicableMax[i];
      const r = {
        total: { points: total.points, applicableMax: max, value: total.value },
        mainIndices: nodesAt(result.mainIndices, i),
        pillars: nodesAt(result.pillars, i),
      };
      rows.push(scoreRow(ids, fw, r, scoredAt));
    });
    if (exec) await scores.replaceForPeriod(period.id, rows, exec);
    else await db.transaction().execute((trx) => scores.replaceForPeriod(period.id, rows, trx));
    return rows.length;
  }

  return { rescoreSubmission, recomputePeriod, frameworkOf };
}
export type ScoresService = ReturnType<typeof createScoresService>;
