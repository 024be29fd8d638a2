import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';

// The units the deadline reminder is for: in an open period due between two dates, not excluded, and with no
// self-assessment sent (none, draft or returned).

export function createRemindersRepository(db: Kysely<DB>) {
  return {
    unsent: (from: string, until: string, exec: Executor = db) =>
      exec
        .selectFrom('measurePeriods as p')
        .innerJoin('measurePeriodUnits as pu', 'pu.periodId', 'p.id')
        .innerJoin('units as u', 'u.id', 'pu.unitId')
        .leftJoin('measureSubmissions as s', (j) =>
          j.onRef('s.periodId', '=', 'p.id').onRef('s.unitId', '=', 'pu.unitId'),
        )
        .select(['p.id as periodId', 'p.name as periodName', 'p.dueOn', 'pu.unitId', 'u.name as unitName'])
        .where('p.status', '=', 'open')
        .where('p.dueOn', '>=', from)
        .where('p.dueOn', '<=', until)
        .where('pu.excludedReason', 'is', null)
        .where((eb) => eb.or([eb('s.id', 'is', null), eb('s.status', 'in', ['draft', 'returned'])]))
        .orderBy('p.id')
        .orderBy('pu.unitId')
        .execute(),
  };
}
export type RemindersRepository = ReturnType<typeof createRemindersRepository>;
