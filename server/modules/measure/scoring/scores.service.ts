import type { Framework, UnitValues } from '../../../../core/contracts/measure-framework.js';
import { type Contributions, contributionsOf, nodeSlotCount } from '../../../../core/measure/aggregate.js';
import { type BatchUnit, STATUS_CODES, scoreBatch } from '../../../../core/measure/batch.js';
import { type CompiledFramework, compiledOf } from '../../../../core/measure/compile.js';
import { frameworkForYear } from '../../../../core/measure/deadlines.js';
import { effectiveValuesOf, parseDefinition } from '../../../../core/measure/values.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import type { Executor } from '../../../db/executor.js';
import { notFound } from '../../../lib/errors.js';
import { createLru } from '../../../lib/lru.js';
import type { FrameworkStampRow } from '../frameworks/frameworks.repository.js';
import type { RankingRow, ScoresDeps, ScoresService, SubmissionContext } from '../measure.types.js';
import type { PeriodRow } from '../periods/periods.repository.js';
import type { ScoringValueRow } from '../submissions/submissions.repository.js';
import { scoreVectorWithOverrides } from './measure-engine.js';
import {
  type ContributionColumns,
  type PartialSumsRow,
  type RankingUnitRow,
  type RawValueTuple,
  SUBSET_LIMIT,
} from './scores.repository.js';

// Stored scores: what each component contributes to each submission's result, rewritten in the same
// transaction as every change of its values. A period's results are then a database aggregation of them
// (SUM … GROUP BY submission) plus ranking; rules are evaluated again only when the framework changed
// (rescorePeriod). A process keeps the last node sums of each period it served and fetches only the
// submissions stamped with a later revision, so a live ranking after one edit re-reads one submission.

/** The framework state stored contributions follow: another id or a later edit makes them stale. */
export const frameworkStamp = (row: Pick<FrameworkStampRow, 'id' | 'updatedAt'>) =>
  `${row.id}:${row.updatedAt}`;

type NodeSums = Map<number, Float64Array>;
const rankingRow = (u: RankingUnitRow, sums: Float64Array): RankingRow => ({
  submissionId: u.submissionId,
  unitId: u.unitId,
  code: u.code,
  name: u.name,
  type: u.type,
  kind: u.kind,
  level: u.level,
  sums,
});
type PeriodSums = { stamp: string; revision: number; sums: NodeSums };
const CACHED_PERIODS = 8;
const NA = STATUS_CODES.indexOf('not_applicable');

/** Appends one submission's contributions to the columns written to the database. */
function appendContributions(
  cols: ContributionColumns,
  compiled: CompiledFramework,
  submissionId: number,
  c: Contributions,
) {
  compiled.components.forEach((cc, i) => {
    cols.submissionIds.push(submissionId);
    cols.componentCodes.push(cc.code);
    cols.mainIdx.push(compiled.mainIndexOf[i]);
    cols.pillarIdx.push(compiled.pillarOf[i]);
    cols.points.push(c.points[i]);
    cols.applicableMax.push(c.applicableMax[i]);
  });
}

const emptyColumns = (): ContributionColumns => ({
  submissionIds: [],
  componentCodes: [],
  mainIdx: [],
  pillarIdx: [],
  points: [],
  applicableMax: [],
});

