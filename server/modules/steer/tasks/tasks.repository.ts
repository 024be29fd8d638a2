import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { toDay } from '../../../../core/steer/calendar.js';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type {
  SteerPlansTable,
  SteerProgressUpdatesTable,
  SteerTaskExtensionsTable,
  SteerTaskGroupsTable,
  SteerTaskHistoryTable,
  SteerTaskStatusSpansTable,
  SteerTasksTable,
} from '../../../db/schema-steer.js';
import { chunk } from '../../../lib/chunk.js';

// Kysely queries for Steer's plans, groups, tasks, coordinators, history, extensions and progress. No rules
// here; id lists are chunked so no statement exceeds either database's bound-parameter limit.

export type PlanRow = Selectable<SteerPlansTable>;
export type GroupRow = Selectable<SteerTaskGroupsTable>;
export type TaskRow = Selectable<SteerTasksTable>;
export type HistoryRow = Selectable<SteerTaskHistoryTable>;
export type ExtensionRow = Selectable<SteerTaskExtensionsTable>;
export type ProgressRow = Selectable<SteerProgressUpdatesTable>;
export type UnitNameRow = { id: number; name: string; validTo: string | null; parentId: number | null };

/** Filters the list query applies in SQL (status filters run after deriving the status). */
export type TaskSqlFilter = {
  /** Scope: tasks whose lead, a coordinating or the owner unit lies under one of these roots (null: all). */
  scopeRoots: number[] | null;
  planId?: number;
  /** Lead or coordinating unit under this unit (closure, lineage included). */
  unitId?: number;
  role?: 'lead' | 'coordinator';
  isKey?: boolean;
  state?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  sourceKind?: string;
  sourceRef?: string;
};

/** What a task's status depends on among its own columns (the status inputs' task part). */
const STATUS_COLUMNS = [
  'id',
  'assignedOn',
  'deadlineWritten',
  'deadlineKind',
  'deadlineDue',
  'deadlineStart',
  'deadlineCycle',
] as const;
export type StatusTaskRow = Pick<TaskRow, (typeof STATUS_COLUMNS)[number]>;

const unfiltered = (f: TaskSqlFilter) =>
  f.scopeRoots === null && Object.entries(f).every(([k, v]) => k === 'scopeRoots' || v === undefined);

