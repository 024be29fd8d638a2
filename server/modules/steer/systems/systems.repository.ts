import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type {
  SteerReviewCampaignsTable,
  SteerReviewItemsTable,
  SteerSystemsTable,
} from '../../../db/schema-steer-registers.js';

// Kysely queries of the information systems register and its review campaigns. No rules here.

export type SystemRow = Selectable<SteerSystemsTable> & { unitName: string };
export type CampaignRow = Selectable<SteerReviewCampaignsTable>;
export type ItemRow = Selectable<SteerReviewItemsTable> & { systemName: string; unitName: string };

export function createSystemsRepository(db: Kysely<DB>) {
  const systems = (exec: Executor) =>
    exec
      .selectFrom('steerSystems as s')
      .innerJoin('units as u', 'u.id', 's.unitId')
      .selectAll('s')
      .select('u.name as unitName');

  const inSubtree = (exec: Executor, rootUnitId: number) =>
    systems(exec)
      .innerJoin('unitClosure as c', 'c.descendantId', 's.unitId')
      .where('c.ancestorId', '=', rootUnitId)
      .where('c.viaLineage', '=', 0);

  const items = (exec: Executor) =>
    exec
      .selectFrom('steerReviewItems as i')
      .innerJoin('steerSystems as s', 's.id', 'i.systemId')
      .innerJoin('units as u', 'u.id', 'i.unitId')
      .selectAll('i')
      .select(['s.name as systemName', 'u.name as unitName']);

  return {
    find: (id: number, exec: Executor = db): Promise<SystemRow | undefined> =>
      systems(exec).where('s.id', '=', id).executeTakeFirst(),
    /** Systems owned by units of the subtree of `rootUnitId` (tree, not lineage). */
    listIn: (rootUnitId: number, exec: Executor = db): Promise<SystemRow[]> =>
      inSubtree(exec, rootUnitId).orderBy('u.name').orderBy('s.name').orderBy('s.id').execute(),
    ofUnit: (unitId: number, exec: Executor = db) =>
      exec.selectFrom('steerSystems').selectAll().where('unitId', '=', unitId).execute(),
    insert: (row: Insertable<SteerSystemsTable>, exec: Executor = db) =>
      exec.insertInto('steerSystems').values(row).returningAll().executeTakeFirstOrThrow(),
    update: async (id: number, changes: Updateable<SteerSystemsTable>, exec: Executor = db) => {
      await exec.updateTable('steerSystems').set(changes).where('id', '=', id).execute();
    },

    findCampaign: (id: number, exec: Executor = db): Promise<CampaignRow | undefined> =>
      exec.selectFrom('steerReviewCampaigns').selectAll().where('id', '=', id).executeTakeFirst(),
    insertCampaign: (row: Insertable<SteerReviewCampaignsTable>, exec: Executor = db) =>
      exec.insertInto('steerReviewCampaigns').values(row).returningAll().executeTakeFirstOrThrow(),
    updateCampaign: async (
      id: number,
      changes: Updateable<SteerReviewCampaignsTable>,
      exec: Executor = db,
    ) => {
      await exec.updateTable('steerReviewCampaigns').set(changes).where('id', '=', id).execute();
    },
    /** Operating systems with their owner unit's name, for the daily review-due reminders. */
    operating: (exec: Executor = db) =>
      exec
        .selectFrom('steerSystems as s')
        .innerJoin('units as u', 'u.id', 's.unitId')
        .select([
          's.id',
          's.unitId',
          's.name',
          's.status',
          's.lastReviewDate',
          's.goLiveDate',
          's.createdAt',
          's.isDemo',
          'u.name as unitName',
        ])
        .where('s.status', '=', 'operating')
        .orderBy('s.unitId')
        .orderBy('s.id')
        .execute(),
    openCampaigns: (exec: Executor = db) =>
      exec
        .selectFrom('steerReviewCampaigns')
        .selectAll()
        .where('status', '=', 'open')
        .orderBy('id')
        .execute(),
    insertItems: async (rows: Insertable<SteerReviewItemsTable>[], exec: Executor = db) => {
      if (rows.length) await exec.insertInto('steerReviewItems').values(rows).execute();
    },
    /** Items of a campaign whose unit is in the subtree of `rootUnitId` (all items when omitted). */
    itemsOf: (campaignId: number, rootUnitId: number | null, exec: Executor = db): Promise<ItemRow[]> => {
      let q = items(exec).where('i.campaignId', '=', campaignId);
      if (rootUnitId !== null)
        q = q.where('i.unitId', 'in', (e) =>
          e
            .selectFrom('unitClosure')
            .select('descendantId')
            .where('ancestorId', '=', rootUnitId)
            .where('viaLineage', '=', 0),
        );
      return q.orderBy('u.name').orderBy('s.name').execute();
    },
    findItem: (id: number, exec: Executor = db): Promise<ItemRow | undefined> =>
      items(exec).where('i.id', '=', id).executeTakeFirst(),
    confirmItem: async (
      id: number,
      changes: { confirmedAt: string; confirmedBy: number; changed: number; note: string | null },
      exec: Executor = db,
    ) => {
      await exec.updateTable('steerReviewItems').set(changes).where('id', '=', id).execute();
    },
    /** Campaigns with at least one item in the subtree of `rootUnitId`, or rooted inside it. */
    campaignsFor: (rootUnitId: number, exec: Executor = db) =>
      exec
        .selectFrom('steerReviewCampaigns as k')
        .selectAll('k')
        .where((e) =>
          e.or([
            e(
              'k.id',
              'in',
              e
                .selectFrom('steerReviewItems as i')
                .innerJoin('unitClosure as c', 'c.descendantId', 'i.unitId')
                .select('i.campaignId')
                .where('c.ancestorId', '=', rootUnitId)
                .where('c.viaLineage', '=', 0),
            ),
            e(
              'k.rootUnitId',
              'in',
              e
                .selectFrom('unitClosure')
                .select('descendantId')
                .where('ancestorId', '=', rootUnitId)
                .where('viaLineage', '=', 0),
            ),
          ]),
        )
        .orderBy('k.dueDate', 'desc')
        .orderBy('k.id', 'desc')
        .execute(),
  };
}
export type SystemsRepository = ReturnType<typeof createSystemsRepository>;
