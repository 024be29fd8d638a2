import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import { moduleRevisions } from '../../../db/revisions.js';
import type { DB } from '../../../db/schema.js';
import type {
  FeedbackCalendarDaysTable,
  FeedbackCategoriesTable,
  FeedbackEventsTable,
  FeedbackReportsTable,
} from '../../../db/schema-feedback.js';
import { chunk } from '../../../lib/chunk.js';

// Kysely queries of the Feedback module (categories, reports, their timeline and files, one-time codes,
// challenges, subscriptions). No rules here; every function ends with the executor.

export type CategoryRow = Selectable<FeedbackCategoriesTable> & { defaultUnitName: string | null };
export type ReportRow = Selectable<FeedbackReportsTable> & {
  duplicateOfCode: string | null;
  categoryName: string;
  categoryCode: string;
  unitName: string;
  areaName: string | null;
};
export type CalendarDayRow = Pick<Selectable<FeedbackCalendarDaysTable>, 'day' | 'kind' | 'name'>;
export type RoutingRuleRow = {
  id: number;
  categoryId: number;
  categoryName: string;
  areaUnitId: number;
  areaName: string;
  unitId: number;
  unitName: string;
};
export type EventRow = Selectable<FeedbackEventsTable> & { unitName: string | null; userName: string | null };

export type ReportFilter = {
  scopeRoots?: number[];
  status?: string;
  statuses?: string[];
  categoryId?: number;
  categoryIds?: number[];
  unitId?: number;
  areaUnitId?: number;
  overdueOn?: string;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  codes?: string[];
};

