import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type { SteerProductsTable } from '../../../db/schema-steer-registers.js';

// Kysely queries of the DX products register. No rules here.

export type ProductRow = Selectable<SteerProductsTable> & { unitName: string };

export function createProductsRepository(db: Kysely<DB>) {
  const withUnit = (exec: Executor) =>
    exec
      .selectFrom('steerProducts as p')
      .innerJoin('units as u', 'u.id', 'p.unitId')
      .selectAll('p')
      .select('u.name as unitName');

  return {
    find: (id: number, exec: Executor = db): Promise<ProductRow | undefined> =>
      withUnit(exec).where('p.id', '=', id).executeTakeFirst(),

    /** Products of units in the subtree of `rootUnitId` (tree only, not lineage). */
    list: (
      rootUnitId: number,
      filter: { year?: number; status?: string },
      exec: Executor = db,
    ): Promise<ProductRow[]> => {
      let q = withUnit(exec)
        .innerJoin('unitClosure as c', 'c.descendantId', 'p.unitId')
        .where('c.ancestorId', '=', rootUnitId)
        .where('c.viaLineage', '=', 0);
      if (filter.year !== undefined) q = q.where('p.year', '=', filter.year);
      if (filter.status !== undefined) q = q.where('p.status', '=', filter.status as 'submitted');
      return q.orderBy('p.year', 'desc').orderBy('u.name').orderBy('p.id').execute();
    },

    insert: async (row: Insertable<SteerProductsTable>, exec: Executor = db) =>
      exec.insertInto('steerProducts').values(row).returningAll().executeTakeFirstOrThrow(),

    update: async (id: number, changes: Updateable<SteerProductsTable>, exec: Executor = db) => {
      await exec.updateTable('steerProducts').set(changes).where('id', '=', id).execute();
    },

    remove: async (id: number, exec: Executor = db) => {
      await exec.deleteFrom('steerProductFiles').where('productId', '=', id).execute();
      await exec.deleteFrom('steerProductTasks').where('productId', '=', id).execute();
      await exec.deleteFrom('steerProducts').where('id', '=', id).execute();
    },

    filesOf: (productIds: number[], exec: Executor = db) =>
      productIds.length
        ? exec
            .selectFrom('steerProductFiles as pf')
            .innerJoin('files as f', 'f.id', 'pf.fileId')
            .select(['pf.productId', 'f.id', 'f.publicId', 'f.originalName'])
            .where('pf.productId', 'in', productIds)
            .orderBy('pf.id')
            .execute()
        : Promise.resolve([]),

    tasksOf: (productIds: number[], exec: Executor = db) =>
      productIds.length
        ? exec
            .selectFrom('steerProductTasks')
            .select(['productId', 'taskId'])
            .where('productId', 'in', productIds)
            .orderBy('id')
            .execute()
        : Promise.resolve([]),

    /** Replaces the evidence files and linked tasks of a product. */
    async setLinks(productId: number, fileIds: number[], taskIds: number[], exec: Executor = db) {
      await exec.deleteFrom('steerProductFiles').where('productId', '=', productId).execute();
      await exec.deleteFrom('steerProductTasks').where('productId', '=', productId).execute();
      if (fileIds.length)
        await exec
          .insertInto('steerProductFiles')
          .values(fileIds.map((fileId) => ({ productId, fileId })))
          .execute();
      if (taskIds.length)
        await exec
          .insertInto('steerProductTasks')
          .values(taskIds.map((taskId) => ({ productId, taskId })))
          .execute();
    },

    acceptedCount: async (unitId: number, year: number, exec: Executor = db) =>
      Number(
        (
          await exec
            .selectFrom('steerProducts')
            .select((e) => e.fn.countAll().as('n'))
            .where('unitId', '=', unitId)
            .where('year', '=', year)
            .where('status', '=', 'accepted')
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** Units of the subtree of `rootUnitId` (itself excluded) that exist during `year`. */
    unitsBelow: (rootUnitId: number, year: number, exec: Executor = db) =>
      exec
        .selectFrom('units as u')
        .innerJoin('unitClosure as c', 'c.descendantId', 'u.id')
        .select(['u.id', 'u.name', 'u.kind', 'u.type', 'u.level'])
        .where('c.ancestorId', '=', rootUnitId)
        .where('c.viaLineage', '=', 0)
        .where('c.depth', '>', 0)
        .where('u.validFrom', '<=', `${year}-12-31`)
        .where((e) => e.or([e('u.validTo', 'is', null), e('u.validTo', '>=', `${year}-01-01`)]))
        .execute(),

    /** Year and status of every product of the subtree in `year`. */
    statusesIn: (rootUnitId: number, year: number, exec: Executor = db) =>
      exec
        .selectFrom('steerProducts as p')
        .innerJoin('unitClosure as c', 'c.descendantId', 'p.unitId')
        .select(['p.unitId', 'p.year', 'p.status'])
        .where('c.ancestorId', '=', rootUnitId)
        .where('c.viaLineage', '=', 0)
        .where('p.year', '=', year)
        .execute(),

    fileById: (publicId: string, exec: Executor = db) =>
      exec.selectFrom('files').selectAll().where('publicId', '=', publicId).executeTakeFirst(),

    assignFileUnit: async (fileId: number, unitId: number, exec: Executor = db) => {
      await exec
        .updateTable('files')
        .set({ unitId })
        .where('id', '=', fileId)
        .where('unitId', 'is', null)
        .execute();
    },
  };
}
export type ProductsRepository = ReturnType<typeof createProductsRepository>;
