import type { Kysely, Selectable } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type { SteerImportsTable } from '../../../db/schema-steer-import.js';

// Kysely only: pending appendix imports, their workbook while a job reads it, and what an import needs to know
// about its plan (the plan, its units to match names against, its existing groups).

export type SteerImportRow = Selectable<SteerImportsTable>;
export type ImportPlan = {
  id: number;
  issuingUnitId: number;
  issuedOn: string;
  status: string;
  numberSymbol: string;
};
export type PlanUnit = { id: number; name: string; type: string };

export function createSteerImportRepository(db: Kysely<DB>) {
  return {
    async findPlan(id: number, exec: Executor = db): Promise<ImportPlan | undefined> {
      return exec
        .selectFrom('steerPlans')
        .select(['id', 'issuingUnitId', 'issuedOn', 'status', 'numberSymbol'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /**
     * The units names are matched against: the plan's province (the issuing unit's top-level ancestor) and
     * every unit under it in the same structure, lineage pairs excluded.
     */
    async planUnits(issuingUnitId: number, exec: Executor = db): Promise<PlanUnit[]> {
      const root = await exec
        .selectFrom('unitClosure as c')
        .innerJoin('units as u', 'u.id', 'c.ancestorId')
        .select(['u.id', 'u.structureId'])
        .where('c.descendantId', '=', issuingUnitId)
        .where('c.viaLineage', '=', 0)
        .where('u.parentId', 'is', null)
        .executeTakeFirst();
      const top =
        root ??
        (await exec
          .selectFrom('units')
          .select(['id', 'structureId'])
          .where('id', '=', issuingUnitId)
          .executeTakeFirst());
      if (!top) return [];
      return exec
        .selectFrom('unitClosure as c')
        .innerJoin('units as u', 'u.id', 'c.descendantId')
        .select(['u.id', 'u.name', 'u.type'])
        .where('c.ancestorId', '=', top.id)
        .where('c.viaLineage', '=', 0)
        .where('u.structureId', '=', top.structureId)
        .orderBy('u.level')
        .orderBy('u.name')
        .orderBy('u.id')
        .execute();
    },

    async planGroups(planId: number, exec: Executor = db) {
      return exec
        .selectFrom('steerTaskGroups')
        .select(['id', 'code', 'position'])
        .where('planId', '=', planId)
        .execute();
    },

    async insertImport(
      values: Omit<SteerImportRow, 'id' | 'processedRows' | 'totalRows'> & {
        processedRows?: number;
        totalRows?: number;
      },
      exec: Executor = db,
    ): Promise<SteerImportRow> {
      return exec.insertInto('steerImports').values(values).returningAll().executeTakeFirstOrThrow();
    },

    async updateImport(
      id: number,
      values: Partial<Omit<SteerImportRow, 'id'>>,
      exec: Executor = db,
    ): Promise<void> {
      await exec.updateTable('steerImports').set(values).where('id', '=', id).execute();
    },

    async importById(id: number, exec: Executor = db): Promise<SteerImportRow | undefined> {
      return exec.selectFrom('steerImports').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Marks a ready import confirmed; false when another request got there first (or it is not ready). */
    async claim(id: number, at: string, exec: Executor = db): Promise<boolean> {
      const r = await exec
        .updateTable('steerImports')
        .set({ status: 'confirmed', confirmedAt: at, updatedAt: at })
        .where('id', '=', id)
        .where('status', '=', 'ready')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async insertFile(importId: number, contentBase64: string, exec: Executor = db): Promise<void> {
      await exec.insertInto('steerImportFiles').values({ importId, contentBase64 }).execute();
    },

    async fileOf(importId: number, exec: Executor = db) {
      return exec
        .selectFrom('steerImportFiles')
        .select('contentBase64')
        .where('importId', '=', importId)
        .executeTakeFirst();
    },

    async deleteFile(importId: number, exec: Executor = db): Promise<void> {
      await exec.deleteFrom('steerImportFiles').where('importId', '=', importId).execute();
    },
  };
}

export type SteerImportRepository = ReturnType<typeof createSteerImportRepository>;
