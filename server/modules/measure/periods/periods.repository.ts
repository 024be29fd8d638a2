import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type { MeasurePeriodsTable } from '../../../db/schema-measure.js';
import { chunk } from '../../../lib/chunk.js';

export type PeriodRow = Selectable<MeasurePeriodsTable>;
export type PeriodWithFramework = PeriodRow & {
  frameworkCode: string;
  frameworkName: string;
  frameworkVersion: number;
  unitCount: number;
};

export function createPeriodsRepository(db: Kysely<DB>) {
  const withFramework = (exec: Executor) =>
    exec
      .selectFrom('measurePeriods as p')
      .innerJoin('measureFrameworks as f', 'f.id', 'p.frameworkId')
      .selectAll('p')
      .select(['f.code as frameworkCode', 'f.name as frameworkName', 'f.version as frameworkVersion'])
      .select((eb) =>
        eb
          .selectFrom('measurePeriodUnits as pu')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('pu.periodId', '=', 'p.id')
          .as('unitCount'),
      );

  return {
    async insert(
      row: Insertable<MeasurePeriodsTable>,
      unitIds: number[],
      groupsOf: Map<number, string[]>,
      exec: Executor = db,
    ) {
      const period = await exec
        .insertInto('measurePeriods')
        .values(row)
        .returningAll()
        .executeTakeFirstOrThrow();
      for (const part of chunk(unitIds)) {
        const rows = part.map((unitId) => ({
          periodId: period.id,
          unitId,
          groupsJson: JSON.stringify(groupsOf.get(unitId) ?? []),
        }));
        await exec.insertInto('measurePeriodUnits').values(rows).execute();
      }
      return period;
    },
    find: async (id: number, exec: Executor = db): Promise<PeriodWithFramework | undefined> => {
      const row = await withFramework(exec).where('p.id', '=', id).executeTakeFirst();
      return row ? { ...row, unitCount: Number(row.unitCount ?? 0) } : undefined;
    },
    /** Periods whose root, or one of whose units, lies in the subtree of one of `roots`. */
    async listInScope(roots: number[], exec: Executor = db): Promise<PeriodWithFramework[]> {
      if (!roots.length) return [];
      const rows = await withFramework(exec)
        .where((eb) =>
          eb.or([
            eb('p.rootUnitId', 'in', roots),
            eb.exists(
              eb
                .selectFrom('unitClosure as c')
                .select(sql`1`.as('one'))
                .whereRef('c.descendantId', '=', 'p.rootUnitId')
                .where('c.ancestorId', 'in', roots),
            ),
            eb.exists(
              eb
                .selectFrom('measurePeriodUnits as pu')
                .innerJoin('unitClosure as c', 'c.descendantId', 'pu.unitId')
                .select(sql`1`.as('one'))
                .whereRef('pu.periodId', '=', 'p.id')
                .where('c.ancestorId', 'in', roots),
            ),
          ]),
        )
        .orderBy('p.year', 'desc')
        .orderBy('p.id', 'desc')
        .execute();
      return rows.map((r) => ({ ...r, unitCount: Number(r.unitCount ?? 0) }));
    },
    updateStatus: (id: number, status: PeriodRow['status'], updatedAt: string, exec: Executor = db) =>
      exec.updateTable('measurePeriods').set({ status, updatedAt }).where('id', '=', id).execute(),
    updateTargets: (id: number, targetsJson: string | null, updatedAt: string, exec: Executor = db) =>
      exec.updateTable('measurePeriods').set({ targetsJson, updatedAt }).where('id', '=', id).execute(),
    periodUnitIds: async (periodId: number, exec: Executor = db): Promise<number[]> =>
      (
        await exec
          .selectFrom('measurePeriodUnits')
          .select('unitId')
          .where('periodId', '=', periodId)
          .orderBy('unitId')
          .execute()
      ).map((r) => r.unitId),
    /** The unit's groups in the period, or undefined when the unit is not part of it. */
    async periodUnitGroups(
      periodId: number,
      unitId: number,
      exec: Executor = db,
    ): Promise<string[] | undefined> {
      const row = await exec
        .selectFrom('measurePeriodUnits')
        .select('groupsJson')
        .where('periodId', '=', periodId)
        .where('unitId', '=', unitId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.groupsJson) as string[]) : undefined;
    },
    async groupsByUnit(periodId: number, exec: Executor = db): Promise<Map<number, string[]>> {
      const rows = await exec
        .selectFrom('measurePeriodUnits')
        .select(['unitId', 'groupsJson'])
        .where('periodId', '=', periodId)
        .where('groupsJson', '!=', '[]')
        .execute();
      return new Map(rows.map((r) => [r.unitId, JSON.parse(r.groupsJson) as string[]]));
    },
    isPeriodUnit: async (periodId: number, unitId: number, exec: Executor = db) =>
      !!(await exec
        .selectFrom('measurePeriodUnits')
        .select('unitId')
        .where('periodId', '=', periodId)
        .where('unitId', '=', unitId)
        .executeTakeFirst()),
    /** Published periods of the same root, most recent first (for change since last period and history). */
  };
}
export type PeriodsRepository = ReturnType<typeof createPeriodsRepository>;