export function createFeedbackRepository(db: Kysely<DB>) {
  const categories = (exec: Executor) =>
    exec
      .selectFrom('feedbackCategories as c')
      .leftJoin('units as u', 'u.id', 'c.defaultUnitId')
      .selectAll('c')
      .select('u.name as defaultUnitName');

  const bare = (exec: Executor) => exec.selectFrom('feedbackReports as r');
  // The joins of a report row: names of its category, unit, area and duplicate target.
  const withNames = (q: ReturnType<typeof bare>) =>
    q
      .innerJoin('feedbackCategories as c', 'c.id', 'r.categoryId')
      .innerJoin('units as u', 'u.id', 'r.unitId')
      .leftJoin('units as a', 'a.id', 'r.areaUnitId')
      .leftJoin('feedbackReports as dup', 'dup.id', 'r.duplicateOfId')
      .selectAll('r')
      .select([
        'dup.code as duplicateOfCode',
        'c.nameVi as categoryName',
        'c.code as categoryCode',
        'u.name as unitName',
        'a.name as areaName',
      ]);

  const reports = (exec: Executor) => withNames(bare(exec));

  // The filter on the reports table alone, so a count reads one table (and its indexes), not four joins: the
  // inner joins never drop a row (category_id and unit_id are NOT NULL foreign keys).
  function matching(exec: Executor, f: ReportFilter) {
    let q = bare(exec);
    if (f.scopeRoots) {
      const roots = f.scopeRoots.length ? f.scopeRoots : [-1];
      q = q.where('r.unitId', 'in', (eb) =>
        eb.selectFrom('unitClosure as uc').select('uc.descendantId').where('uc.ancestorId', 'in', roots),
      );
    }
    if (f.status) q = q.where('r.status', '=', f.status as 'received');
    if (f.statuses?.length) q = q.where('r.status', 'in', f.statuses as 'received'[]);
    if (f.categoryId) q = q.where('r.categoryId', '=', f.categoryId);
    if (f.categoryIds?.length) q = q.where('r.categoryId', 'in', f.categoryIds);
    if (f.unitId) q = q.where('r.unitId', '=', f.unitId);
    if (f.areaUnitId) q = q.where('r.areaUnitId', '=', f.areaUnitId);
    if (f.overdueOn)
      q = q
        .where('r.deadline', '<', f.overdueOn)
        .where('r.status', 'in', ['assigned', 'in_progress', 'reopened']);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
      q = q.where((eb) =>
        eb.or([
          eb('r.code', '=', f.q?.toUpperCase() ?? ''),
          eb(sql`lower(r.title)`, 'like', sql`lower(${like})`),
        ]),
      );
    }
    if (f.createdFrom) q = q.where('r.createdAt', '>=', f.createdFrom);
    if (f.createdTo) q = q.where('r.createdAt', '<', f.createdTo);
    if (f.codes?.length) q = q.where('r.code', 'in', f.codes);
    return q;
  }

  return {
    listCategories: (activeOnly: boolean, exec: Executor = db): Promise<CategoryRow[]> => {
      let q = categories(exec);
      if (activeOnly) q = q.where('c.active', '=', 1);
      return q.orderBy('c.nameVi').orderBy('c.id').execute();
    },
    findCategory: (id: number, exec: Executor = db): Promise<CategoryRow | undefined> =>
      categories(exec).where('c.id', '=', id).executeTakeFirst(),
    findCategoryByCode: (code: string, exec: Executor = db): Promise<CategoryRow | undefined> =>
      categories(exec).where('c.code', '=', code).executeTakeFirst(),
    insertCategory: (row: Insertable<FeedbackCategoriesTable>, exec: Executor = db) =>
      exec.insertInto('feedbackCategories').values(row).returning('id').executeTakeFirstOrThrow(),
    updateCategory: async (id: number, changes: Updateable<FeedbackCategoriesTable>, exec: Executor = db) => {
      await exec.updateTable('feedbackCategories').set(changes).where('id', '=', id).execute();
    },

    findReport: (id: number, exec: Executor = db): Promise<ReportRow | undefined> =>
      reports(exec).where('r.id', '=', id).executeTakeFirst(),
    findReportByCode: (code: string, exec: Executor = db): Promise<ReportRow | undefined> =>
      reports(exec).where('r.code', '=', code).executeTakeFirst(),
    listReports: (
      f: ReportFilter,
      page: { limit: number; offset: number; order?: 'asc' | 'desc' },
      exec: Executor = db,
    ): Promise<ReportRow[]> =>
      withNames(matching(exec, f))
        .orderBy('r.createdAt', page.order ?? 'desc')
        .orderBy('r.id', page.order ?? 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
    countReports: async (f: ReportFilter, exec: Executor = db) =>
      Number(
        (
          await matching(exec, f)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    /** Inserts the reports in one statement, except those whose code is already taken: the inserted ids. */
    insertReportsUnlessCodeTaken: async (
      rows: Insertable<FeedbackReportsTable>[],
      exec: Executor = db,
    ): Promise<{ id: number; code: string }[]> => {
      const out: { id: number; code: string }[] = [];
      for (const part of chunk(rows))
        out.push(
          ...(await exec
            .insertInto('feedbackReports')
            .values(part)
            .onConflict((oc) => oc.column('code').doNothing())
            .returning(['id', 'code'])
            .execute()),
        );
      return out;
    },
    updateReport: async (id: number, changes: Updateable<FeedbackReportsTable>, exec: Executor = db) => {
      await exec.updateTable('feedbackReports').set(changes).where('id', '=', id).execute();
    },

    /** Inserts events in batches; returns each new event's id with its report and kind (in no set order). */
    insertEvents: async (rows: Insertable<FeedbackEventsTable>[], exec: Executor = db) => {
      const out: { id: number; reportId: number; kind: string }[] = [];
      for (const part of chunk(rows))
        out.push(
          ...(await exec
            .insertInto('feedbackEvents')
            .values(part)
            .returning(['id', 'reportId', 'kind'])
            .execute()),
        );
      return out;
    },
    insertEvent: (row: Insertable<FeedbackEventsTable>, exec: Executor = db) =>
      exec.insertInto('feedbackEvents').values(row).returning('id').executeTakeFirstOrThrow(),
    eventsOf: (reportId: number, exec: Executor = db): Promise<EventRow[]> =>
      exec
        .selectFrom('feedbackEvents as e')
        .leftJoin('units as u', 'u.id', 'e.unitId')
        .leftJoin('users as us', 'us.id', 'e.userId')
        .selectAll('e')
        .select(['u.name as unitName', 'us.fullName as userName'])
        .where('e.reportId', '=', reportId)
        .orderBy('e.createdAt')
        .orderBy('e.id')
        .execute(),
    /** The first photo of each report (by attachment order), in one query: reportId → file publicId. */
    firstPhotos: async (reportIds: number[], exec: Executor = db): Promise<Map<number, string>> => {
      const first = new Map<number, string>();
      for (const ids of chunk(reportIds)) {
        const rows = await exec
          .selectFrom('feedbackReportFiles as rf')
          .innerJoin('files as f', 'f.id', 'rf.fileId')
          .select(['rf.reportId', 'f.publicId'])
          .where('rf.reportId', 'in', ids)
          .where('rf.role', '=', 'photo')
          .orderBy('rf.id')
          .execute();
        for (const r of rows) if (!first.has(r.reportId)) first.set(r.reportId, r.publicId);
      }
      return first;
    },
    filesOf: (reportId: number, exec: Executor = db) =>
      exec
        .selectFrom('feedbackReportFiles as rf')
        .innerJoin('files as f', 'f.id', 'rf.fileId')
        .select(['rf.role', 'rf.eventId', 'f.id', 'f.publicId', 'f.originalName', 'f.mime'])
        .where('rf.reportId', '=', reportId)
        .orderBy('rf.id')
        .execute(),
    attachFile: async (
      row: { reportId: number; fileId: number; role: 'photo' | 'evidence'; eventId: number | null },
      exec: Executor = db,
    ) => {
      await exec.insertInto('feedbackReportFiles').values(row).execute();
    },
    fileAttached: async (fileId: number, exec: Executor = db) =>
      !!(await exec
        .selectFrom('feedbackReportFiles')
        .select('id')
        .where('fileId', '=', fileId)
        .executeTakeFirst()),

    insertUpload: async (fileId: number, createdAt: string, exec: Executor = db) => {
      await exec.insertInto('feedbackUploads').values({ fileId, createdAt, usedAt: null }).execute();
    },
    /** Marks an unused upload as used (one winner); false when unknown, used or too old. */
    claimUpload: async (fileId: number, notBefore: string, now: string, exec: Executor = db) => {
      const r = await exec
        .updateTable('feedbackUploads')
        .set({ usedAt: now })
        .where('fileId', '=', fileId)
        .where('usedAt', 'is', null)
        .where('createdAt', '>=', notBefore)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    insertOtp: async (
      row: {
        publicId: string;
        contactHash: string;
        purpose: string;
        codeHash: string;
        expiresAt: string;
        createdAt: string;
      },
      exec: Executor = db,
    ) => {
      await exec
        .insertInto('feedbackOtps')
        .values({ ...row, usedAt: null })
        .execute();
    },
    findOtp: (publicId: string, exec: Executor = db) =>
      exec.selectFrom('feedbackOtps').selectAll().where('publicId', '=', publicId).executeTakeFirst(),
    countOtpAttempt: async (id: number, exec: Executor = db) => {
      await exec
        .updateTable('feedbackOtps')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
    consumeOtp: async (id: number, now: string, exec: Executor = db) => {
      const r = await exec
        .updateTable('feedbackOtps')
        .set({ usedAt: now })
        .where('id', '=', id)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    insertChallenge: async (
      row: { challenge: string; difficulty: number; expiresAt: string },
      exec: Executor = db,
    ) => {
      await exec
        .insertInto('feedbackChallenges')
        .values({ ...row, usedAt: null })
        .execute();
    },
    findChallenge: (challenge: string, exec: Executor = db) =>
      exec.selectFrom('feedbackChallenges').selectAll().where('challenge', '=', challenge).executeTakeFirst(),
    consumeChallenge: async (id: number, now: string, exec: Executor = db) => {
      const r = await exec
        .updateTable('feedbackChallenges')
        .set({ usedAt: now })
        .where('id', '=', id)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    purgeChallenges: async (before: string, exec: Executor = db) => {
      await exec.deleteFrom('feedbackChallenges').where('expiresAt', '<', before).execute();
    },

    subscribe: async (reportId: number, email: string, now: string, exec: Executor = db) => {
      await exec
        .insertInto('feedbackSubscriptions')
        .values({ reportId, email, createdAt: now })
        .onConflict((oc) => oc.columns(['reportId', 'email']).doNothing())
        .execute();
    },
    /** Every email following `fromId` follows `toId` too (a merged duplicate). */
    moveSubscribers: async (fromId: number, toId: number, now: string, exec: Executor = db) => {
      const emails = await exec
        .selectFrom('feedbackSubscriptions')
        .select('email')
        .where('reportId', '=', fromId)
        .execute();
      for (const { email } of emails)
        await exec
          .insertInto('feedbackSubscriptions')
          .values({ reportId: toId, email, createdAt: now })
          .onConflict((oc) => oc.columns(['reportId', 'email']).doNothing())
          .execute();
      return emails.length;
    },
    subscribersOf: async (reportId: number, exec: Executor = db) =>
      (
        await exec
          .selectFrom('feedbackSubscriptions')
          .select('email')
          .where('reportId', '=', reportId)
          .orderBy('id')
          .execute()
      ).map((r) => r.email),

    /** The top-level unit above a unit (itself when it is one). */
    rootOf: async (unitId: number, exec: Executor = db) =>
      (
        await exec
          .selectFrom('unitClosure as uc')
          .innerJoin('units as u', 'u.id', 'uc.ancestorId')
          .select('u.id')
          .where('uc.descendantId', '=', unitId)
          .where('uc.viaLineage', '=', 0)
          .where('u.parentId', 'is', null)
          .executeTakeFirst()
      )?.id,
    firstTopLevelUnit: async (exec: Executor = db) =>
      (
        await exec
          .selectFrom('units')
          .select('id')
          .where('parentId', 'is', null)
          .orderBy('id')
          .executeTakeFirst()
      )?.id,
    /** Communes and wards of today's structures, for the public form's picker. */
    publicAreas: (exec: Executor = db) =>
      exec
        .selectFrom('units')
        .select(['id', 'name'])
        .where('kind', '=', 'commune')
        .where('validTo', 'is', null)
        .orderBy('name')
        .orderBy('id')
        .limit(5000)
        .execute(),
    /**
     * The revision of the tables a public answer is read from (reports, their events, categories, units), the
     * data part of its cache key. Report files are written only with a report or an event, never alone.
     */
    revisions: (exec: Executor = db) => moduleRevisions(exec, ['units', 'feedback']),
    unitExists: async (id: number, exec: Executor = db) =>
      !!(await exec.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()),

    /** Open reports awaiting an answer with a deadline up to `until` (the reminder job). */
    dueReports: (until: string, exec: Executor = db) =>
      exec
        .selectFrom('feedbackReports')
        .select(['id', 'code', 'title', 'unitId', 'deadline', 'isDemo'])
        .where('status', 'in', ['assigned', 'in_progress', 'reopened'])
        .where('deadline', 'is not', null)
        .where('deadline', '<=', until)
        .orderBy('id')
        .execute(),

    /** Reports not yet routed (still 'received') whose receive-by instant is at or before `until`. */
    unreceivedReports: (until: string, exec: Executor = db) =>
      exec
        .selectFrom('feedbackReports')
        .select(['id', 'code', 'title', 'unitId', 'receiveDueAt', 'isDemo'])
        .where('status', '=', 'received')
        .where('receiveDueAt', 'is not', null)
        .where('receiveDueAt', '<=', until)
        .orderBy('id')
        .execute(),

    /** Per handling unit: the figures of on-time and satisfaction rates (see feedback-kpis.ts). */
    unitFigures: async (
      f: {
        unitId?: number;
        deadlineFrom: string;
        deadlineTo: string;
        ratedFrom: string;
        ratedTo: string;
        asOf: string;
      },
      exec: Executor = db,
    ) => {
      let due = exec
        .selectFrom('feedbackReports')
        .select((eb) => [
          'unitId',
          eb.fn.countAll().as('due'),
          eb.fn.sum(eb.case().when('firstAnswerOnTime', '=', 1).then(1).else(0).end()).as('onTime'),
        ])
        .where('deadline', '>=', f.deadlineFrom)
        .where('deadline', '<=', f.deadlineTo)
        .where((eb) => eb.or([eb('deadline', '<', f.asOf), eb('firstAnsweredAt', 'is not', null)]))
        .where('status', '!=', 'refused')
        .groupBy('unitId');
      let rated = exec
        .selectFrom('feedbackReports')
        .select((eb) => [
          'unitId',
          eb.fn.countAll().as('rated'),
          eb.fn.sum(eb.case().when('satisfaction', '=', 'satisfied').then(1).else(0).end()).as('satisfied'),
        ])
        .where('ratedAt', '>=', f.ratedFrom)
        .where('ratedAt', '<', f.ratedTo)
        .groupBy('unitId');
      if (f.unitId) {
        due = due.where('unitId', '=', f.unitId);
        rated = rated.where('unitId', '=', f.unitId);
      }
      return { due: await due.execute(), rated: await rated.execute() };
    },

    /** Per unit for the public statistics of a year. */
    yearStats: (from: string, to: string, exec: Executor = db) =>
      exec
        .selectFrom('feedbackReports as r')
        .innerJoin('units as u', 'u.id', 'r.unitId')
        .select((eb) => [
          'u.name as unitName',
          eb.fn.countAll().as('received'),
          eb.fn.count('r.firstAnsweredAt').as('answered'),
          eb.fn.sum(eb.case().when('r.firstAnswerOnTime', '=', 1).then(1).else(0).end()).as('onTime'),
          eb.fn.count('r.satisfaction').as('rated'),
          eb.fn.sum(eb.case().when('r.satisfaction', '=', 'satisfied').then(1).else(0).end()).as('satisfied'),
        ])
        .where('r.createdAt', '>=', from)
        .where('r.createdAt', '<', to)
        .where('r.status', 'not in', ['received', 'refused'])
        .groupBy(['r.unitId', 'u.name'])
        .orderBy('u.name')
        .execute(),

    /** Public timeline events in [from, to) of reports in `statuses`, oldest first (Open311 updates). */
    publicUpdates: (from: string, to: string, statuses: string[], limit: number, exec: Executor = db) =>
      exec
        .selectFrom('feedbackEvents as e')
        .innerJoin('feedbackReports as r', 'r.id', 'e.reportId')
        .select(['e.id', 'e.kind', 'e.status', 'e.text', 'e.createdAt', 'r.code', 'r.status as reportStatus'])
        .where('e.isPublic', '=', 1)
        .where('e.createdAt', '>=', from)
        .where('e.createdAt', '<', to)
        .where('r.status', 'in', statuses as FeedbackReportsTable['status'][])
        .orderBy('e.createdAt')
        .orderBy('e.id')
        .limit(limit)
        .execute(),

    /** The files attached to these events (evidence of an answer), in upload order (Open311 updates' media_url). */
    eventFiles: async (eventIds: number[], exec: Executor = db) =>
      eventIds.length === 0
        ? []
        : exec
            .selectFrom('feedbackReportFiles as rf')
            .innerJoin('files as f', 'f.id', 'rf.fileId')
            .select(['rf.eventId', 'f.publicId'])
            .where('rf.eventId', 'in', eventIds)
            .orderBy('rf.id')
            .execute(),

    // ---- The working calendar (days off, swapped working days)
    calendarDays: (exec: Executor = db): Promise<CalendarDayRow[]> =>
      exec.selectFrom('feedbackCalendarDays').select(['day', 'kind', 'name']).orderBy('day').execute(),
    calendarYear: (year: number, exec: Executor = db): Promise<CalendarDayRow[]> =>
      exec
        .selectFrom('feedbackCalendarDays')
        .select(['day', 'kind', 'name'])
        .where('day', '>=', `${year}-01-01`)
        .where('day', '<=', `${year}-12-31`)
        .orderBy('day')
        .execute(),
    findCalendarDay: (day: string, exec: Executor = db): Promise<CalendarDayRow | undefined> =>
      exec
        .selectFrom('feedbackCalendarDays')
        .select(['day', 'kind', 'name'])
        .where('day', '=', day)
        .executeTakeFirst(),
    insertCalendarDay: async (row: Insertable<FeedbackCalendarDaysTable>, exec: Executor = db) => {
      await exec.insertInto('feedbackCalendarDays').values(row).execute();
    },
    updateCalendarDay: async (
      day: string,
      changes: Updateable<FeedbackCalendarDaysTable>,
      exec: Executor = db,
    ) => {
      await exec.updateTable('feedbackCalendarDays').set(changes).where('day', '=', day).execute();
    },
    deleteCalendarDay: async (day: string, exec: Executor = db) => {
      await exec.deleteFrom('feedbackCalendarDays').where('day', '=', day).execute();
    },

    // ---- Routing rules (category × area → handling unit)
    /** Rules by id, or those whose area and unit both lie in the scope of `scopeRoots` (when given). */
    routingRules: (exec: Executor = db, id?: number, scopeRoots?: number[]): Promise<RoutingRuleRow[]> => {
      let q = exec
        .selectFrom('feedbackRoutingRules as rr')
        .innerJoin('feedbackCategories as c', 'c.id', 'rr.categoryId')
        .innerJoin('units as a', 'a.id', 'rr.areaUnitId')
        .innerJoin('units as u', 'u.id', 'rr.unitId')
        .select([
          'rr.id',
          'rr.categoryId',
          'c.nameVi as categoryName',
          'rr.areaUnitId',
          'a.name as areaName',
          'rr.unitId',
          'u.name as unitName',
        ]);
      if (id !== undefined) q = q.where('rr.id', '=', id);
      if (scopeRoots) {
        const roots = scopeRoots.length ? scopeRoots : [-1];
        const inScope = (col: 'rr.areaUnitId' | 'rr.unitId') =>
          q.where(col, 'in', (eb) =>
            eb.selectFrom('unitClosure as uc').select('uc.descendantId').where('uc.ancestorId', 'in', roots),
          );
        q = inScope('rr.areaUnitId');
        q = inScope('rr.unitId');
      }
      return q.orderBy('c.nameVi').orderBy('a.name').orderBy('rr.id').execute();
    },
    findRoutingRuleFor: async (categoryId: number, areaUnitId: number, exec: Executor = db) =>
      exec
        .selectFrom('feedbackRoutingRules as rr')
        .select(['rr.id', 'rr.categoryId', 'rr.areaUnitId', 'rr.unitId'])
        .where('rr.categoryId', '=', categoryId)
        .where('rr.areaUnitId', '=', areaUnitId)
        .executeTakeFirst(),
    /** The rule of the nearest area above (or at) `areaUnitId` for the category, if any. */
    /**
     * What a new report needs before its write, in one round trip: the category, the top-level unit above the
     * area (the triage unit) and the unit of the routing rule of the nearest area above it (category × area).
     */
    routingOf: (categoryId: number, areaUnitId: number | null, exec: Executor = db) =>
      categories(exec)
        .where('c.id', '=', categoryId)
        .select((eb) => [
          eb
            .selectFrom('unitClosure as uc')
            .innerJoin('units as top', 'top.id', 'uc.ancestorId')
            .select('top.id')
            .where('uc.descendantId', '=', areaUnitId ?? -1)
            .where('uc.viaLineage', '=', 0)
            .where('top.parentId', 'is', null)
            .limit(1)
            .as('areaRootId'),
          eb
            .selectFrom('feedbackRoutingRules as rr')
            .innerJoin('unitClosure as ruc', 'ruc.ancestorId', 'rr.areaUnitId')
            .select('rr.unitId')
            .where('ruc.descendantId', '=', areaUnitId ?? -1)
            .where('ruc.viaLineage', '=', 0)
            .whereRef('rr.categoryId', '=', 'c.id')
            .orderBy('ruc.depth')
            .orderBy('rr.id')
            .limit(1)
            .as('ruleUnitId'),
        ])
        .executeTakeFirst(),
    insertRoutingRule: (
      row: { categoryId: number; areaUnitId: number; unitId: number; createdAt: string; updatedAt: string },
      exec: Executor = db,
    ) => exec.insertInto('feedbackRoutingRules').values(row).returning('id').executeTakeFirstOrThrow(),
    deleteRoutingRule: async (id: number, exec: Executor = db) => {
      await exec.deleteFrom('feedbackRoutingRules').where('id', '=', id).execute();
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;
