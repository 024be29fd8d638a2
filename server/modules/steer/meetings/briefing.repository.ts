import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';

// What the briefing pack reads beside the tasks service: the progress updates units reported on the committee's
// tasks in a span of dates, and which units lie in the committee's subtree. Kysely only.

export type ProgressLine = {
  unitId: number;
  unitName: string;
  taskId: number;
  taskTitle: string;
  kind: string;
  percent: number | null;
  text: string;
  difficulties: string | null;
  proposals: string | null;
  reportedOn: string;
};

export function createBriefingRepository(db: Kysely<DB>) {
  return {
    /**
     * Updates reported on tasks the committee owns or whose lead unit lies in its scope's subtree, dated after
     * `from` (exclusive; null: no lower bound) up to `to` (inclusive). Confidential tasks only when `confidential`.
     */
    async progressBetween(
      q: {
        committeeUnitId: number;
        scopeUnitId: number;
        from: string | null;
        to: string;
        confidential: boolean;
      },
      exec: Executor = db,
    ): Promise<ProgressLine[]> {
      let query = exec
        .selectFrom('steerProgressUpdates as p')
        .innerJoin('steerTasks as t', 't.id', 'p.taskId')
        .innerJoin('units as u', 'u.id', 'p.unitId')
        .select([
          'p.unitId',
          'u.name as unitName',
          'p.taskId',
          't.title as taskTitle',
          'p.kind',
          'p.percent',
          'p.text',
          'p.difficulties',
          'p.proposals',
          'p.reportedOn',
        ])
        .where('p.reportedOn', '<=', q.to)
        .where((eb) =>
          eb.or([
            eb('t.ownerUnitId', '=', q.committeeUnitId),
            eb.exists(
              eb
                .selectFrom('unitClosure as uc')
                .select('uc.descendantId')
                .whereRef('uc.descendantId', '=', 't.leadUnitId')
                .where('uc.ancestorId', '=', q.scopeUnitId),
            ),
          ]),
        );
      if (q.from) query = query.where('p.reportedOn', '>', q.from);
      if (!q.confidential) query = query.where('t.confidential', '=', 0);
      return query.orderBy('u.name').orderBy('p.reportedOn').orderBy('p.id').limit(2000).execute();
    },

    /** Which of these units lie in the subtree of `rootId` (itself included). */
    async inSubtree(rootId: number, unitIds: number[], exec: Executor = db): Promise<Set<number>> {
      if (!unitIds.length) return new Set();
      const rows = await exec
        .selectFrom('unitClosure')
        .select('descendantId')
        .where('ancestorId', '=', rootId)
        .where('descendantId', 'in', [...new Set(unitIds)])
        .execute();
      return new Set(rows.map((r) => r.descendantId));
    },
  };
}
export type BriefingRepository = ReturnType<typeof createBriefingRepository>;