/** Folds per-(submission, main index, pillar) sums into each submission's node sums. */
function foldSums(compiled: CompiledFramework, rows: PartialSumsRow[], into: NodeSums) {
  const m = compiled.mainIndices.length;
  const size = 2 * nodeSlotCount(compiled);
  for (const [sid, main, pillar, points, applicableMax] of rows) {
    const id = Number(sid);
    let sums = into.get(id);
    if (!sums) {
      sums = new Float64Array(size);
      into.set(id, sums);
    }
    const p = Number(points);
    const a = Number(applicableMax);
    sums[2 * main] += p;
    sums[2 * main + 1] += a;
    if (pillar >= 0) {
      sums[2 * (m + pillar)] += p;
      sums[2 * (m + pillar) + 1] += a;
    }
  }
  return into;
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

export function createScoresService(deps: ScoresDeps): ScoresService {
  const { db, frameworks, periods, units, submissions, scores } = deps;
  const cache = createLru<PeriodSums>(CACHED_PERIODS);
  // One refresh of a period's cached sums at a time, so an older read never lands after a newer one.
  const refreshing = new Map<number, Promise<unknown>>();

  // Parsed definitions by framework state: a state never changes, and its compiled form is cached by object.
  // Only the state is read on each call; the (large) definition only when this process has not parsed it.
  const parsed = createLru<Framework>(CACHED_PERIODS);
  async function frameworkOf(period: PeriodRow, exec: Executor) {
    let row: FrameworkStampRow | undefined = await frameworks.findStamp(period.frameworkId, exec);
    if (!row) throw notFound();
    let framework = parsed.get(frameworkStamp(row));
    if (!framework) {
      const full = await frameworks.find(period.frameworkId, exec);
      if (!full) throw notFound();
      row = full;
      framework = parseDefinition(full);
      parsed.set(frameworkStamp(full), framework);
    }
    return { row, framework: frameworkForYear(framework, period.year) };
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
    const { compiled, vector } = scoreVectorWithOverrides(ctx.framework, values, ctx.scoringUnit, overrides);
    const cols = emptyColumns();
    appendContributions(cols, compiled, ids.submissionId, contributionsOf(compiled, vector));
    await scores.replaceForSubmission(ids, cols, exec);
  }

  /** Stamps a submission whose status changed, so cached rankings pick the change up. */
  const touchSubmission = (exec: Executor, ids: { submissionId: number; periodId: number }) =>
    scores.bumpRevision(ids.periodId, [ids.submissionId], exec);

  /**
   * Evaluates every rule of every submission of a period again from the raw values (one array-mode query,
   * the columnar scoreBatch; units with appraised-point overrides one by one) and rewrites all contributions.
   * Needed when the framework's rules changed, or after values were written behind the application's back.
   */
  async function rescorePeriod(period: PeriodRow, exec?: Executor): Promise<number> {
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
    const cols = emptyColumns();
    const batch: { submissionId: number; unit: BatchUnit }[] = [];
    for (const sub of subs) {
      const unit = unitRows.get(sub.unitId);
      if (!unit) continue;
      const scoringUnit = { kind: measureUnitKind(unit), groups: groups.get(unit.id) ?? [] };
      const entry = bySubmission.get(sub.id) ?? { values: {}, overrides: null };
      if (entry.overrides) {
        const { compiled, vector } = scoreVectorWithOverrides(
          fw.framework,
          entry.values,
          scoringUnit,
          entry.overrides,
        );
        appendContributions(cols, compiled, sub.id, contributionsOf(compiled, vector));
      } else {
        const context = { unitKind: scoringUnit.kind, unitGroups: scoringUnit.groups };
        batch.push({ submissionId: sub.id, unit: { values: entry.values, context } });
      }
    }
    const result = scoreBatch(
      fw.framework,
      batch.map((b) => b.unit),
    );
    const n = result.componentCodes.length;
    const base = compiledOf(fw.framework);
    const weights = base.weights;
    batch.forEach(({ submissionId }, r) => {
      const points = result.points.subarray(r * n, (r + 1) * n);
      const applicableMax = new Float64Array(n);
      for (let i = 0; i < n; i++) applicableMax[i] = result.status[r * n + i] === NA ? 0 : weights[i];
      appendContributions(cols, base, submissionId, { points, applicableMax });
    });
    const write = (trx: Executor) => scores.replaceForPeriod(period.id, cols, frameworkStamp(fw.row), trx);
    if (exec) await write(exec);
    else await db.transaction().execute(write);
    cache.delete(String(period.id));
    return subs.length;
  }

  const allSums = async (period: PeriodRow, compiled: CompiledFramework, exec: Executor) =>
    foldSums(compiled, await scores.sums(period.id, undefined, exec), new Map());

  /** The cached node sums of a period brought up to date: only submissions stamped since are read again. */
  async function refreshedSums(period: PeriodRow, compiled: CompiledFramework, stamp: string) {
    const cached = cache.get(String(period.id));
    if (cached && cached.stamp === stamp) {
      const changed = await scores.changedSince(period.id, cached.revision);
      if (changed.length === 0) return cached.sums;
      if (changed.length <= SUBSET_LIMIT) {
        const ids = changed.map((c) => c.id);
        const rows = await scores.sums(period.id, ids);
        for (const id of ids) cached.sums.delete(id);
        foldSums(compiled, rows, cached.sums);
        cached.revision = Math.max(cached.revision, ...changed.map((c) => c.scoresRevision));
        return cached.sums;
      }
    }
    // Read the revision before the sums: anything stamped later is fetched again next time.
    const revision = (await scores.state(period.id))?.scoresRevision ?? 0;
    const sums = await allSums(period, compiled, db);
    cache.set(String(period.id), { stamp, revision, sums });
    return sums;
  }

  function serialised<T>(periodId: number, run: () => Promise<T>): Promise<T> {
    const previous = refreshing.get(periodId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    refreshing.set(periodId, settled);
    settled.then(() => {
      if (refreshing.get(periodId) === settled) refreshing.delete(periodId);
    });
    return next;
  }

  // Readers that find a period's scores stale at the same moment share one rescoring (outside transactions).
  const rescoring = new Map<number, Promise<number>>();
  function rescoreOnce(period: PeriodRow, exec?: Executor): Promise<number> {
    if (exec) return rescorePeriod(period, exec);
    let running = rescoring.get(period.id);
    if (!running) {
      running = rescorePeriod(period).finally(() => rescoring.delete(period.id));
      rescoring.set(period.id, running);
    }
    return running;
  }

  /**
   * The approved units of a period with their results, aggregated from the stored contributions. Outside a
   * transaction (`cached`), from this process's cached sums brought up to date; inside one, read afresh.
   * Contributions made under another framework state are first rebuilt (rescorePeriod).
   */
  async function rankingRows(
    period: PeriodRow,
    options: { exec?: Executor; cached?: boolean } = {},
  ): Promise<{ frameworkRow: FrameworkStampRow; compiled: CompiledFramework; rows: RankingRow[] }> {
    const exec = options.exec ?? db;
    const fw = await frameworkOf(period, exec);
    const stamp = frameworkStamp(fw.row);
    const state = await scores.state(period.id, exec);
    if (state?.scoresStamp !== stamp) await rescoreOnce(period, options.exec);
    const compiled = compiledOf(fw.framework);
    const readSums = () =>
      options.cached && exec === db
        ? serialised(period.id, () => refreshedSums(period, compiled, stamp))
        : allSums(period, compiled, exec);
    let sums = await readSums();
    const approved = await scores.rankingUnits(period.id, exec);
    // An approved submission without stored contributions was written behind the application's back.
    if (approved.some((u) => !sums.has(u.submissionId))) {
      await rescoreOnce(period, options.exec);
      sums = await readSums();
    }
    const rows: RankingRow[] = [];
    for (const u of approved) {
      const s = sums.get(u.submissionId);
      // Built field by field: object spread over thousands of rows costs more than the ranking itself.
      if (s) rows.push(rankingRow(u, s));
    }
    return { frameworkRow: fw.row, compiled, rows };
  }

  return { rescoreSubmission, touchSubmission, rescorePeriod, rankingRows };
}
