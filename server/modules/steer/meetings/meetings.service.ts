import type {
  Conclusion,
  ConvertConclusionInput,
  MeetingDetail,
  MeetingInput,
  MeetingPatch,
  MeetingSummary,
} from '../../../../core/contracts/steer-meetings.js';
import { resolveDeadline } from '../../../../core/steer/deadline.js';
import { vietnamDate, vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, canOnUnit, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, type FieldError, notFound } from '../../../lib/errors.js';
import { canAttachFile } from '../../files/files.types.js';
import type { MeetingRow } from './meetings.repository.js';
import type { MeetingsService, MeetingsServiceDeps } from './meetings.types.js';
import './meetings.messages.js';

// Committee meetings: the meeting and its attendees, agenda and documents (steer.manage on the committee's unit
// to write, steer.read to read), the conclusion notice, the numbered conclusions and their conversion into
// tracked tasks. Every write is audited in its transaction; views are built after it commits.

const MEETING_404 = 'steer.meeting.not_found';
const HCM_OFFSET = '+07:00';

/** 'YYYY-MM-DD' + 'HH:MM' in Vietnam → the UTC instant. */
export function startsAtOf(date: string, time: string): string {
  return new Date(`${date}T${time}:00${HCM_OFFSET}`).toISOString();
}

/** The instant's clock time in Vietnam, 'HH:MM'. */
export function vietnamTime(instant: string): string {
  return new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}

/** "Thông báo kết luận số 45/TB-BCĐ ngày 20/03/2026": how a task cites where it came from. */
export function noticeLabel(notice: { numberSymbol: string; issuedOn: string }, position?: number): string {
  const base = `Thông báo kết luận số ${notice.numberSymbol} ngày ${vietnameseDateText(notice.issuedOn)}`;
  return position === undefined ? base : `${base}, kết luận số ${position}`;
}

function summaryOf(row: {
  id: number;
  unitId: number;
  unitName: string;
  title: string;
  kind: MeetingSummary['kind'];
  startsAt: string;
  meetingDate: string;
  location: string | null;
  chairName: string;
  isDemo: number;
  noticeNumber: string | null;
  conclusionCount: number | string | null;
  convertedCount: number | string | null;
}): MeetingSummary {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    title: row.title,
    kind: row.kind,
    date: row.meetingDate,
    time: vietnamTime(row.startsAt),
    startsAt: row.startsAt,
    location: row.location,
    chairName: row.chairName,
    noticeNumber: row.noticeNumber,
    conclusionCount: Number(row.conclusionCount ?? 0),
    convertedCount: Number(row.convertedCount ?? 0),
    isDemo: row.isDemo === 1,
  };
}

