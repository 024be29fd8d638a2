import type { Kysely } from 'kysely';
import type { PeriodResults } from '../../../core/contracts/measure.js';
import type { DB } from '../../db/schema.js';
import { type Actor, canOnUnit } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Executor } from '../audit/audit.repository.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { FrameworksRepository } from './frameworks.repository.js';
import type { FrameworksService } from './frameworks.service.js';
import type { MeasureUnitsRepository } from './measure-units.repository.js';
import type { PeriodRow, PeriodsRepository } from './periods.repository.js';
import type { ResultsRepository } from './results.repository.js';
import { rankStoredScores } from './results-compute.js';
import type { ScoresRepository } from './scores.repository.js';
import type { ScoresService } from './scores.service.js';
import { recordSnapshotValues } from './snapshot-values.service.js';
import type { SubmissionsRepository } from './submissions.repository.js';

// Results: live computation from approved submissions for staff, and publishing, which writes an
// immutable snapshot (results + framework version + computedAt) and freezes the framework version.

export type ResultsDeps = {
  db: Kysely<DB>;
  periods: PeriodsRepository;
  frameworks: FrameworksRepository;
  frameworksService: FrameworksService;
  units: MeasureUnitsRepository;
  submissions: SubmissionsRepository;
  results: ResultsRepository;
  scores: ScoresRepository;
  scoresService: ScoresService;
  audit: AuditService;
  clock: Clock;
};

export type ResultsSource = {
  source: 'published' | 'live';
  snapshotId: number | null;
  results: PeriodResults;
};

// Snapshots never change (the database refuses it), so their parsed results can be cached by id safely.
const SNAPSHOT_CACHE_SIZE = 32;

export function createResultsCore(deps: ResultsDeps) {
  const { db, periods, units, results, clock } = deps;
  // Promises are cached, so concurrent first readers of a snapshot share one read and one parse.
  const cache = new Map<number, Promise<PeriodResults>>();

  function snapshotResults(id: number): Promise<PeriodResults> {
    const hit = cache.get(id);
    if (hit) return hit;
    const loading = results.snapshotJson(id).then((json) => {
      if (json === undefined) throw notFound();
      return JSON.parse(json) as PeriodResults;
    });
    loading.catch(() => cache.delete(id));
    if (cache.size >= SNAPSHOT_CACHE_SIZE) cache.delete(cache.keys().next().value as number);
    cache.set(id, loading);
    return loading;
  }

  /** The latest published results of a period, if any. */
  async function latestResults(periodId: number) {
    const meta = await results.latestSnapshotMeta(periodId);
    return meta ? { ...meta, results: await snapshotResults(meta.id) } : undefined;
  }

  /**
   * Live results: the approved units' stored contributions aggregated and ranked in memory. Outside a
   * transaction this process's cached sums are brought up to date (only what changed is read); `fresh`
   * aggregates the whole period again, as a transaction does.
   */
  async function compute(
    period: PeriodRow,
    exec: Executor = db,
    options: { fresh?: boolean } = {},
  ): Promise<PeriodResults> {
    const { frameworkRow, compiled, rows } = await deps.scoresService.rankingRows(period, {
      exec,
      cached: !options.fresh,
    });
    const meta = {
      periodId: period.id,
      frameworkId: frameworkRow.id,
      frameworkVersion: frameworkRow.version,
      computedAt: clock.now().toISOString(),
    };
    return rankStoredScores(meta, compiled, rows);
  }

  /**
   * Published snapshot when there is one (or when live is not allowed); else live results for staff. A caller
   * that already read the period's latest snapshot id and the caller's scope (rankingHead) passes them along.
   */
  async function resultsFor(
    actor: Actor | null,
    period: PeriodRow & { latestSnapshotId?: number | null; rootInScope?: unknown },
    wanted: 'published' | 'live' | undefined,
  ): Promise<ResultsSource> {
    // rankingHead answers canOnUnit(actor, 'measure.read', root's ancestors) along with the period.
    const staff =
      actor !== null &&
      (period.rootInScope === undefined
        ? canOnUnit(actor, 'measure.read', await units.ancestorIds(period.rootUnitId))
        : Boolean(Number(period.rootInScope)));
    if (wanted === 'live' && !staff) throw new AppError('FORBIDDEN');
    if (wanted !== 'live') {
      const id =
        period.latestSnapshotId === undefined
          ? (await results.latestSnapshotMeta(period.id))?.id
          : period.latestSnapshotId;
      if (id) return { source: 'published', snapshotId: id, results: await snapshotResults(id) };
    }
    if (wanted === 'published' || !staff) throw notFound('measure.not_published');
    return { source: 'live', snapshotId: null, results: await compute(period) };
  }

  /** The latest snapshot of the most recent published period of the same root before this one. */
  async function previousResults(
    period: PeriodRow & { previousSnapshotId?: number | null; previousPeriodId?: number | null },
  ): Promise<{ periodId: number; snapshotId: number; results: PeriodResults } | null> {
    const earlier =
      period.previousSnapshotId === undefined
        ? await results.previousSnapshotMeta(period)
        : period.previousSnapshotId === null || !period.previousPeriodId
          ? undefined
          : { id: period.previousSnapshotId, periodId: period.previousPeriodId };
    if (!earlier) return null;
    return { periodId: earlier.periodId, snapshotId: earlier.id, results: await snapshotResults(earlier.id) };
  }

  async function publish(actx: AuditContext, periodId: number) {
    return db.transaction().execute(async (trx) => {
      const period = await periods.find(periodId, trx);
      if (!period) throw notFound();
      if (!canOnUnit(actx.actor, 'measure.manage', await units.ancestorIds(period.rootUnitId, trx))) {
        throw new AppError('FORBIDDEN');
      }
      if (period.status === 'draft') {
        throw new AppError('INVALID_STATE', {
          detailKey: 'measure.period_wrong_status',
          params: { status: period.status },
        });
      }
      const computed = await compute(period, trx);
      const snapshot = await results.insertSnapshot(
        {
          periodId,
          frameworkId: computed.frameworkId,
          frameworkVersion: computed.frameworkVersion,
          resultsJson: JSON.stringify(computed),
          computedAt: computed.computedAt,
          publishedBy: actx.actor?.userId ?? null,
        },
        trx,
      );
      await recordSnapshotValues(deps, trx, snapshot.id, computed);
      if (period.status !== 'published') {
        await periods.updateStatus(periodId, 'published', computed.computedAt, trx);
      }
      await deps.frameworksService.freeze(trx, actx, period.frameworkId);
      await deps.audit.record(trx, actx, {
        action: 'measure.period.publish',
        entity: 'measure_snapshot',
        entityId: snapshot.id,
        before: { status: period.status },
        after: {
          periodId,
          status: 'published',
          frameworkVersion: computed.frameworkVersion,
          units: computed.units.length,
        },
      });
      return {
        id: snapshot.id,
        periodId,
        frameworkId: snapshot.frameworkId,
        frameworkVersion: snapshot.frameworkVersion,
        computedAt: snapshot.computedAt,
        unitCount: computed.units.length,
      };
    });
  }

  return { compute, resultsFor, previousResults, publish, latestResults, snapshotResults };
}
export type ResultsCore = ReturnType<typeof createResultsCore>;