export function createSteerTasksRepository(db: Kysely<DB>) {
  const underRoots = (roots: number[]) =>
    db.selectFrom('unitClosure').select('descendantId').where('ancestorId', 'in', roots);

  /** The tasks a list query's SQL filters select (scope, plan, unit and role, key, state, due, source, text). */
  const filtered = (f: TaskSqlFilter, exec: Executor) => {
    let q = exec.selectFrom('steerTasks as t');
    if (f.scopeRoots) {
      const roots = f.scopeRoots.length ? f.scopeRoots : [-1];
      q = q.where((eb) =>
        eb.or([
          eb('t.leadUnitId', 'in', underRoots(roots)),
          eb('t.ownerUnitId', 'in', underRoots(roots)),
          eb(
            't.id',
            'in',
            eb.selectFrom('steerTaskCoordinators').select('taskId').where('unitId', 'in', underRoots(roots)),
          ),
        ]),
      );
    }
    if (f.planId !== undefined) q = q.where('t.planId', '=', f.planId);
    if (f.unitId !== undefined) {
      const units = underRoots([f.unitId]);
      const coordinated = db
        .selectFrom('steerTaskCoordinators')
        .select('taskId')
        .where('unitId', 'in', units);
      if (f.role === 'lead') q = q.where('t.leadUnitId', 'in', units);
      else if (f.role === 'coordinator') q = q.where('t.id', 'in', coordinated);
      else q = q.where((eb) => eb.or([eb('t.leadUnitId', 'in', units), eb('t.id', 'in', coordinated)]));
    }
    if (f.isKey !== undefined) q = q.where('t.isKey', '=', f.isKey ? 1 : 0);
    if (f.state) q = q.where('t.state', '=', f.state);
    if (f.dueFrom) q = q.where('t.currentDue', '>=', f.dueFrom);
    if (f.dueTo) q = q.where('t.currentDue', '<=', f.dueTo);
    if (f.sourceKind) q = q.where('t.sourceKind', '=', f.sourceKind);
    if (f.sourceRef) q = q.where('t.sourceRef', '=', f.sourceRef);
    if (f.q) q = q.where(sql<boolean>`lower(t.title) like ${`%${f.q.toLowerCase()}%`}`);
    return q;
  };

  return {
    // ------------------------------------------------------------ plans and groups
    insertPlan: (row: Insertable<SteerPlansTable>, exec: Executor = db) =>
      exec.insertInto('steerPlans').values(row).returningAll().executeTakeFirstOrThrow(),
    updatePlan: (id: number, patch: Updateable<SteerPlansTable>, exec: Executor = db) =>
      exec.updateTable('steerPlans').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
    deletePlan: (id: number, exec: Executor = db) =>
      exec.deleteFrom('steerPlans').where('id', '=', id).execute(),
    findPlan: (id: number, exec: Executor = db) =>
      exec.selectFrom('steerPlans').selectAll().where('id', '=', id).executeTakeFirst(),
    plansByIds: async (ids: number[], exec: Executor = db) => {
      const out: PlanRow[] = [];
      for (const part of chunk([...new Set(ids)]))
        out.push(...(await exec.selectFrom('steerPlans').selectAll().where('id', 'in', part).execute()));
      return out;
    },
    /**
     * Plans the roots see: issued by a unit under them, or holding a task led or coordinated by one (null: all).
     */
    listPlans: (
      filter: { scopeRoots: number[] | null; status?: string; unitId?: number; q?: string },
      exec: Executor = db,
    ) => {
      let q = exec.selectFrom('steerPlans').selectAll();
      if (filter.scopeRoots) {
        const roots = filter.scopeRoots.length ? filter.scopeRoots : [-1];
        q = q.where((eb) =>
          eb.or([
            eb('issuingUnitId', 'in', underRoots(roots)),
            eb(
              'id',
              'in',
              eb
                .selectFrom('steerTasks as t')
                .select('t.planId')
                .where('t.planId', 'is not', null)
                .where('t.confidential', '=', 0)
                .where((e) =>
                  e.or([
                    e('t.leadUnitId', 'in', underRoots(roots)),
                    e(
                      't.id',
                      'in',
                      e
                        .selectFrom('steerTaskCoordinators')
                        .select('taskId')
                        .where('unitId', 'in', underRoots(roots)),
                    ),
                  ]),
                ),
            ),
          ]),
        );
      }
      if (filter.status) q = q.where('status', '=', filter.status as PlanRow['status']);
      if (filter.unitId) q = q.where('issuingUnitId', 'in', underRoots([filter.unitId]));
      if (filter.q) {
        const like = `%${filter.q.toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['title']), 'like', like),
            eb(eb.fn('lower', ['numberSymbol']), 'like', like),
          ]),
        );
      }
      return q.orderBy('issuedOn', 'desc').orderBy('id', 'desc').execute();
    },
    taskCounts: async (planIds: number[], exec: Executor = db) => {
      const out = new Map<number, number>();
      for (const part of chunk([...new Set(planIds)])) {
        const rows = await exec
          .selectFrom('steerTasks')
          .select(['planId', (eb) => eb.fn.countAll<number>().as('n')])
          .where('planId', 'in', part)
          .groupBy('planId')
          .execute();
        for (const r of rows) if (r.planId !== null) out.set(r.planId, Number(r.n));
      }
      return out;
    },
    insertGroup: (row: Insertable<SteerTaskGroupsTable>, exec: Executor = db) =>
      exec.insertInto('steerTaskGroups').values(row).returningAll().executeTakeFirstOrThrow(),
    updateGroup: (id: number, patch: Updateable<SteerTaskGroupsTable>, exec: Executor = db) =>
      exec
        .updateTable('steerTaskGroups')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    deleteGroup: (id: number, exec: Executor = db) =>
      exec.deleteFrom('steerTaskGroups').where('id', '=', id).execute(),
    findGroup: (id: number, exec: Executor = db) =>
      exec.selectFrom('steerTaskGroups').selectAll().where('id', '=', id).executeTakeFirst(),
    groupsOf: (planId: number, exec: Executor = db) =>
      exec
        .selectFrom('steerTaskGroups')
        .selectAll()
        .where('planId', '=', planId)
        .orderBy('position')
        .orderBy('id')
        .execute(),
    maxGroupPosition: async (planId: number, exec: Executor = db) => {
      const row = await exec
        .selectFrom('steerTaskGroups')
        .select((eb) => eb.fn.max('position').as('m'))
        .where('planId', '=', planId)
        .executeTakeFirst();
      return row?.m === null || row?.m === undefined ? -1 : Number(row.m);
    },
    countTasksInGroup: async (groupId: number, exec: Executor = db) => {
      const row = await exec
        .selectFrom('steerTasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('groupId', '=', groupId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    // ------------------------------------------------------------ tasks
    insertTask: (row: Insertable<SteerTasksTable>, exec: Executor = db) =>
      exec.insertInto('steerTasks').values(row).returningAll().executeTakeFirstOrThrow(),
    updateTask: (id: number, patch: Updateable<SteerTasksTable>, exec: Executor = db) =>
      exec.updateTable('steerTasks').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
    findTask: (id: number, exec: Executor = db) =>
      exec.selectFrom('steerTasks').selectAll().where('id', '=', id).executeTakeFirst(),
    childrenOf: (parentId: number, exec: Executor = db) =>
      exec
        .selectFrom('steerTasks')
        .selectAll()
        .where('parentId', '=', parentId)
        .orderBy('position')
        .orderBy('id')
        .execute(),
    maxTaskPosition: async (planId: number | null, parentId: number | null, exec: Executor = db) => {
      let q = exec.selectFrom('steerTasks').select((eb) => eb.fn.max('position').as('m'));
      q = planId === null ? q.where('planId', 'is', null) : q.where('planId', '=', planId);
      q = parentId === null ? q.where('parentId', 'is', null) : q.where('parentId', '=', parentId);
      const row = await q.executeTakeFirst();
      return row?.m === null || row?.m === undefined ? -1 : Number(row.m);
    },
    /** Deletes tasks with everything hanging off them (children first is the caller's job). */
    deleteTasks: async (ids: number[], exec: Executor = db) => {
      for (const part of chunk(ids)) {
        const progressIds = exec.selectFrom('steerProgressUpdates').select('id').where('taskId', 'in', part);
        await exec.deleteFrom('steerProgressFiles').where('progressId', 'in', progressIds).execute();
        await exec.deleteFrom('steerProgressUpdates').where('taskId', 'in', part).execute();
        await exec.deleteFrom('steerTaskExtensions').where('taskId', 'in', part).execute();
        await exec.deleteFrom('steerTaskHistory').where('taskId', 'in', part).execute();
        await exec.deleteFrom('steerTaskCoordinators').where('taskId', 'in', part).execute();
      }
      // Deepest first: a sub-task references its parent.
      for (const id of [...ids].reverse()) await exec.deleteFrom('steerTasks').where('id', '=', id).execute();
    },
    /** Tasks matching the SQL part of a list query, in plan order. */
    listTasks: (f: TaskSqlFilter, exec: Executor = db) =>
      filtered(f, exec)
        .selectAll('t')
        .orderBy(sql`coalesce(t.plan_id, 0)`)
        .orderBy('t.position')
        .orderBy('t.id')
        .execute(),
    /** The ids (and confidentiality) of the tasks matching the SQL part of a list query, in plan order. */
    listTaskIds: (f: TaskSqlFilter, exec: Executor = db) =>
      filtered(f, exec)
        .select(['t.id', 't.confidential'])
        .orderBy(sql`coalesce(t.plan_id, 0)`)
        .orderBy('t.position')
        .orderBy('t.id')
        .execute(),
    /** The confidential tasks among those a list query's SQL filters select. */
    confidentialTaskIds: async (f: TaskSqlFilter, exec: Executor = db) =>
      (await filtered(f, exec).select('t.id').where('t.confidential', '=', 1).execute()).map((r) => r.id),
    /** One page of a list query's tasks in plan order, leaving out `hidden` (the ids and rows in one read). */
    taskRowsPage: (
      f: TaskSqlFilter,
      hidden: number[],
      offset: number,
      limit: number,
      exec: Executor = db,
    ) => {
      let q = filtered(f, exec).selectAll('t');
      // Hidden tasks are the confidential ones an actor may not read within its scope: few.
      for (const part of chunk(hidden)) q = q.where('t.id', 'not in', part);
      return q
        .orderBy(sql`coalesce(t.plan_id, 0)`)
        .orderBy('t.position')
        .orderBy('t.id')
        .limit(limit)
        .offset(offset)
        .execute();
    },
    tasksByIds: async (ids: number[], exec: Executor = db) => {
      const out: TaskRow[] = [];
      for (const part of chunk([...new Set(ids)]))
        out.push(...(await exec.selectFrom('steerTasks').selectAll().where('id', 'in', part).execute()));
      return out;
    },

    /** How many units (of any structure, merged ones included) lie under none of these roots. */
    unitsOutside: async (roots: number[], exec: Executor = db) =>
      Number(
        (
          await exec
            .selectFrom('units')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('id', 'not in', underRoots(roots.length ? roots : [-1]))
            .executeTakeFirstOrThrow()
        ).n,
      ),

    // ------------------------------------------------------------ status spans (core/steer/status-spans.ts)
    /** The columns of the tasks a status depends on (the rest comes from history, extensions, progress). */
    statusRowsOf: async (ids: number[], exec: Executor = db) => {
      const out: StatusTaskRow[] = [];
      for (const part of chunk([...new Set(ids)]))
        out.push(
          ...(await exec.selectFrom('steerTasks').select(STATUS_COLUMNS).where('id', 'in', part).execute()),
        );
      return out;
    },
    anyStaleStatus: async (exec: Executor = db) =>
      (await exec.selectFrom('steerTaskStatusStale').select('taskId').limit(1).executeTakeFirst()) !==
      undefined,
    /** Takes every stale mark (the caller recomputes those tasks in the same transaction). */
    claimStaleStatus: async (exec: Executor) =>
      (await exec.deleteFrom('steerTaskStatusStale').returning('taskId').execute()).map((r) => r.taskId),
    markAllStatusStale: async (exec: Executor = db) => {
      await exec.deleteFrom('steerTaskStatusStale').execute();
      await exec
        .insertInto('steerTaskStatusStale')
        .columns(['taskId'])
        .expression(exec.selectFrom('steerTasks').select('id'))
        .execute();
    },
    replaceStatusSpans: async (
      taskIds: number[],
      spans: Insertable<SteerTaskStatusSpansTable>[],
      exec: Executor,
    ) => {
      for (const part of chunk(taskIds))
        await exec.deleteFrom('steerTaskStatusSpans').where('taskId', 'in', part).execute();
      for (const part of chunk(spans)) await exec.insertInto('steerTaskStatusSpans').values(part).execute();
    },
    /**
     * Tasks matching the SQL part of a list query counted by their status span covering `asOf`. Every task
     * (no filter): the spans' running sums of the days up to `asOf` (migration 2026-12-07-1500), a few thousand
     * rows however many tasks there are; otherwise the matching tasks' spans.
     */
    statusCountsAsOf: async (
      f: TaskSqlFilter,
      asOf: string,
      exec: Executor = db,
    ): Promise<{ status: string; bucket: string | null; n: number | string }[]> => {
      if (unfiltered(f))
        return (
          await exec
            .selectFrom('steerTaskStatusDayCounts')
            .select(['status', 'bucket', (eb) => eb.fn.sum<number | string>('n').as('n')])
            .where('day', '<=', toDay(asOf))
            .groupBy(['status', 'bucket'])
            .having((eb) => eb.fn.sum('n'), '<>', 0)
            .execute()
        ).map((r) => ({ status: r.status, bucket: r.bucket === '' ? null : r.bucket, n: r.n }));
      const q = exec
        .selectFrom('steerTaskStatusSpans as s')
        .select(['s.status', 's.bucket', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('s.toDay', '>', toDay(asOf))
        .where('s.fromDay', '<=', toDay(asOf))
        .where('s.taskId', 'in', filtered(f, exec).select('t.id'));
      return q.groupBy(['s.status', 's.bucket']).execute();
    },
    /** The spans' running sums recomputed from the spans (a rebuild; the triggers keep them otherwise). */
    rebuildStatusDayCounts: async (exec: Executor) => {
      await exec.deleteFrom('steerTaskStatusDayCounts').execute();
      const changes = (column: 'fromDay' | 'toDay', n: 1 | -1) =>
        exec
          .selectFrom('steerTaskStatusSpans')
          .select([
            `${column} as day`,
            'status',
            (eb) => eb.fn.coalesce('bucket', sql.lit('')).as('bucket'),
            sql.lit(n).as('n'),
          ]);
      await exec
        .insertInto('steerTaskStatusDayCounts')
        .columns(['day', 'status', 'bucket', 'n'])
        .expression(
          exec
            .selectFrom(changes('fromDay', 1).unionAll(changes('toDay', -1)).as('c'))
            .select(['c.day', 'c.status', 'c.bucket', (eb) => eb.fn.sum<number>('c.n').as('n')])
            .groupBy(['c.day', 'c.status', 'c.bucket']),
        )
        .execute();
    },
    /** The spans covering `asOf` of these tasks (status and bucket on that date). */
    statusSpansAsOf: async (taskIds: number[], asOf: string, exec: Executor = db) => {
      const out: { taskId: number; status: string; bucket: string | null }[] = [];
      for (const part of chunk([...new Set(taskIds)]))
        out.push(
          ...(await exec
            .selectFrom('steerTaskStatusSpans')
            .select(['taskId', 'status', 'bucket'])
            .where('taskId', 'in', part)
            .where('toDay', '>', toDay(asOf))
            .where('fromDay', '<=', toDay(asOf))
            .execute()),
        );
      return out;
    },
    /** Ids of the tasks whose status (or bucket) on `asOf` is the one asked for. */
    taskIdsWithStatusAsOf: async (
      asOf: string,
      wanted: { status?: string; bucket?: string },
      exec: Executor = db,
    ) => {
      let q = exec
        .selectFrom('steerTaskStatusSpans')
        .select('taskId')
        .where('toDay', '>', toDay(asOf))
        .where('fromDay', '<=', toDay(asOf));
      if (wanted.status) q = q.where('status', '=', wanted.status);
      if (wanted.bucket) q = q.where('bucket', '=', wanted.bucket);
      return new Set((await q.execute()).map((r) => r.taskId));
    },

    // ------------------------------------------------------------ coordinators
    setCoordinators: async (taskId: number, unitIds: number[], exec: Executor = db) => {
      await exec.deleteFrom('steerTaskCoordinators').where('taskId', '=', taskId).execute();
      if (unitIds.length)
        await exec
          .insertInto('steerTaskCoordinators')
          .values(unitIds.map((unitId) => ({ taskId, unitId })))
          .execute();
    },
    coordinatorsOf: async (taskIds: number[], exec: Executor = db) => {
      const out = new Map<number, number[]>();
      for (const part of chunk([...new Set(taskIds)])) {
        const rows = await exec
          .selectFrom('steerTaskCoordinators')
          .select(['taskId', 'unitId'])
          .where('taskId', 'in', part)
          .orderBy('unitId')
          .execute();
        for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.unitId]);
      }
      return out;
    },

    // ------------------------------------------------------------ history, extensions, progress
    insertHistory: async (rows: Insertable<SteerTaskHistoryTable>[], exec: Executor = db) => {
      if (rows.length) await exec.insertInto('steerTaskHistory').values(rows).execute();
    },
    historyOf: (taskId: number, exec: Executor = db) =>
      exec.selectFrom('steerTaskHistory').selectAll().where('taskId', '=', taskId).orderBy('id').execute(),
    /** Lifecycle changes of many tasks, oldest first. */
    /**
     * A page of tasks' status inputs in one statement (state changes, approved extensions, and the progress
     * dates of the ongoing ones, each in id order), where three parallel reads cost three round trips; the
     * caller keeps the lists to a page (they are not chunked).
     */
    statusInputsOfPage: async (taskIds: number[], ongoingIds: number[], exec: Executor = db) => {
      if (!taskIds.length) return [];
      const states = exec
        .selectFrom('steerTaskHistory')
        .select([sql<string>`'h'`.as('k'), 'id', 'taskId', 'onDate as a', 'newValue as b'])
        .where('taskId', 'in', taskIds)
        .where('kind', '=', 'state');
      const extensions = exec
        .selectFrom('steerTaskExtensions')
        .select([sql<string>`'e'`.as('k'), 'id', 'taskId', 'requestedDue as a', 'decidedOn as b'])
        .where('taskId', 'in', taskIds)
        .where('status', '=', 'approved');
      let q = states.unionAll(extensions);
      if (ongoingIds.length)
        q = q.unionAll(
          exec
            .selectFrom('steerProgressUpdates')
            .select([
              sql<string>`'p'`.as('k'),
              'id',
              'taskId',
              'reportedOn as a',
              sql<string | null>`null`.as('b'),
            ])
            .where('taskId', 'in', ongoingIds),
        );
      return q.orderBy('k').orderBy('id').execute();
    },
    stateChangesOf: async (taskIds: number[], exec: Executor = db) => {
      const out: Pick<HistoryRow, 'taskId' | 'onDate' | 'newValue'>[] = [];
      for (const part of chunk([...new Set(taskIds)]))
        out.push(
          ...(await exec
            .selectFrom('steerTaskHistory')
            .select(['taskId', 'onDate', 'newValue'])
            .where('taskId', 'in', part)
            .where('kind', '=', 'state')
            .orderBy('id')
            .execute()),
        );
      return out;
    },
    insertExtension: (row: Insertable<SteerTaskExtensionsTable>, exec: Executor = db) =>
      exec.insertInto('steerTaskExtensions').values(row).returningAll().executeTakeFirstOrThrow(),
    updateExtension: (id: number, patch: Updateable<SteerTaskExtensionsTable>, exec: Executor = db) =>
      exec
        .updateTable('steerTaskExtensions')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    findExtension: (id: number, exec: Executor = db) =>
      exec.selectFrom('steerTaskExtensions').selectAll().where('id', '=', id).executeTakeFirst(),
    extensionsOf: (taskId: number, exec: Executor = db) =>
      exec.selectFrom('steerTaskExtensions').selectAll().where('taskId', '=', taskId).orderBy('id').execute(),
    approvedExtensionsOf: async (taskIds: number[], exec: Executor = db) => {
      const out: Pick<ExtensionRow, 'taskId' | 'requestedDue' | 'decidedOn'>[] = [];
      for (const part of chunk([...new Set(taskIds)]))
        out.push(
          ...(await exec
            .selectFrom('steerTaskExtensions')
            .select(['taskId', 'requestedDue', 'decidedOn'])
            .where('taskId', 'in', part)
            .where('status', '=', 'approved')
            .orderBy('id')
            .execute()),
        );
      return out;
    },
    insertProgress: (row: Insertable<SteerProgressUpdatesTable>, exec: Executor = db) =>
      exec.insertInto('steerProgressUpdates').values(row).returningAll().executeTakeFirstOrThrow(),
    updateProgress: (id: number, patch: Updateable<SteerProgressUpdatesTable>, exec: Executor = db) =>
      exec
        .updateTable('steerProgressUpdates')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    findProgress: (id: number, exec: Executor = db) =>
      exec.selectFrom('steerProgressUpdates').selectAll().where('id', '=', id).executeTakeFirst(),
    progressOf: (taskId: number, exec: Executor = db) =>
      exec
        .selectFrom('steerProgressUpdates')
        .selectAll()
        .where('taskId', '=', taskId)
        .orderBy('reportedOn', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    progressDatesOf: async (taskIds: number[], exec: Executor = db) => {
      const out: Pick<ProgressRow, 'taskId' | 'reportedOn'>[] = [];
      for (const part of chunk([...new Set(taskIds)]))
        out.push(
          ...(await exec
            .selectFrom('steerProgressUpdates')
            .select(['taskId', 'reportedOn'])
            .where('taskId', 'in', part)
            .execute()),
        );
      return out;
    },
    attachFiles: async (progressId: number, fileIds: number[], exec: Executor = db) => {
      if (fileIds.length)
        await exec
          .insertInto('steerProgressFiles')
          .values(fileIds.map((fileId) => ({ progressId, fileId })))
          .execute();
    },
    filesOfProgress: async (progressIds: number[], exec: Executor = db) => {
      const out = new Map<number, { id: string; name: string }[]>();
      for (const part of chunk([...new Set(progressIds)])) {
        const rows = await exec
          .selectFrom('steerProgressFiles as pf')
          .innerJoin('files as f', 'f.id', 'pf.fileId')
          .select(['pf.progressId', 'f.publicId', 'f.originalName'])
          .where('pf.progressId', 'in', part)
          .orderBy('f.id')
          .execute();
        for (const r of rows)
          out.set(r.progressId, [...(out.get(r.progressId) ?? []), { id: r.publicId, name: r.originalName }]);
      }
      return out;
    },

    // ------------------------------------------------------------ units, files, people
    /**
     * The units `unitIds` and the coordinating units of `taskIds`, in one read (a page of tasks' units; the
     * caller keeps the lists to a page, as the IN lists are not chunked).
     */
    unitsOfTasks: async (
      taskIds: number[],
      unitIds: number[],
      exec: Executor = db,
    ): Promise<UnitNameRow[]> => {
      if (!taskIds.length && !unitIds.length) return [];
      return exec
        .selectFrom('units')
        .select(['id', 'name', 'validTo', 'parentId'])
        .where((eb) =>
          eb.or([
            ...(unitIds.length ? [eb('id', 'in', [...new Set(unitIds)])] : []),
            ...(taskIds.length
              ? [
                  eb(
                    'id',
                    'in',
                    eb.selectFrom('steerTaskCoordinators').select('unitId').where('taskId', 'in', taskIds),
                  ),
                ]
              : []),
          ]),
        )
        .execute();
    },
    unitsByIds: async (ids: number[], exec: Executor = db): Promise<UnitNameRow[]> => {
      const out: UnitNameRow[] = [];
      for (const part of chunk([...new Set(ids)]))
        out.push(
          ...(await exec
            .selectFrom('units')
            .select(['id', 'name', 'validTo', 'parentId'])
            .where('id', 'in', part)
            .execute()),
        );
      return out;
    },
    /** Lineage edges out of these units (old → new), full ones first. */
    lineageFrom: async (ids: number[], exec: Executor = db) => {
      const out: { fromUnitId: number; toUnitId: number; kind: string; share: number | null }[] = [];
      for (const part of chunk([...new Set(ids)]))
        out.push(
          ...(await exec
            .selectFrom('unitLineage')
            .select(['fromUnitId', 'toUnitId', 'kind', 'share'])
            .where('fromUnitId', 'in', part)
            .orderBy('kind')
            .orderBy('share', 'desc')
            .orderBy('id')
            .execute()),
        );
      return out;
    },
    /** Pairs (ancestor, descendant) among the given units, from unit_closure (lineage included). */
    closurePairs: async (ancestorIds: number[], descendantIds: number[], exec: Executor = db) => {
      if (!ancestorIds.length || !descendantIds.length) return [];
      return exec
        .selectFrom('unitClosure')
        .select(['ancestorId', 'descendantId', 'viaLineage'])
        .where('ancestorId', 'in', [...new Set(ancestorIds)])
        .where('descendantId', 'in', [...new Set(descendantIds)])
        .execute();
    },
    findFile: (publicId: string, exec: Executor = db) =>
      exec
        .selectFrom('files')
        .select(['id', 'uploadedBy', 'unitId', 'publicId', 'originalName', 'mime'])
        .where('publicId', '=', publicId)
        .executeTakeFirst(),
    fileById: (id: number, exec: Executor = db) =>
      exec
        .selectFrom('files')
        .select(['id', 'publicId', 'originalName'])
        .where('id', '=', id)
        .executeTakeFirst(),
    assignFileUnit: (fileId: number, unitId: number, exec: Executor = db) =>
      exec
        .updateTable('files')
        .set({ unitId })
        .where('id', '=', fileId)
        .where('unitId', 'is', null)
        .execute(),
    userNames: async (ids: number[], exec: Executor = db) => {
      const out = new Map<number, string>();
      for (const part of chunk([...new Set(ids)])) {
        const rows = await exec
          .selectFrom('users')
          .select(['id', 'fullName'])
          .where('id', 'in', part)
          .execute();
        for (const r of rows) out.set(r.id, r.fullName);
      }
      return out;
    },
  };
}
export type SteerTasksRepository = ReturnType<typeof createSteerTasksRepository>;
