import type { Kysely } from 'kysely';
import { toDay } from '../../../../core/steer/calendar.js';
import { taskStatusSpans } from '../../../../core/steer/status-spans.js';
import type { DB } from '../../../db/schema.js';
import { chunk } from '../../../lib/chunk.js';
import { loadStatusInputs } from './task-views.js';
import type { SteerTasksRepository } from './tasks.repository.js';

// Keeps the stored status spans (core/steer/status-spans.ts, migration 2026-12-07-1200-steer-status-spans) in
// step with the tasks. Triggers mark a task stale in the transaction of any write to it, its history, its
// extensions or its progress; whoever reads the spans first recomputes the stale tasks from the same bulk status
// inputs the list uses, with deriveTaskStatus (through taskStatusSpans) as the only rule. Claiming the marks
// (a delete) and writing the spans happen in one transaction: a second process finds nothing to claim, and a
// write committed meanwhile marks its task again, so it is recomputed on the next read.

/** The last span's to_day: after every date (kept NOT NULL so the as-of test is two index ranges). */
export const OPEN_END_DAY = toDay('9999-12-31') + 1;

/** Tasks recomputed per round (bounds the status inputs held in memory). */
const ROUND = 2000;

/** Recomputes the spans of every stale task; returns how many tasks were recomputed. */
export async function refreshStatusSpans(repo: SteerTasksRepository, db: Kysely<DB>): Promise<number> {
  if (!(await repo.anyStaleStatus(db))) return 0;
  return db.transaction().execute(async (trx) => {
    const ids = await repo.claimStaleStatus(trx);
    for (const part of chunk(ids, ROUND)) {
      const rows = await repo.statusRowsOf(part, trx);
      const inputs = await loadStatusInputs(repo, rows, trx);
      const spans = rows.flatMap((r) =>
        taskStatusSpans(inputs.get(r.id)!).map((s) => ({
          taskId: r.id,
          status: s.status,
          bucket: s.bucket,
          fromDay: toDay(s.from),
          toDay: s.to === null ? OPEN_END_DAY : toDay(s.to),
        })),
      );
      // Ids without a row are deleted tasks: their spans go.
      await repo.replaceStatusSpans(part, spans, trx);
    }
    return ids.length;
  });
}

/**
 * Marks every task stale and recomputes them all (`npx dxboard rebuild-steer-status`, after a restore), then the
 * spans' running sums from the spans (the triggers keep them in step; a rebuild does not rely on it).
 */
export async function rebuildStatusSpans(repo: SteerTasksRepository, db: Kysely<DB>): Promise<number> {
  await repo.markAllStatusStale(db);
  const n = await refreshStatusSpans(repo, db);
  await db.transaction().execute((trx) => repo.rebuildStatusDayCounts(trx));
  return n;
}
