import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import { moduleRevisions, type RevisedModule, revisionsWithUnitReader } from '../../../db/revisions.js';
import type { DB } from '../../../db/schema.js';
import type { SteerTasksTable } from '../../../db/schema-steer.js';
import type { SteerReportsTable } from '../../../db/schema-steer-reports.js';

// Kysely queries of Steer's reports and dashboard: the tasks a scope unit reports on, issued reports
// (append-only), the scopes the daily KPI job walks, and a cheap stamp that changes with every task write.

export type IssuedReportRow = Selectable<SteerReportsTable>;
export type ScopeUnitRow = { id: number; name: string; type: string; level: number };
export type ReportTaskSqlRow = Selectable<SteerTasksTable>;

/** What a report is computed from: Steer's tables, and units (names, lineage). */
const STAMP_SOURCES: readonly RevisedModule[] = ['steer', 'units'];

export function createReportsRepository(db: Kysely<DB>) {
  const scopeHead = revisionsWithUnitReader(db, STAMP_SOURCES);
  return {
    scopeUnit: (id: number, exec: Executor = db): Promise<ScopeUnitRow | undefined> =>
      exec
        .selectFrom('units')
        .select(['id', 'name', 'type', 'level'])
        .where('id', '=', id)
        .executeTakeFirst(),

    /**
     * The tasks a scope reports on: top-level tasks (sub-tasks roll up into their task) of issued or
     * superseded plans and of conclusion notices, whose lead or owner unit lies in the scope's subtree
     * (unit_closure, lineage included).
     */
    tasksInScope: (scopeUnitId: number, exec: Executor = db): Promise<ReportTaskSqlRow[]> => {
      const subtree = exec
        .selectFrom('unitClosure')
        .select('descendantId')
        .where('ancestorId', '=', scopeUnitId);
      return exec
        .selectFrom('steerTasks as t')
        .leftJoin('steerPlans as p', 'p.id', 't.planId')
        .selectAll('t')
        .where('t.parentId', 'is', null)
        .where((eb) => eb.or([eb('t.planId', 'is', null), eb('p.status', '!=', 'draft')]))
        .where((eb) => eb.or([eb('t.leadUnitId', 'in', subtree), eb('t.ownerUnitId', 'in', subtree)]))
        .orderBy('t.id')
        .execute();
    },

    plansByIds: async (ids: number[], exec: Executor = db) => {
      if (!ids.length) return [];
      return exec
        .selectFrom('steerPlans')
        .select(['id', 'numberSymbol', 'title'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
    },

    /**
     * Changes whenever anything a report is computed from changes, in any process: the revision counters the
     * triggers bump on every write to Steer's tables and to units and lineage (server/db/revisions.ts). One
     * indexed read of a small table; it replaced five aggregates, one of them a count of every task, which
     * every cached dashboard request paid (bench/steer.bench.ts).
     */
    stamp: (exec: Executor = db): Promise<string> => moduleRevisions(exec, STAMP_SOURCES),

    /**
     * A scope unit's closure rows (the access check's ancestors), its row and the stamp, in one round trip: what a
     * cached dashboard answer needs before its bytes are sent (server/db/revisions.ts).
     */
    scopeWithStamp: async (unitId: number, exec: Executor = db) => {
      const { revisions, ancestors, unit } = await scopeHead(unitId, exec);
      return { ancestors, scope: unit as ScopeUnitRow | undefined, stamp: revisions };
    },

    /** Top-level units that own or lead tasks: the scopes of the daily KPI job. */
    scopesWithTasks: async (exec: Executor = db): Promise<number[]> => {
      const rows = await exec
        .selectFrom('unitClosure as c')
        .innerJoin('units as u', 'u.id', 'c.ancestorId')
        .select('c.ancestorId')
        .distinct()
        .where('u.parentId', 'is', null)
        .where('u.validTo', 'is', null)
        .where((eb) =>
          eb.or([
            eb('c.descendantId', 'in', eb.selectFrom('steerTasks').select('leadUnitId')),
            eb('c.descendantId', 'in', eb.selectFrom('steerTasks').select('ownerUnitId')),
          ]),
        )
        .orderBy('c.ancestorId')
        .execute();
      return rows.map((r) => r.ancestorId);
    },

    insertReport: (row: Insertable<SteerReportsTable>, exec: Executor = db) =>
      exec.insertInto('steerReports').values(row).returningAll().executeTakeFirstOrThrow(),

    findReport: (id: number, exec: Executor = db) =>
      exec.selectFrom('steerReports').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Issued reports of a scope, newest first, without their documents. */
    listReports: (scopeUnitId: number, periodType: string | undefined, exec: Executor = db) => {
      let q = exec
        .selectFrom('steerReports')
        .select([
          'id',
          'scopeUnitId',
          'periodType',
          'periodCode',
          'periodStart',
          'periodEnd',
          'asOf',
          'numberSymbol',
          'title',
          'taskCount',
          'onTimeRate',
          'completionRate',
          'issuedBy',
          'issuedByLabel',
          'issuedAt',
          'isDemo',
        ])
        .where('scopeUnitId', '=', scopeUnitId);
      if (periodType) q = q.where('periodType', '=', periodType);
      return q.orderBy('periodEnd', 'desc').orderBy('id', 'desc').limit(500).execute();
    },

    demoReportExists: async (scopeUnitId: number, periodCode: string, exec: Executor = db) =>
      (await exec
        .selectFrom('steerReports')
        .select(sql<number>`1`.as('one'))
        .where('scopeUnitId', '=', scopeUnitId)
        .where('periodCode', '=', periodCode)
        .where('isDemo', '=', 1)
        .executeTakeFirst()) !== undefined,
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
