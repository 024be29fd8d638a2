import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB, UnitClosureTable, UnitLineageTable, UnitsTable } from '../../db/schema.js';
import { chunk } from '../../lib/chunk.js';

// Writes for units, closure, lineage and headcounts, batched so a country-sized import is seconds.

export type NewUnit = Insertable<UnitsTable>;
export type ClosureRow = Selectable<UnitClosureTable>;
export type LineageRow = Selectable<UnitLineageTable>;

export function createUnitsWriteRepository(db: Kysely<DB>) {
  return {
    insertStructure: (
      row: {
        name: string;
        validFrom: string;
        validTo: string | null;
        description: string | null;
        createdAt: string;
      },
      exec: Executor = db,
    ) => exec.insertInto('structures').values(row).returning('id').executeTakeFirstOrThrow(),

    closeStructure: async (structureId: number, validTo: string, exec: Executor = db) => {
      await exec.updateTable('structures').set({ validTo }).where('id', '=', structureId).execute();
      await exec
        .updateTable('units')
        .set({ validTo })
        .where('structureId', '=', structureId)
        .where('validTo', 'is', null)
        .execute();
    },

    /** Inserts units (at most SQL_BATCH per statement) and returns their ids by code. */
    insertUnits: async (rows: NewUnit[], exec: Executor = db) => {
      const ids = new Map<string, number>();
      for (const part of chunk(rows)) {
        const inserted = await exec.insertInto('units').values(part).returning(['id', 'code']).execute();
        for (const r of inserted) ids.set(r.code, r.id);
      }
      return ids;
    },

    /** Sets path = parent's path + own id for units of a structure whose path is still empty. */
    fillPaths: async (structureId: number, exec: Executor = db) => {
      await sql`update units set path = '/' || cast(id as text) || '/'
        where structure_id = ${structureId} and path = '' and parent_id is null`.execute(exec);
      // One statement per tree level; stops when no empty path is left.
      for (let i = 0; i < 20; i++) {
        const res =
          await sql`update units set path = (select p.path from units p where p.id = units.parent_id) || cast(id as text) || '/'
          where structure_id = ${structureId} and path = ''
            and (select p.path from units p where p.id = units.parent_id) <> ''`.execute(exec);
        if (!res.numAffectedRows || res.numAffectedRows === 0n) break;
      }
    },

    updateUnit: (id: number, patch: Updateable<UnitsTable>, exec: Executor = db) =>
      exec.updateTable('units').set(patch).where('id', '=', id).execute(),

    insertClosure: async (rows: ClosureRow[], exec: Executor = db) => {
      for (const part of chunk(rows)) await exec.insertInto('unitClosure').values(part).execute();
    },

    /** Tree closure rows of one structure, or of the given descendants. */
    treeClosureOf: (descendantIds: number[], exec: Executor = db) =>
      descendantIds.length === 0
        ? Promise.resolve([] as ClosureRow[])
        : exec
            .selectFrom('unitClosure')
            .selectAll()
            .where('descendantId', 'in', descendantIds)
            .where('viaLineage', '=', 0)
            .execute(),

    subtreeIds: async (unitId: number, exec: Executor = db) => {
      const rows = await exec
        .selectFrom('unitClosure')
        .select('descendantId')
        .where('ancestorId', '=', unitId)
        .where('viaLineage', '=', 0)
        .execute();
      return rows.map((r) => r.descendantId);
    },

    deleteClosureOf: async (descendantIds: number[], viaLineage: 0 | 1, exec: Executor = db) => {
      for (const part of chunk(descendantIds)) {
        await exec
          .deleteFrom('unitClosure')
          .where('descendantId', 'in', part)
          .where('viaLineage', '=', viaLineage)
          .execute();
      }
    },

    allUnitParents: (exec: Executor = db) => exec.selectFrom('units').select(['id', 'parentId']).execute(),

    allLineageClosure: (exec: Executor = db) =>
      exec.selectFrom('unitClosure').selectAll().where('viaLineage', '=', 1).execute(),

    allLineage: (exec: Executor = db) =>
      exec.selectFrom('unitLineage').selectAll().execute() as Promise<LineageRow[]>,

    lineageBetween: (fromIds: number[], toIds: number[], exec: Executor = db) =>
      exec
        .selectFrom('unitLineage')
        .selectAll()
        .where('fromUnitId', 'in', fromIds)
        .where('toUnitId', 'in', toIds)
        .execute() as Promise<LineageRow[]>,

    findLineage: (id: number, exec: Executor = db) =>
      exec.selectFrom('unitLineage').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
        LineageRow | undefined
      >,

    insertLineage: async (rows: Insertable<UnitLineageTable>[], exec: Executor = db) => {
      const ids: number[] = [];
      for (const part of chunk(rows)) {
        const res = await exec.insertInto('unitLineage').values(part).returning('id').execute();
        ids.push(...res.map((r) => r.id));
      }
      return ids;
    },

    updateLineage: (id: number, patch: Updateable<UnitLineageTable>, exec: Executor = db) =>
      exec.updateTable('unitLineage').set(patch).where('id', '=', id).execute(),

    deleteLineage: (id: number, exec: Executor = db) =>
      exec.deleteFrom('unitLineage').where('id', '=', id).execute(),

    replaceHeadcounts: async (
      unitId: number,
      rows: { metric: string; asOf: string; value: number; source: string | null }[],
      exec: Executor = db,
    ) => {
      await exec.deleteFrom('unitHeadcounts').where('unitId', '=', unitId).execute();
      if (rows.length)
        await exec
          .insertInto('unitHeadcounts')
          .values(rows.map((r) => ({ ...r, unitId })))
          .execute();
    },

    db,
  };
}
export type UnitsWriteRepository = ReturnType<typeof createUnitsWriteRepository>;
export type { UnitClosureTable };
