import type { PeriodResults } from '../../../../core/contracts/measure.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, notFound } from '../../../lib/errors.js';
import { createLru } from '../../../lib/lru.js';
import { canManagePeriod, canReadUnit } from '../measure.policy.js';
import type { ResultsCore, ResultsDeps, ResultsSource } from '../measure.types.js';
import type { PeriodRow } from '../periods/periods.repository.js';
import { rankStoredScores } from './results-compute.js';
import { recordSnapshotValues } from './snapshot-values.service.js';

// Results: live computation from approved submissions for staff, and publishing, which writes an
// immutable snapshot (results + framework version + computedAt) and freezes the framework version.

// Snapshots never change (the database refuses it), so their parsed results can be cached by id safely.
const SNAPSHOT_CACHE_SIZE = 32;

export function createResultsCore(deps: ResultsDeps): ResultsCore {
  const { db, periods, results, clock, guard } = deps;
  // Promises are cached, so concurrent first readers of a snapshot share one read and one parse.
  const cache = createLru<Promise<PeriodResults>>(SNAPSHOT_CACHE_SIZE);

  function snapshotResults(id: number): Promise<PeriodResults> {
    const key = String(id);
    const hit = cache.get(key);
    if (hit) return hit;
    const loading = results.snapshotJson(id).then((json) => {
      if (json === undefined) throw notFound();
      return JSON.parse(json) as PeriodResults;
    });
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
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
    const ranked = rankStoredScores(meta, compiled, rows);
    return { ...ranked, excluded: await deps.publication.excluded(period.id, exec) };
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
    // rankingHead answers canReadUnit(actor, root's ancestors) along with the period. Anyone may read a
    // published ranking; only staff of the root see live results.
    const staff =
      actor !== null &&
      (period.rootInScope === undefined
        ? canReadUnit(actor, await guard.ancestorsOf(period.rootUnitId))
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
      const { actor, entity: period } = await guard.forEntity(
        actx.actor,
        canManagePeriod,
        () => periods.find(periodId, trx),
        (p) => p.rootUnitId,
        { exec: trx },
      );
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
          publishedBy: actor.userId ?? null,
        },
        trx,
      );
      await recordSnapshotValues(deps, snapshot.id, computed, trx);
      if (period.status !== 'published') {
        await periods.updateStatus(periodId, 'published', computed.computedAt, trx);
      }
      await deps.frameworksService.freeze(trx, actx, period.frameworkId);
      // Each unit's officers learn the published result (or why their unit is not in it), once per snapshot.
      const ranked = new Map(computed.units.map((u) => [u.unitId, u]));
      for (const u of await deps.publication.units(periodId, trx)) {
        const r = ranked.get(u.unitId);
        await deps.notices.published(
          trx,
          { periodId, periodName: period.name, unitId: u.unitId, unitName: u.unitName },
          { snapshotId: snapshot.id, points: r ? r.points : null, rank: r?.rank ?? null },
        );
      }
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
