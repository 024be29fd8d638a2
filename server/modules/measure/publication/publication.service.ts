import type { Executor } from '../../../db/executor.js';
import { AppError, notFound } from '../../../lib/errors.js';
import { canManagePeriod } from '../measure.policy.js';
import type { PublicationDeps, PublicationService } from '../measure.types.js';

// Before publishing, a manager sees which units are not approved (they would be left out of the ranking). After
// publication a manager may reopen one unit's submission (editable and appraisable again while the period stays
// published; the next publish writes a new snapshot) or exclude a unit from the ranking with a stated reason.

export function createPublicationService(deps: PublicationDeps): PublicationService {
  const { db, periods, submissions, results, publication, audit, clock, guard, notices } = deps;

  const managedPeriod = (actor: Parameters<typeof guard.forEntity>[0], periodId: number, exec: Executor) =>
    guard.forEntity(
      actor,
      canManagePeriod,
      () => periods.find(periodId, exec),
      (p) => p.rootUnitId,
      { exec },
    );

  async function unitOf(periodId: number, unitId: number, exec: Executor) {
    const unit = await publication.unit(periodId, unitId, exec);
    if (!unit) throw notFound('measure.unit_not_in_period');
    return unit;
  }

  return {
    async preview(actor, periodId) {
      const { entity: period } = await managedPeriod(actor, periodId, db);
      const units = await publication.units(periodId);
      const snapshots = await results.listSnapshots(periodId);
      const excluded = units.filter((u) => u.excludedReason !== null);
      return {
        periodId,
        periodName: period.name,
        status: period.status,
        publishedAt: snapshots[0]?.computedAt ?? null,
        snapshotCount: snapshots.length,
        unitCount: units.length,
        rankedCount: units.filter((u) => u.status === 'approved' && u.excludedReason === null).length,
        notApproved: units
          .filter((u) => u.status !== 'approved' && u.excludedReason === null)
          .map((u) => ({
            unitId: u.unitId,
            unitName: u.unitName,
            status: u.status,
            reopened: u.reopenedAt !== null,
          })),
        excluded: excluded.map((u) => ({
          unitId: u.unitId,
          unitName: u.unitName,
          reason: u.excludedReason ?? '',
        })),
      };
    },

    async reopen(actx, ids, body) {
      return db.transaction().execute(async (trx) => {
        const { actor, entity: period } = await managedPeriod(actx.actor, ids.periodId, trx);
        if (period.status !== 'closed' && period.status !== 'published') {
          throw new AppError('INVALID_STATE', {
            detailKey: 'measure.period_wrong_status',
            params: { status: period.status },
          });
        }
        const unit = await unitOf(ids.periodId, ids.unitId, trx);
        const now = clock.now().toISOString();
        // An approved entry goes back to the unit as returned (it leaves the live ranking until approved again);
        // any other keeps its status and becomes editable or appraisable again.
        const status = unit.status === 'approved' ? 'returned' : (unit.status ?? 'draft');
        let submissionId = unit.submissionId;
        if (submissionId === null) {
          const created = await submissions.insert(
            {
              periodId: ids.periodId,
              unitId: ids.unitId,
              status: 'draft',
              round: 0,
              createdAt: now,
              updatedAt: now,
              reopenedAt: now,
              reopenedBy: actor.userId,
            },
            trx,
          );
          submissionId = created.id;
        } else {
          await submissions.update(
            submissionId,
            {
              status,
              reopenedAt: now,
              reopenedBy: actor.userId,
              updatedAt: now,
              ...(unit.status === 'approved' ? { returnComment: body.reason } : {}),
            },
            trx,
          );
          if (unit.status === 'approved') {
            await deps.scoresService.touchSubmission(trx, { submissionId, periodId: ids.periodId });
          }
        }
        await audit.record(trx, actx, {
          action: 'measure.submission.reopen',
          entity: 'measure_submission',
          entityId: submissionId,
          before: { status: unit.status, periodStatus: period.status },
          after: { status, reason: body.reason },
        });
        await notices.reopened(
          trx,
          { periodId: ids.periodId, periodName: period.name, unitId: ids.unitId, unitName: unit.unitName },
          { submissionId, reopenedAt: now, reason: body.reason },
        );
        return { periodId: ids.periodId, unitId: ids.unitId, status, reopenedAt: now };
      });
    },

    async exclude(actx, ids, body) {
      return db.transaction().execute(async (trx) => {
        const { actor } = await managedPeriod(actx.actor, ids.periodId, trx);
        const unit = await unitOf(ids.periodId, ids.unitId, trx);
        const now = clock.now().toISOString();
        await publication.setExclusion(
          ids.periodId,
          ids.unitId,
          { excludedReason: body.reason, excludedAt: now, excludedBy: actor.userId },
          trx,
        );
        if (unit.submissionId !== null) {
          await deps.scoresService.touchSubmission(trx, {
            submissionId: unit.submissionId,
            periodId: ids.periodId,
          });
        }
        await audit.record(trx, actx, {
          action: 'measure.period.exclude_unit',
          entity: 'measure_period',
          entityId: ids.periodId,
          before: { unitId: ids.unitId, reason: unit.excludedReason },
          after: { unitId: ids.unitId, reason: body.reason },
        });
        return { periodId: ids.periodId, unitId: ids.unitId, excludedReason: body.reason };
      });
    },

    async include(actx, ids) {
      return db.transaction().execute(async (trx) => {
        await managedPeriod(actx.actor, ids.periodId, trx);
        const unit = await unitOf(ids.periodId, ids.unitId, trx);
        await publication.setExclusion(
          ids.periodId,
          ids.unitId,
          { excludedReason: null, excludedAt: null, excludedBy: null },
          trx,
        );
        if (unit.submissionId !== null) {
          await deps.scoresService.touchSubmission(trx, {
            submissionId: unit.submissionId,
            periodId: ids.periodId,
          });
        }
        await audit.record(trx, actx, {
          action: 'measure.period.include_unit',
          entity: 'measure_period',
          entityId: ids.periodId,
          before: { unitId: ids.unitId, reason: unit.excludedReason },
          after: { unitId: ids.unitId, reason: null },
        });
        return { periodId: ids.periodId, unitId: ids.unitId, excludedReason: null };
      });
    },
  };
}
