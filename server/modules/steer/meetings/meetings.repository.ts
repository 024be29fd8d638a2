import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type {
  SteerMeetingConclusionsTable,
  SteerMeetingNoticesTable,
  SteerMeetingsTable,
} from '../../../db/schema-steer-meetings.js';

// Committee meetings and what hangs off them. Kysely only; the executor is the last parameter.

export type MeetingRow = Selectable<SteerMeetingsTable>;
export type NoticeRow = Selectable<SteerMeetingNoticesTable>;
export type ConclusionRow = Selectable<SteerMeetingConclusionsTable>;
export type AttendeeInsert = { unitId: number; representative: string | null };
export type AgendaInsert = { title: string; presenterUnitId: number | null };

export function createMeetingsRepository(db: Kysely<DB>) {
  return {
    async insertMeeting(row: Insertable<SteerMeetingsTable>, exec: Executor = db): Promise<MeetingRow> {
      return exec.insertInto('steerMeetings').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async updateMeeting(id: number, patch: Updateable<SteerMeetingsTable>, exec: Executor = db) {
      return exec
        .updateTable('steerMeetings')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async findMeeting(id: number, exec: Executor = db): Promise<MeetingRow | undefined> {
      return exec.selectFrom('steerMeetings').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Meetings of committees inside the given scope roots (unit_closure), newest first. */
    async listMeetings(q: { scopeRoots: number[]; unitId?: number; year?: number }, exec: Executor = db) {
      if (!q.scopeRoots.length) return [];
      let query = exec
        .selectFrom('steerMeetings as m')
        .innerJoin('units as u', 'u.id', 'm.unitId')
        .leftJoin('steerMeetingNotices as n', 'n.meetingId', 'm.id')
        .select([
          'm.id',
          'm.unitId',
          'u.name as unitName',
          'm.title',
          'm.kind',
          'm.startsAt',
          'm.meetingDate',
          'm.location',
          'm.chairName',
          'm.isDemo',
          'n.numberSymbol as noticeNumber',
        ])
        .select((eb) => [
          eb
            .selectFrom('steerMeetingConclusions as c')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('c.meetingId', '=', 'm.id')
            .as('conclusionCount'),
          eb
            .selectFrom('steerMeetingConclusions as c')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('c.meetingId', '=', 'm.id')
            .where('c.taskId', 'is not', null)
            .as('convertedCount'),
        ])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('unitClosure as uc')
              .select('uc.descendantId')
              .whereRef('uc.descendantId', '=', 'm.unitId')
              .where('uc.ancestorId', 'in', q.scopeRoots),
          ),
        );
      if (q.unitId !== undefined) query = query.where('m.unitId', '=', q.unitId);
      if (q.year !== undefined) {
        query = query
          .where('m.meetingDate', '>=', `${q.year}-01-01`)
          .where('m.meetingDate', '<=', `${q.year}-12-31`);
      }
      return query.orderBy('m.startsAt', 'desc').orderBy('m.id', 'desc').limit(500).execute();
    },

    /** The committee's meeting held just before this one (by start, then id). */
    async previousMeeting(meeting: MeetingRow, exec: Executor = db) {
      return exec
        .selectFrom('steerMeetings')
        .select(['id', 'title', 'meetingDate', 'startsAt'])
        .where('unitId', '=', meeting.unitId)
        .where((eb) =>
          eb.or([
            eb('startsAt', '<', meeting.startsAt),
            eb.and([eb('startsAt', '=', meeting.startsAt), eb('id', '<', meeting.id)]),
          ]),
        )
        .orderBy('startsAt', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
    },

    async unitNames(ids: number[], exec: Executor = db): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await exec
        .selectFrom('units')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /**
     * The area a committee steers: its own unit's subtree, or, for a committee recorded as a unit of its own with
     * nothing below it (the province's "Ban Chỉ đạo" beside its departments), its parent's.
     */
    async scopeUnitOf(committeeUnitId: number, exec: Executor = db): Promise<number> {
      const below = await exec
        .selectFrom('unitClosure')
        .select('descendantId')
        .where('ancestorId', '=', committeeUnitId)
        .where('descendantId', '<>', committeeUnitId)
        // Its own predecessors (lineage) are not units below it.
        .where('viaLineage', '=', 0)
        .limit(1)
        .executeTakeFirst();
      if (below) return committeeUnitId;
      const unit = await exec
        .selectFrom('units')
        .select('parentId')
        .where('id', '=', committeeUnitId)
        .executeTakeFirst();
      return unit?.parentId ?? committeeUnitId;
    },

    async unitRow(id: number, exec: Executor = db) {
      return exec
        .selectFrom('units')
        .select(['name', 'type', 'level'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async existingUnitIds(ids: number[], exec: Executor = db): Promise<Set<number>> {
      if (!ids.length) return new Set();
      const rows = await exec.selectFrom('units').select('id').where('id', 'in', ids).execute();
      return new Set(rows.map((r) => r.id));
    },

    async attendees(meetingId: number, exec: Executor = db) {
      return exec
        .selectFrom('steerMeetingAttendees as a')
        .innerJoin('units as u', 'u.id', 'a.unitId')
        .select(['a.unitId', 'u.name as unitName', 'a.representative'])
        .where('a.meetingId', '=', meetingId)
        .orderBy('a.id')
        .execute();
    },

    async replaceAttendees(meetingId: number, rows: AttendeeInsert[], exec: Executor = db) {
      await exec.deleteFrom('steerMeetingAttendees').where('meetingId', '=', meetingId).execute();
      if (rows.length) {
        await exec
          .insertInto('steerMeetingAttendees')
          .values(rows.map((r) => ({ meetingId, ...r })))
          .execute();
      }
    },

    async agenda(meetingId: number, exec: Executor = db) {
      return exec
        .selectFrom('steerMeetingAgendaItems as a')
        .leftJoin('units as u', 'u.id', 'a.presenterUnitId')
        .select(['a.position', 'a.title', 'a.presenterUnitId', 'u.name as presenterUnitName'])
        .where('a.meetingId', '=', meetingId)
        .orderBy('a.position')
        .execute();
    },

    async replaceAgenda(meetingId: number, rows: AgendaInsert[], exec: Executor = db) {
      await exec.deleteFrom('steerMeetingAgendaItems').where('meetingId', '=', meetingId).execute();
      if (rows.length) {
        await exec
          .insertInto('steerMeetingAgendaItems')
          .values(rows.map((r, i) => ({ meetingId, position: i + 1, ...r })))
          .execute();
      }
    },

    async documents(meetingId: number, exec: Executor = db) {
      return exec
        .selectFrom('steerMeetingDocuments as d')
        .innerJoin('files as f', 'f.id', 'd.fileId')
        .select(['d.id', 'd.title', 'd.createdAt', 'f.publicId as fileId', 'f.originalName as fileName'])
        .where('d.meetingId', '=', meetingId)
        .orderBy('d.id')
        .execute();
    },

    async insertDocument(
      row: { meetingId: number; fileId: number; title: string; createdBy: number | null; createdAt: string },
      exec: Executor = db,
    ) {
      return exec.insertInto('steerMeetingDocuments').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async findDocument(id: number, exec: Executor = db) {
      return exec.selectFrom('steerMeetingDocuments').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async deleteDocument(id: number, exec: Executor = db) {
      await exec.deleteFrom('steerMeetingDocuments').where('id', '=', id).execute();
    },

    async notice(meetingId: number, exec: Executor = db) {
      return exec
        .selectFrom('steerMeetingNotices as n')
        .leftJoin('files as f', 'f.id', 'n.fileId')
        .select([
          'n.id',
          'n.numberSymbol',
          'n.issuedOn',
          'n.signer',
          'n.fileId as fileRowId',
          'f.publicId as fileId',
          'f.originalName as fileName',
        ])
        .where('n.meetingId', '=', meetingId)
        .executeTakeFirst();
    },

    async upsertNotice(
      row: Omit<Insertable<SteerMeetingNoticesTable>, 'createdAt'> & { now: string },
      exec: Executor = db,
    ): Promise<NoticeRow> {
      const { now, ...values } = row;
      const existing = await exec
        .selectFrom('steerMeetingNotices')
        .select('id')
        .where('meetingId', '=', values.meetingId)
        .executeTakeFirst();
      if (existing) {
        return exec
          .updateTable('steerMeetingNotices')
          .set({ ...values, updatedAt: now })
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      }
      return exec
        .insertInto('steerMeetingNotices')
        .values({ ...values, createdAt: now, updatedAt: now })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async conclusions(meetingId: number, exec: Executor = db): Promise<ConclusionRow[]> {
      return exec
        .selectFrom('steerMeetingConclusions')
        .selectAll()
        .where('meetingId', '=', meetingId)
        .orderBy('position')
        .execute();
    },

    async findConclusion(id: number, exec: Executor = db): Promise<ConclusionRow | undefined> {
      return exec.selectFrom('steerMeetingConclusions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insertConclusion(
      row: { meetingId: number; text: string; now: string },
      exec: Executor = db,
    ): Promise<ConclusionRow> {
      const last = await exec
        .selectFrom('steerMeetingConclusions')
        .select((e) => e.fn.max('position').as('p'))
        .where('meetingId', '=', row.meetingId)
        .executeTakeFirst();
      return exec
        .insertInto('steerMeetingConclusions')
        .values({
          meetingId: row.meetingId,
          position: Number(last?.p ?? 0) + 1,
          text: row.text,
          createdAt: row.now,
          updatedAt: row.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async updateConclusionText(id: number, text: string, now: string, exec: Executor = db) {
      return exec
        .updateTable('steerMeetingConclusions')
        .set({ text, updatedAt: now })
        .where('id', '=', id)
        .where('taskId', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },

    /** Deletes an unconverted conclusion and closes the gap in the numbering (two steps: positions are unique). */
    async deleteConclusion(row: ConclusionRow, exec: Executor = db) {
      const res = await exec
        .deleteFrom('steerMeetingConclusions')
        .where('id', '=', row.id)
        .where('taskId', 'is', null)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) return false;
      await exec
        .updateTable('steerMeetingConclusions')
        .set((eb) => ({ position: eb.neg(eb.ref('position')) }))
        .where('meetingId', '=', row.meetingId)
        .where('position', '>', row.position)
        .execute();
      await exec
        .updateTable('steerMeetingConclusions')
        .set((eb) => ({ position: eb(eb.neg(eb.ref('position')), '-', 1) }))
        .where('meetingId', '=', row.meetingId)
        .where('position', '<', 0)
        .execute();
      return true;
    },

    async fileByPublicId(publicId: string, exec: Executor = db) {
      return exec.selectFrom('files').selectAll().where('publicId', '=', publicId).executeTakeFirst();
    },

    /**
     * Marks the conclusion converted, only if it is not yet: one winner when two conversions race (the loser
     * updates nothing and rolls its task back).
     */
    async markConverted(
      id: number,
      v: { taskId: number; convertedBy: number | null; now: string },
      exec: Executor = db,
    ): Promise<boolean> {
      const res = await exec
        .updateTable('steerMeetingConclusions')
        .set({ taskId: v.taskId, convertedAt: v.now, convertedBy: v.convertedBy, updatedAt: v.now })
        .where('id', '=', id)
        .where('taskId', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
  };
}
export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>;
