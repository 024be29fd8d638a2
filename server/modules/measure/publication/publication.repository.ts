import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';

// A period's units as publishing sees them: each unit's submission state, whether a manager reopened it after
// publication, and whether it was excluded from the ranking (with the reason).

export type PeriodUnitState = {
  unitId: number;
  unitName: string;
  submissionId: number | null;
  status: 'draft' | 'submitted' | 'returned' | 'approved' | null;
  round: number | null;
  reopenedAt: string | null;
  excludedReason: string | null;
  excludedAt: string | null;
};

export function createPublicationRepository(db: Kysely<DB>) {
  const base = (exec: Executor, periodId: number) =>
    exec
      .selectFrom('measurePeriodUnits as pu')
      .innerJoin('units as u', 'u.id', 'pu.unitId')
      .leftJoin('measureSubmissions as s', (j) =>
        j.onRef('s.periodId', '=', 'pu.periodId').onRef('s.unitId', '=', 'pu.unitId'),
      )
      .select([
        'pu.unitId',
        'u.name as unitName',
        's.id as submissionId',
        's.status',
        's.round',
        's.reopenedAt',
        'pu.excludedReason',
        'pu.excludedAt',
      ])
      .where('pu.periodId', '=', periodId);
  return {
    /** Every unit of the period, by name. */
    units: (periodId: number, exec: Executor = db): Promise<PeriodUnitState[]> =>
      base(exec, periodId).orderBy('u.name').orderBy('pu.unitId').execute(),
    unit: (periodId: number, unitId: number, exec: Executor = db): Promise<PeriodUnitState | undefined> =>
      base(exec, periodId).where('pu.unitId', '=', unitId).executeTakeFirst(),
    /** The units a manager excluded from the ranking, with the reason (stored in each snapshot). */
    excluded: (periodId: number, exec: Executor = db) =>
      exec
        .selectFrom('measurePeriodUnits as pu')
        .innerJoin('units as u', 'u.id', 'pu.unitId')
        .select(['pu.unitId', 'u.name as unitName', 'pu.excludedReason as reason'])
        .where('pu.periodId', '=', periodId)
        .where('pu.excludedReason', 'is not', null)
        .orderBy('u.name')
        .execute() as Promise<{ unitId: number; unitName: string; reason: string }[]>,
    setExclusion: (
      periodId: number,
      unitId: number,
      patch: { excludedReason: string | null; excludedAt: string | null; excludedBy: number | null },
      exec: Executor = db,
    ) =>
      exec
        .updateTable('measurePeriodUnits')
        .set(patch)
        .where('periodId', '=', periodId)
        .where('unitId', '=', unitId)
        .execute(),
  };
}
export type PublicationRepository = ReturnType<typeof createPublicationRepository>;
