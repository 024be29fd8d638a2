import type { Kysely } from 'kysely';
import type { ProgressInput, ProgressView } from '../../../../core/contracts/steer-tasks.js';
import { LIFECYCLE_LABELS } from '../../../../core/steer/labels.js';
import { isOpenState } from '../../../../core/steer/lifecycle.js';
import type { LifecycleState } from '../../../../core/steer/types.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { DB } from '../../../db/schema.js';
import type { AuditService } from '../../../lib/audit.js';
import type { Clock } from '../../../lib/clock.js';
import { AppError } from '../../../lib/errors.js';
import type { SteerProgressService, SteerTasksService } from '../steer.types.js';
import type { TaskAccess } from '../tasks/task-access.js';
import { loadGrantAncestors } from '../tasks/task-views.js';
import { isMemberOf } from '../tasks/tasks.policy.js';
import type { SteerTasksRepository } from '../tasks/tasks.repository.js';
import { actorName } from '../tasks/tasks.service.js';
import type { ProgressWriter } from './progress-writer.js';
import '../tasks/tasks.messages.js';

// Progress updates: percent, what was done, difficulties and proposals (kiến nghị, đề xuất), evidence files; by
// the lead unit or a coordinating unit only (others: 403 with a clear problem). The lead unit's first update
// starts a task not started (or returned). The secretariat answers proposals. Each write is audited and shows in
// the task's history.

export type ProgressServiceDeps = {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  repo: SteerTasksRepository;
  taskFor: TaskAccess;
  writeProgress: ProgressWriter;
  tasks: Pick<SteerTasksService, 'detail'>;
};

export function createProgressService(deps: ProgressServiceDeps): SteerProgressService {
  const { db, clock, audit, repo, taskFor, writeProgress, tasks } = deps;

  async function viewOf(actor: Parameters<SteerTasksService['detail']>[0], taskId: number, id: number) {
    const detail = await tasks.detail(actor, taskId);
    const found = detail.progress.find((p) => p.id === id);
    if (!found) throw new AppError('NOT_FOUND', { detailKey: 'steer.progress_not_found' });
    return found;
  }

  return {
    async report(ctx, taskId, input: ProgressInput) {
      const id = await db.transaction().execute(async (trx) => {
        const hand = await taskFor(ctx.actor, taskId, trx);
        const { roles, row, view } = hand;
        if (!roles.lifecycle.has('lead') && !roles.coordinator)
          throw new AppError('FORBIDDEN', { detailKey: 'steer.not_lead_or_coordinator' });
        const state = row.state as LifecycleState;
        if (!isOpenState(state))
          throw new AppError('INVALID_STATE', {
            detailKey: 'steer.task_closed',
            params: { state: LIFECYCLE_LABELS[state].vi },
          });
        // The unit reported for: the one asked for (if the caller belongs to it), else the lead unit when the
        // caller belongs to it, else the first coordinating unit the caller belongs to.
        const grants = await loadGrantAncestors(trx, hand.actor);
        const coordinators = view.coordinators.get(taskId) ?? [];
        const candidates = [row.leadUnitId, ...coordinators].filter((u) =>
          isMemberOf(hand.actor, 'steer.report', view.units.acting(u), grants),
        );
        // A unit may be named by its stored id or by its successor's (a merged lead unit reports as the new one).
        const unitId =
          input.unitId === undefined || input.unitId === null
            ? candidates[0]
            : candidates.find((u) => view.units.acting(u).includes(input.unitId as number));
        if (unitId === undefined) throw new AppError('FORBIDDEN', { detailKey: 'steer.unit_not_on_task' });
        const isLead = unitId === row.leadUnitId;
        // Stored under the unit as it is today (a merged lead unit's successor); older reports keep the old one.
        const reportingUnit = view.units.current(unitId).id;
        if (isLead && input.percent === 100)
          throw new AppError('VALIDATION', {
            detailKey: 'steer.percent_done',
            fieldErrors: [{ field: 'body.percent', code: 'steer.percent_done' }],
          });
        const progress = await writeProgress(
          hand,
          {
            unitId: reportingUnit,
            kind: 'progress',
            percent: input.percent ?? null,
            text: input.text,
            difficulties: input.difficulties,
            proposals: input.proposals,
            fileIds: input.fileIds ?? [],
          },
          trx,
        );
        const now = clock.now();
        const history = [];
        const set: { updatedAt: string; progressPercent?: number; state?: string; stateOn?: string } = {
          updatedAt: now.toISOString(),
        };
        if (
          isLead &&
          input.percent !== undefined &&
          input.percent !== null &&
          input.percent !== row.progressPercent
        ) {
          set.progressPercent = input.percent;
        }
        if (isLead && (state === 'not_started' || state === 'returned')) {
          set.state = 'in_progress';
          set.stateOn = vietnamDate(now);
        }
        const base = {
          taskId,
          at: now.toISOString(),
          onDate: vietnamDate(now),
          actorUserId: hand.actor.userId,
          actorLabel: actorName(hand.actor),
        };
        history.push({
          ...base,
          kind: 'progress',
          field: set.progressPercent !== undefined ? 'progressPercent' : null,
          oldValue: set.progressPercent !== undefined ? String(row.progressPercent) : null,
          newValue: set.progressPercent !== undefined ? String(set.progressPercent) : null,
          note: `${view.units.name(reportingUnit)}: ${input.text}`,
        });
        if (set.state)
          history.push({
            ...base,
            kind: 'state',
            field: 'state',
            oldValue: state,
            newValue: set.state,
            note: null,
          });
        await repo.updateTask(taskId, set, trx);
        await repo.insertHistory(history, trx);
        await audit.record(trx, ctx, {
          action: 'steer.progress.report',
          entity: 'steer_progress',
          entityId: progress.id,
          after: { ...progress, fileIds: input.fileIds ?? [] },
        });
        return progress.id;
      });
      return viewOf(ctx.actor, taskId, id);
    },

    async answer(ctx, taskId, progressId, answer) {
      await db.transaction().execute(async (trx) => {
        const hand = await taskFor(ctx.actor, taskId, trx);
        const progress = await repo.findProgress(progressId, trx);
        if (!progress || progress.taskId !== taskId)
          throw new AppError('NOT_FOUND', { detailKey: 'steer.progress_not_found' });
        if (!hand.roles.lifecycle.has('secretariat')) throw new AppError('FORBIDDEN');
        if (!progress.proposals) throw new AppError('INVALID_STATE', { detailKey: 'steer.no_proposals' });
        const now = clock.now();
        const after = await repo.updateProgress(
          progressId,
          { answer, answeredBy: hand.actor.userId, answeredAt: now.toISOString() },
          trx,
        );
        await repo.insertHistory(
          [
            {
              taskId,
              at: now.toISOString(),
              onDate: vietnamDate(now),
              actorUserId: hand.actor.userId,
              actorLabel: actorName(hand.actor),
              kind: 'answer',
              field: null,
              oldValue: progress.answer,
              newValue: answer,
              note: progress.proposals,
            },
          ],
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.progress.answer',
          entity: 'steer_progress',
          entityId: progressId,
          before: { answer: progress.answer },
          after: { answer: after.answer },
        });
      });
      return viewOf(ctx.actor, taskId, progressId);
    },

    async list(actor, taskId): Promise<ProgressView[]> {
      return (await tasks.detail(actor, taskId)).progress;
    },
  };
}
