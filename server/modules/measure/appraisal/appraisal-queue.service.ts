import type { AppraisalQueueItem, AppraisalStage } from '../../../../core/contracts/measure-queue.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { scopeRootsFor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import type { AppraisalQueueDeps, AppraisalQueueService } from '../measure.types.js';
import type { AppraisalQueueRow } from './appraisal-queue.repository.js';

// The appraiser's queue (chờ thẩm định, bị trả lại, đã nộp lại) across the periods still being appraised, for the
// units the caller may appraise. A submission sent in more than once (round > 1) came back after a return.

const stageOf = (r: AppraisalQueueRow): AppraisalStage =>
  r.status === 'returned' ? 'returned' : r.round > 1 ? 'resubmitted' : 'waiting';

export function createAppraisalQueueService({ repo }: AppraisalQueueDeps): AppraisalQueueService {
  return {
    async queue(actorIn) {
      const actor = requireSignedIn(actorIn);
      const roots = scopeRootsFor(actor, 'measure.appraise');
      if (!roots.length) throw new AppError('FORBIDDEN');
      const items: AppraisalQueueItem[] = (await repo.pending(roots)).map((r) => {
        const stage = stageOf(r);
        return {
          periodId: r.periodId,
          periodName: r.periodName,
          dueOn: r.dueOn,
          unitId: r.unitId,
          unitName: r.unitName,
          stage,
          round: r.round,
          submittedAt: r.submittedAt,
          returnedAt: stage === 'returned' ? r.updatedAt : null,
          returnComment: stage === 'returned' ? r.returnComment : null,
        };
      });
      const counts = { waiting: 0, returned: 0, resubmitted: 0 };
      for (const i of items) counts[i.stage] += 1;
      return { counts, items };
    },
  };
}
