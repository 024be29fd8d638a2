import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { NewsKind, NewsPillar, NewsStatus } from '../../../core/news/news.js';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/schema.js';
import type { NewsItemsTable } from '../../db/schema-news.js';

// Kysely queries of the News module. No rules: who may see or change what is the services' business.

export type NewsRow = Selectable<NewsItemsTable> & {
  unitName: string;
  authorName: string;
  approverName: string | null;
};
export type UnitRef = { id: number; name: string };

export function createNewsRepository(db: Kysely<DB>) {
  const items = (exec: Executor) =>
    exec
      .selectFrom('newsItems as n')
      .innerJoin('units as u', 'u.id', 'n.unitId')
      .innerJoin('users as a', 'a.id', 'n.authorId')
      .leftJoin('users as p', 'p.id', 'n.approvedBy')
      .selectAll('n')
      .select(['u.name as unitName', 'a.fullName as authorName', 'p.fullName as approverName']);

  /** Published items, optionally about one unit (its own or tagged), kind and pillar. */
  const published = (exec: Executor, filter: { kind?: NewsKind; pillar?: NewsPillar; unitId?: number }) => {
    let q = exec.selectFrom('newsItems as n').where('n.status', '=', 'published');
    if (filter.kind) q = q.where('n.kind', '=', filter.kind);
    // Pillars are a JSON list of fixed words: a quoted match is exact on both databases.
    if (filter.pillar) q = q.where('n.pillars', 'like', `%"${filter.pillar}"%`);
    const unitId = filter.unitId;
    if (unitId !== undefined)
      q = q.where((eb) =>
        eb.or([
          eb('n.unitId', '=', unitId),
          eb.exists(
            eb
              .selectFrom('newsItemUnits as t')
              .select('t.itemId')
              .whereRef('t.itemId', '=', 'n.id')
              .where('t.unitId', '=', unitId),
          ),
        ]),
      );
    return q;
  };

  return {
    find: (id: number, exec: Executor = db) =>
      items(exec).where('n.id', '=', id).executeTakeFirst() as Promise<NewsRow | undefined>,

    findPublishedBySlug: (slug: string, exec: Executor = db) =>
      items(exec)
        .where('n.slug', '=', slug)
        .where('n.status', '=', 'published')
        .executeTakeFirst() as Promise<NewsRow | undefined>,

    slugTaken: async (slug: string, exceptId: number | null, exec: Executor = db) => {
      let q = exec.selectFrom('newsItems').select('id').where('slug', '=', slug);
      if (exceptId !== null) q = q.where('id', '<>', exceptId);
      return (await q.executeTakeFirst()) !== undefined;
    },

    /** Items whose unit is inside `rootUnitId`'s subtree, newest first. */
    async listInScope(
      query: { rootUnitId: number; status?: NewsStatus; kind?: NewsKind; limit: number; offset: number },
      exec: Executor = db,
    ) {
      let q = items(exec).innerJoin('unitClosure as uc', (j) =>
        j.onRef('uc.descendantId', '=', 'n.unitId').on('uc.ancestorId', '=', query.rootUnitId),
      );
      if (query.status) q = q.where('n.status', '=', query.status);
      if (query.kind) q = q.where('n.kind', '=', query.kind);
      const rows = (await q
        .orderBy('n.updatedAt', 'desc')
        .orderBy('n.id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute()) as NewsRow[];
      let c = exec
        .selectFrom('newsItems as n')
        .innerJoin('unitClosure as uc', (j) =>
          j.onRef('uc.descendantId', '=', 'n.unitId').on('uc.ancestorId', '=', query.rootUnitId),
        )
        .select((eb) => eb.fn.countAll().as('c'));
      if (query.status) c = c.where('n.status', '=', query.status);
      if (query.kind) c = c.where('n.kind', '=', query.kind);
      const total = Number((await c.executeTakeFirst())?.c ?? 0);
      return { rows, total };
    },

    async listPublished(
      filter: { kind?: NewsKind; pillar?: NewsPillar; unitId?: number; limit: number; offset: number },
      exec: Executor = db,
    ) {
      const ids = await published(exec, filter)
        .select('n.id')
        .orderBy('n.publishedAt', 'desc')
        .orderBy('n.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      const total = Number(
        (
          await published(exec, filter)
            .select((eb) => eb.fn.countAll().as('c'))
            .executeTakeFirst()
        )?.c ?? 0,
      );
      if (ids.length === 0) return { rows: [] as NewsRow[], total };
      const rows = (await items(exec)
        .where(
          'n.id',
          'in',
          ids.map((r) => r.id),
        )
        .orderBy('n.publishedAt', 'desc')
        .orderBy('n.id', 'desc')
        .execute()) as NewsRow[];
      return { rows, total };
    },

    /** The units each item is about. */
    async taggedUnits(itemIds: number[], exec: Executor = db): Promise<Map<number, UnitRef[]>> {
      const out = new Map<number, UnitRef[]>();
      if (itemIds.length === 0) return out;
      const rows = await exec
        .selectFrom('newsItemUnits as t')
        .innerJoin('units as u', 'u.id', 't.unitId')
        .select(['t.itemId', 'u.id', 'u.name'])
        .where('t.itemId', 'in', itemIds)
        .orderBy('u.name')
        .execute();
      for (const r of rows) {
        const list = out.get(r.itemId) ?? [];
        list.push({ id: r.id, name: r.name });
        out.set(r.itemId, list);
      }
      return out;
    },

    existingUnitIds: async (ids: number[], exec: Executor = db) =>
      ids.length === 0
        ? []
        : (await exec.selectFrom('units').select('id').where('id', 'in', ids).execute()).map((r) => r.id),

    insert: async (row: Insertable<NewsItemsTable>, exec: Executor = db) =>
      (await exec.insertInto('newsItems').values(row).returning('id').executeTakeFirstOrThrow()).id,

    /** Updates only when the row is still in one of `fromStatuses` (and at `revision`, when given). */
    update: async (
      id: number,
      patch: Updateable<NewsItemsTable>,
      guard: { fromStatuses: NewsStatus[]; revision?: number },
      exec: Executor = db,
    ) => {
      let q = exec
        .updateTable('newsItems')
        .set(patch)
        .where('id', '=', id)
        .where('status', 'in', guard.fromStatuses);
      if (guard.revision !== undefined) q = q.where('revision', '=', guard.revision);
      const res = await q.executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    replaceUnits: async (itemId: number, unitIds: number[], exec: Executor = db) => {
      await exec.deleteFrom('newsItemUnits').where('itemId', '=', itemId).execute();
      if (unitIds.length)
        await exec
          .insertInto('newsItemUnits')
          .values(unitIds.map((unitId) => ({ itemId, unitId })))
          .execute();
    },

    /** Scheduled items whose time has come. */
    dueScheduled: (now: string, exec: Executor = db) =>
      exec
        .selectFrom('newsItems')
        .select(['id', 'unitId', 'publishAt'])
        .where('status', '=', 'scheduled')
        .where('publishAt', '<=', now)
        .orderBy('publishAt')
        .limit(200)
        .execute(),

    demoCount: async (exec: Executor = db) =>
      Number(
        (
          await exec
            .selectFrom('newsItems')
            .select((eb) => eb.fn.countAll().as('c'))
            .where('isDemo', '=', 1)
            .executeTakeFirst()
        )?.c ?? 0,
      ),
  };
}
export type NewsRepository = ReturnType<typeof createNewsRepository>;

export const pillarsOf = (row: { pillars: string }): NewsPillar[] => {
  try {
    const v = JSON.parse(row.pillars);
    return Array.isArray(v) ? (v as NewsPillar[]) : [];
  } catch {
    return [];
  }
};
