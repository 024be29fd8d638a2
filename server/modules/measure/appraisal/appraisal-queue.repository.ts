import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';

export type AppraisalQueueRow = {
  periodId: number;
  periodName: string;
  dueOn: string;
  unitId: number;
  unitName: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  round: number;
  submittedAt: string | null;
  updatedAt: string;
  returnComment: string | null;
};

export function createAppraisalQueueRepository(db: Kysely<DB>) {
  return {
    /**
     * Submitted and returned submissions of units under the scope roots, in periods still being appraised (open
     * or closed, or a submission a manager reopened), oldest submission first.
     */
    async pending(scopeRoots: number[], exec: Executor = db): Promise<AppraisalQueueRow[]> {
      if (!scopeRoots.length) return [];
      return exec
        .selectFrom('measureSubmissions as s')
        .innerJoin('measurePeriods as p', 'p.id', 's.periodId')
        .innerJoin('units as u', 'u.id', 's.unitId')
        .select([
          's.periodId',
          'p.name as periodName',
          'p.dueOn',
          's.unitId',
          'u.name as unitName',
          's.status',
          's.round',
          's.submittedAt',
          's.updatedAt',
          's.returnComment',
        ])
        .where('s.status', 'in', ['submitted', 'returned'])
        .where((eb) => eb.or([eb('p.status', 'in', ['open', 'closed']), eb('s.reopenedAt', 'is not', null)]))
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('unitClosure as c')
              .select('c.ancestorId')
              .whereRef('c.descendantId', '=', 's.unitId')
              .where('c.ancestorId', 'in', scopeRoots),
          ),
        )
        .orderBy('s.submittedAt')
        .orderBy('u.name')
        .orderBy('s.id')
        .execute();
    },
  };
}

export type AppraisalQueueRepository = ReturnType<typeof createAppraisalQueueRepository>;
