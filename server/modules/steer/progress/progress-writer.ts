import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { Clock } from '../../../lib/clock.js';
import { AppError } from '../../../lib/errors.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import { canAttachFile } from '../../files/files.types.js';
import type { TaskInHand } from '../tasks/task-access.js';
import type { ProgressRow, SteerTasksRepository } from '../tasks/tasks.repository.js';

// Writes one progress update (or the lead unit's report of completion) with its evidence files, and its line in
// the task's history. Shared by the progress service and the lifecycle's "report done".

export type ProgressEntry = {
  unitId: number;
  kind: 'progress' | 'done';
  percent: number | null;
  text: string;
  difficulties?: string | null;
  proposals?: string | null;
  fileIds: string[];
};

export function createProgressWriter(deps: { repo: SteerTasksRepository; clock: Clock }) {
  const { repo, clock } = deps;
  return async function writeProgress(
    hand: TaskInHand,
    entry: ProgressEntry,
    trx: Executor,
  ): Promise<ProgressRow> {
    // Evidence: a file its uploader attaches, or one already of a unit the caller reports for (files.policy).
    const fileIds: number[] = [];
    for (const publicId of [...new Set(entry.fileIds)]) {
      const file = await repo.findFile(publicId, trx);
      const ancestors = file?.unitId ? await unitAncestorIds(trx, file.unitId) : [];
      if (!file || !canAttachFile(hand.actor, file, ancestors, 'steer.report'))
        throw new AppError('VALIDATION', {
          detailKey: 'steer.unknown_file',
          fieldErrors: [{ field: 'body.fileIds', code: 'steer.unknown_file' }],
        });
      fileIds.push(file.id);
    }
    const now = clock.now();
    const row = await repo.insertProgress(
      {
        taskId: hand.row.id,
        unitId: entry.unitId,
        kind: entry.kind,
        percent: entry.percent,
        text: entry.text,
        difficulties: entry.difficulties ?? null,
        proposals: entry.proposals ?? null,
        reportedOn: vietnamDate(now),
        createdBy: hand.actor.userId,
        createdAt: now.toISOString(),
        answer: null,
        answeredBy: null,
        answeredAt: null,
      },
      trx,
    );
    await repo.attachFiles(row.id, fileIds, trx);
    // A file without a unit now belongs to the unit whose evidence it is (its readers may download it).
    for (const id of fileIds) await repo.assignFileUnit(id, entry.unitId, trx);
    return row;
  };
}
export type ProgressWriter = ReturnType<typeof createProgressWriter>;