export function createMeetingsService(deps: MeetingsServiceDeps): MeetingsService {
  const { db, audit, clock, repo, guard, files, tasks } = deps;

  const loadFor = (actor: Actor | null, rule: 'steer.read' | 'steer.manage', id: number, exec?: Executor) =>
    guard.forEntity(
      actor,
      rule,
      () => repo.findMeeting(id, exec),
      (m) => m.unitId,
      {
        exec,
        notFoundKey: MEETING_404,
      },
    );

  /** Units named by the request must exist; a unit listed twice is refused. */
  async function checkUnits(
    named: { field: string; unitId: number }[],
    exec: Executor,
    fieldErrors: FieldError[],
    unique = true,
  ) {
    const existing = await repo.existingUnitIds([...new Set(named.map((n) => n.unitId))], exec);
    const seen = new Set<number>();
    for (const n of named) {
      if (!existing.has(n.unitId)) fieldErrors.push({ field: n.field, code: 'steer.meeting.unknown_unit' });
      else if (unique && seen.has(n.unitId)) {
        fieldErrors.push({ field: n.field, code: 'steer.meeting.duplicate_unit' });
      }
      seen.add(n.unitId);
    }
  }

  async function checkParts(
    input: Pick<MeetingPatch, 'attendees' | 'agenda'>,
    exec: Executor,
    fieldErrors: FieldError[],
  ) {
    if (input.attendees) {
      await checkUnits(
        input.attendees.map((a, i) => ({ field: `body.attendees.${i}.unitId`, unitId: a.unitId })),
        exec,
        fieldErrors,
      );
    }
    if (input.agenda) {
      await checkUnits(
        input.agenda.flatMap((a, i) =>
          a.presenterUnitId ? [{ field: `body.agenda.${i}.presenterUnitId`, unitId: a.presenterUnitId }] : [],
        ),
        exec,
        fieldErrors,
        false,
      );
    }
  }

  async function writeParts(
    meetingId: number,
    input: Pick<MeetingPatch, 'attendees' | 'agenda'>,
    exec: Executor,
  ) {
    if (input.attendees) {
      await repo.replaceAttendees(
        meetingId,
        input.attendees.map((a) => ({ unitId: a.unitId, representative: a.representative || null })),
        exec,
      );
    }
    if (input.agenda) {
      await repo.replaceAgenda(
        meetingId,
        input.agenda.map((a) => ({ title: a.title, presenterUnitId: a.presenterUnitId ?? null })),
        exec,
      );
    }
  }

  /** A file named by its public id that the caller may attach (its uploader, or a manager of its unit). */
  async function attachableFile(actor: Actor, publicId: string, field: string, exec: Executor) {
    const file = await repo.fileByPublicId(publicId, exec);
    const ancestors = file?.unitId ? await guard.ancestorsOf(file.unitId, exec) : [];
    if (!file || !canAttachFile(actor, file, ancestors, 'steer.manage')) {
      throw new AppError('VALIDATION', { fieldErrors: [{ field, code: 'steer.meeting.unknown_file' }] });
    }
    return file;
  }

  async function conclusionView(
    actor: Actor,
    row: {
      id: number;
      position: number;
      text: string;
      convertedAt: string | null;
      taskId: number | null;
    },
  ): Promise<Conclusion> {
    let task: Conclusion['task'] = null;
    if (row.taskId !== null) {
      try {
        const t = await tasks.getTask(actor, row.taskId);
        task = {
          id: t.id,
          title: t.title,
          leadUnitId: t.leadUnit.id,
          leadUnitName: t.leadUnit.name,
          deadlineWritten: t.deadline.written,
          due: t.currentDue,
          status: t.status?.status ?? 'not_due',
          daysOverdue: t.status?.daysOverdue ?? null,
        };
      } catch (error) {
        // A confidential task, or one outside the caller's scope, stays hidden: the conclusion shows it was converted.
        if (!(error instanceof AppError) || (error.status !== 403 && error.status !== 404)) throw error;
      }
    }
    return { id: row.id, position: row.position, text: row.text, convertedAt: row.convertedAt, task };
  }

  async function detailOf(actor: Actor, meeting: MeetingRow, ancestors: number[]): Promise<MeetingDetail> {
    const [names, attendees, agenda, documents, notice, conclusions, previous] = await Promise.all([
      repo.unitNames([meeting.unitId]),
      repo.attendees(meeting.id),
      repo.agenda(meeting.id),
      repo.documents(meeting.id),
      repo.notice(meeting.id),
      repo.conclusions(meeting.id),
      repo.previousMeeting(meeting),
    ]);
    const conclusionViews: Conclusion[] = [];
    for (const c of conclusions) conclusionViews.push(await conclusionView(actor, c));
    return {
      ...summaryOf({
        ...meeting,
        unitName: names.get(meeting.unitId) ?? '',
        noticeNumber: notice?.numberSymbol ?? null,
        conclusionCount: conclusions.length,
        convertedCount: conclusions.filter((c) => c.taskId !== null).length,
      }),
      chairTitle: meeting.chairTitle,
      attendees,
      agenda,
      documents: documents.map((d) => ({
        id: d.id,
        title: d.title,
        fileId: d.fileId,
        fileName: d.fileName,
        createdAt: d.createdAt,
      })),
      notice: notice
        ? {
            numberSymbol: notice.numberSymbol,
            issuedOn: notice.issuedOn,
            signer: notice.signer,
            fileId: notice.fileId,
            fileName: notice.fileName,
          }
        : null,
      conclusions: conclusionViews,
      previousMeeting: previous
        ? { id: previous.id, title: previous.title, date: previous.meetingDate }
        : null,
      canManage: canOnUnit(actor, 'steer.manage', ancestors),
    };
  }

  /** Runs a write on a meeting the caller manages, then answers with the meeting as it now is. */
  async function writeOn(
    ctx: AuditContext,
    id: number,
    write: (meeting: MeetingRow, actor: Actor, trx: Executor) => Promise<void>,
  ): Promise<MeetingDetail> {
    const { actor } = await db.transaction().execute(async (trx) => {
      const guarded = await loadFor(ctx.actor, 'steer.manage', id, trx);
      await write(guarded.entity, guarded.actor, trx);
      return guarded;
    });
    return get(actor, id);
  }

  async function get(actor: Actor | null, id: number): Promise<MeetingDetail> {
    const g = await loadFor(actor, 'steer.read', id);
    return detailOf(g.actor, g.entity, g.ancestors);
  }

  const conclusionOf = async (meetingId: number, conclusionId: number, exec: Executor) => {
    const row = await repo.findConclusion(conclusionId, exec);
    if (!row || row.meetingId !== meetingId) throw notFound('steer.meeting.conclusion_not_found');
    return row;
  };
  const converted = () => new AppError('CONFLICT', { detailKey: 'steer.meeting.conclusion_converted' });

  return {
    async list(actor, query) {
      const signedIn = requireSignedIn(actor);
      const rows = await repo.listMeetings({ scopeRoots: scopeRootsFor(signedIn, 'steer.read'), ...query });
      return { items: rows.map(summaryOf) };
    },

    get,

    async create(ctx, input: MeetingInput, options = {}) {
      const { actor } = await guard.forUnit(ctx.actor, 'steer.manage', input.unitId);
      const id = await db.transaction().execute(async (trx) => {
        const fieldErrors: FieldError[] = [];
        await checkParts(input, trx, fieldErrors);
        if (fieldErrors.length) throw new AppError('VALIDATION', { fieldErrors });
        const now = clock.now().toISOString();
        const startsAt = startsAtOf(input.date, input.time);
        const meeting = await repo.insertMeeting(
          {
            unitId: input.unitId,
            title: input.title,
            kind: input.kind,
            startsAt,
            meetingDate: vietnamDate(new Date(startsAt)),
            location: input.location || null,
            chairName: input.chairName,
            chairTitle: input.chairTitle || null,
            isDemo: options.isDemo ? 1 : 0,
            createdBy: actor.kind === 'user' ? actor.userId : null,
            createdAt: now,
            updatedAt: now,
          },
          trx,
        );
        await writeParts(meeting.id, input, trx);
        await audit.record(trx, ctx, {
          action: 'steer.meeting.create',
          entity: 'steer_meeting',
          entityId: meeting.id,
          after: { ...meeting, attendees: input.attendees, agenda: input.agenda },
        });
        return meeting.id;
      });
      return get(actor, id);
    },

    update(ctx, id, patch) {
      return writeOn(ctx, id, async (meeting, _actor, trx) => {
        const fieldErrors: FieldError[] = [];
        await checkParts(patch, trx, fieldErrors);
        if (fieldErrors.length) throw new AppError('VALIDATION', { fieldErrors });
        const date = patch.date ?? meeting.meetingDate;
        const time = patch.time ?? vietnamTime(meeting.startsAt);
        const startsAt = startsAtOf(date, time);
        const updated = await repo.updateMeeting(
          id,
          {
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
            ...(patch.location !== undefined ? { location: patch.location || null } : {}),
            ...(patch.chairName !== undefined ? { chairName: patch.chairName } : {}),
            ...(patch.chairTitle !== undefined ? { chairTitle: patch.chairTitle || null } : {}),
            startsAt,
            meetingDate: vietnamDate(new Date(startsAt)),
            updatedAt: clock.now().toISOString(),
          },
          trx,
        );
        await writeParts(id, patch, trx);
        await audit.record(trx, ctx, {
          action: 'steer.meeting.update',
          entity: 'steer_meeting',
          entityId: id,
          before: meeting,
          after: { ...updated, attendees: patch.attendees, agenda: patch.agenda },
        });
      });
    },

    addDocument(ctx, id, input) {
      return writeOn(ctx, id, async (meeting, actor, trx) => {
        const file = await attachableFile(actor, input.fileId, 'body.fileId', trx);
        const row = await repo.insertDocument(
          {
            meetingId: id,
            fileId: file.id,
            title: input.title,
            createdBy: actor.kind === 'user' ? actor.userId : null,
            createdAt: clock.now().toISOString(),
          },
          trx,
        );
        // A file without a unit now belongs to the committee's unit: its readers may download it.
        await files.assignUnit(file.id, meeting.unitId, trx);
        await audit.record(trx, ctx, {
          action: 'steer.meeting.document_add',
          entity: 'steer_meeting',
          entityId: id,
          after: { documentId: row.id, title: row.title, fileId: file.publicId, fileName: file.originalName },
        });
      });
    },

    removeDocument(ctx, id, documentId) {
      return writeOn(ctx, id, async (_meeting, _actor, trx) => {
        const row = await repo.findDocument(documentId, trx);
        if (!row || row.meetingId !== id) throw notFound('steer.meeting.document_not_found');
        await repo.deleteDocument(documentId, trx);
        await audit.record(trx, ctx, {
          action: 'steer.meeting.document_remove',
          entity: 'steer_meeting',
          entityId: id,
          before: { documentId: row.id, title: row.title, fileRowId: row.fileId },
        });
      });
    },

    setNotice(ctx, id, input) {
      return writeOn(ctx, id, async (meeting, actor, trx) => {
        const before = await repo.notice(id, trx);
        const conclusions = await repo.conclusions(id, trx);
        if (
          before &&
          conclusions.some((c) => c.taskId !== null) &&
          (before.numberSymbol !== input.numberSymbol || before.issuedOn !== input.issuedOn)
        ) {
          throw new AppError('CONFLICT', { detailKey: 'steer.meeting.notice_locked' });
        }
        let fileRowId: number | null = null;
        if (input.fileId) {
          // The notice's current file stays usable by whoever manages the meeting.
          fileRowId =
            before?.fileId === input.fileId
              ? before.fileRowId
              : (await attachableFile(actor, input.fileId, 'body.fileId', trx)).id;
          if (fileRowId !== null) await files.assignUnit(fileRowId, meeting.unitId, trx);
        }
        const row = await repo.upsertNotice(
          {
            meetingId: id,
            numberSymbol: input.numberSymbol,
            issuedOn: input.issuedOn,
            signer: input.signer || null,
            fileId: fileRowId,
            updatedAt: clock.now().toISOString(),
            now: clock.now().toISOString(),
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.meeting.notice_set',
          entity: 'steer_meeting',
          entityId: id,
          before: before ?? null,
          after: row,
        });
      });
    },

    addConclusion(ctx, id, input) {
      return writeOn(ctx, id, async (_meeting, _actor, trx) => {
        const row = await repo.insertConclusion(
          { meetingId: id, text: input.text, now: clock.now().toISOString() },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.meeting.conclusion_add',
          entity: 'steer_meeting_conclusion',
          entityId: row.id,
          after: row,
        });
      });
    },

    updateConclusion(ctx, id, conclusionId, input) {
      return writeOn(ctx, id, async (_meeting, _actor, trx) => {
        const before = await conclusionOf(id, conclusionId, trx);
        if (before.taskId !== null) throw converted();
        const after = await repo.updateConclusionText(
          conclusionId,
          input.text,
          clock.now().toISOString(),
          trx,
        );
        if (!after) throw converted();
        await audit.record(trx, ctx, {
          action: 'steer.meeting.conclusion_update',
          entity: 'steer_meeting_conclusion',
          entityId: conclusionId,
          before,
          after,
        });
      });
    },

    removeConclusion(ctx, id, conclusionId) {
      return writeOn(ctx, id, async (_meeting, _actor, trx) => {
        const before = await conclusionOf(id, conclusionId, trx);
        if (before.taskId !== null || !(await repo.deleteConclusion(before, trx))) throw converted();
        await audit.record(trx, ctx, {
          action: 'steer.meeting.conclusion_remove',
          entity: 'steer_meeting_conclusion',
          entityId: conclusionId,
          before,
        });
      });
    },

    async convertConclusion(ctx, id, conclusionId, input: ConvertConclusionInput) {
      let taskId = 0;
      const detail = await writeOn(ctx, id, async (meeting, actor, trx) => {
        const conclusion = await conclusionOf(id, conclusionId, trx);
        if (conclusion.taskId !== null) throw converted();
        const notice = await repo.notice(id, trx);
        if (!notice) throw new AppError('INVALID_STATE', { detailKey: 'steer.meeting.notice_missing' });
        const year = Number(notice.issuedOn.slice(0, 4));
        const resolved = resolveDeadline(input.deadline, { year });
        const fieldErrors: FieldError[] = [];
        if (!resolved.ok) {
          const text =
            resolved.error.text.length > 80 ? `${resolved.error.text.slice(0, 79)}…` : resolved.error.text;
          fieldErrors.push({
            field: 'body.deadline',
            code: `steer.meeting.deadline_${resolved.error.code}`,
            params: { text },
          });
        }
        await checkUnits(
          [
            { field: 'body.leadUnitId', unitId: input.leadUnitId },
            ...input.coordinatingUnitIds.map((u, i) => ({
              field: `body.coordinatingUnitIds.${i}`,
              unitId: u,
            })),
          ],
          trx,
          fieldErrors,
        );
        if (input.coordinatingUnitIds.includes(input.leadUnitId) && !fieldErrors.length) {
          fieldErrors.push({
            field: 'body.coordinatingUnitIds',
            code: 'steer.meeting.lead_also_coordinating',
          });
        }
        if (!fieldErrors.some((f) => f.field === 'body.leadUnitId')) {
          const leadAncestors = await guard.ancestorsOf(input.leadUnitId, trx);
          if (!leadAncestors.includes(await repo.scopeUnitOf(meeting.unitId, trx))) {
            fieldErrors.push({ field: 'body.leadUnitId', code: 'steer.meeting.lead_outside' });
          }
        }
        if (fieldErrors.length) {
          const deadlineError = fieldErrors.find((f) => f.field === 'body.deadline');
          throw new AppError('VALIDATION', {
            fieldErrors,
            ...(deadlineError ? { detailKey: deadlineError.code, params: deadlineError.params } : {}),
          });
        }
        const title =
          input.title ??
          (conclusion.text.length > 500 ? `${conclusion.text.slice(0, 499)}…` : conclusion.text);
        const task = await tasks.createTask(
          ctx,
          {
            ownerUnitId: meeting.unitId,
            title,
            description: conclusion.text,
            leadUnitIds: [input.leadUnitId],
            coordinatingUnitIds: input.coordinatingUnitIds,
            deadline: input.deadline,
            expectedProduct: input.expectedProduct ?? null,
            assignedOn: notice.issuedOn,
            source: {
              kind: 'conclusion',
              ref: String(conclusion.id),
              label: noticeLabel(notice, conclusion.position),
            },
            isDemo: meeting.isDemo === 1,
          },
          trx,
        );
        const now = clock.now().toISOString();
        const won = await repo.markConverted(
          conclusion.id,
          { taskId: task.id, convertedBy: actor.kind === 'user' ? actor.userId : null, now },
          trx,
        );
        // Another conversion of the same conclusion committed first: this task is rolled back with the rest.
        if (!won) throw converted();
        await audit.record(trx, ctx, {
          action: 'steer.meeting.conclusion_convert',
          entity: 'steer_meeting_conclusion',
          entityId: conclusion.id,
          before: { taskId: null },
          after: { taskId: task.id, leadUnitId: input.leadUnitId, deadline: input.deadline },
        });
        taskId = task.id;
      });
      const conclusion = detail.conclusions.find((c) => c.id === conclusionId);
      if (!conclusion) throw notFound('steer.meeting.conclusion_not_found');
      return { conclusion, taskId };
    },
  };
}
