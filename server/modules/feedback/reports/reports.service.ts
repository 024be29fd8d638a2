import { randomInt } from 'node:crypto';
import { addWorkingHours, calendarFromDays, deadlineState } from '../../../../core/feedback/deadline.js';
import { FEEDBACK_STATUS_LABELS } from '../../../../core/feedback/labels.js';
import { type FeedbackAction, type FeedbackStatus, nextStatus } from '../../../../core/feedback/lifecycle.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, validation } from '../../../lib/errors.js';
import { type BatchWriter, createGroupCommit } from '../../../lib/group-commit.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import { canAttachFile } from '../../files/files.types.js';
import type { NotificationEvent } from '../../notifications/notifications.types.js';
import { canHandleReport, canManageReport, canReadReport, canWorkOnReport } from '../feedback.policy.js';
import type { FeedbackBase, NewReport, ReportsService } from '../feedback.types.js';
import type { CategoryRow, ReportRow } from '../shared/feedback.repository.js';
import { maskContact, newDeadline, staffView } from '../shared/report-view.js';
import { exportQueueXlsx } from './reports-export.js';
import '../feedback.messages.js';

// Citizen reports on the staff side: created (from the public form, Open311 or the demo) and routed by their
// category, then assigned, accepted, answered with evidence, refused, closed, noted, extended; each write in one
// transaction with its audit row, its timeline event, the notices it causes and the KPIs it moves.

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** PA-<year>-<8 random characters>: 32^8 ≈ 10^12 codes a year, so a code cannot be guessed from another. */
export function newReportCode(year: number): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `PA-${year}-${s}`;
}

/** The receive-by reminder's "soon": two hours before the instant. */
const RECEIVE_SOON_MS = 2 * 3600_000;
/** '2026-04-20T03:30:00Z' → '10:30 20/04/2026' (Vietnam time, no daylight saving). */
const vietnamTimeText = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};
const notAllowed = () => new AppError('INVALID_STATE', { detailKey: 'feedback.not_allowed' });

type PendingReport = {
  ctx: AuditContext;
  input: NewReport;
  prepare: ((trx: Executor) => Promise<void>) | undefined;
  category: CategoryRow;
  triage: number;
  routeTo: number | null | undefined;
  now: Date;
};
type CreatedReport = { id: number; code: string; status: FeedbackStatus };

export function createReportsService(deps: FeedbackBase): ReportsService {
  const { db, repo, guard, audit, clock, notifier, kpis } = deps;
  // New reports arriving together share a commit (one fsync for many; each caller still waits for its own
  // commit, and a write that fails in a batch is retried alone, so it fails only its own caller). One lane on
  // both databases: a batch costs a few statements whatever its size, so fewer, larger batches go faster
  // (PostgreSQL, 16 submitters: 1 lane ≈ 900/s, 2 lanes ≈ 600/s, 4 lanes ≈ 460/s on this 2-core machine).
  const commit = createGroupCommit(db);
  const today = () => vietnamDate(clock.now());
  /** The working calendar as the province keeps it (feedback_calendar_days), read per operation. */
  const calendar = async (exec: Executor = db) => calendarFromDays(await repo.calendarDays(exec));

  async function view(actor: Actor, id: number, exec: Executor = db) {
    const r = await repo.findReport(id, exec);
    if (!r) throw new AppError('NOT_FOUND');
    const ancestors = await unitAncestorIds(exec, r.unitId);
    return staffView(
      r,
      await repo.eventsOf(id, exec),
      await repo.filesOf(id, exec),
      today(),
      { handle: canHandleReport(actor, ancestors, r), manage: canManageReport(actor, ancestors, r) },
      await calendar(exec),
    );
  }

  /** Loads the report for a write under `rule`, inside the transaction (401 → 404 → 403). */
  const load = (ctx: AuditContext, rule: typeof canReadReport, id: number, trx: Executor) =>
    guard.forEntity(
      ctx.actor,
      rule,
      () => repo.findReport(id, trx),
      (r) => r.unitId,
      {
        exec: trx,
      },
    );

  function step(r: ReportRow, action: FeedbackAction): FeedbackStatus {
    const t = nextStatus(r.status, action);
    if (!t.ok) throw notAllowed();
    return t.status;
  }

  const snapshot = (r: Pick<ReportRow, 'status' | 'unitId' | 'deadline'>) => ({
    status: r.status,
    unitId: r.unitId,
    deadline: r.deadline,
  });

  /** The citizen's subscribers hear of every public status change (email only, at once, addresses erased). */
  async function tellSubscribers(
    trx: Executor,
    r: Pick<ReportRow, 'id' | 'code' | 'title' | 'isDemo'>,
    status: FeedbackStatus,
    eventId: number,
  ) {
    const emails = await repo.subscribersOf(r.id, trx);
    if (!emails.length) return;
    const label = FEEDBACK_STATUS_LABELS[status];
    await notifier.notify(trx, {
      kind: 'feedback.report_status',
      recipients: { emails },
      title: { vi: `Phản ánh ${r.code}: ${label.vi}`, en: `Report ${r.code}: ${label.en}` },
      body: {
        vi: `Phản ánh "${r.title}" của bạn đã chuyển sang trạng thái: ${label.vi}. Tra cứu bằng mã ${r.code}.`,
        en: `Your report "${r.title}" is now: ${label.en}. Follow it with the code ${r.code}.`,
      },
      link: `/feedback/follow?code=${r.code}`,
      idempotencyKey: `feedback:report:${r.id}:status:${eventId}`,
      transient: true,
      isDemo: r.isDemo === 1,
    });
  }

  /** The notice to a unit's officers that a report is theirs to handle. */
  const unitNotice = (
    r: Pick<ReportRow, 'id' | 'code' | 'title' | 'categoryName' | 'isDemo'>,
    unitId: number,
    eventId: number,
    deadline: string | null,
  ): NotificationEvent => ({
    kind: 'feedback.report_assigned',
    recipients: { roles: [{ role: 'officer', unitId, reach: 'unit' }] },
    title: { vi: `Phản ánh mới cần xử lý: ${r.code}`, en: `New report to handle: ${r.code}` },
    body: {
      vi: `"${r.title}" (${r.categoryName}) được chuyển đến đơn vị${deadline ? `, hạn trả lời ${deadline}` : ''}.`,
      en: `"${r.title}" was assigned to your unit${deadline ? `, answer due ${deadline}` : ''}.`,
    },
    link: `/app/feedback/reports/${r.id}`,
    idempotencyKey: `feedback:report:${r.id}:assigned:${eventId}`,
    isDemo: r.isDemo === 1,
  });
  async function tellUnit(
    trx: Executor,
    r: ReportRow,
    unitId: number,
    eventId: number,
    deadline: string | null,
  ) {
    await notifier.notify(trx, unitNotice(r, unitId, eventId, deadline));
  }

  async function addEvent(
    trx: Executor,
    r: ReportRow,
    ctx: AuditContext,
    e: {
      kind: string;
      isPublic: boolean;
      status?: FeedbackStatus | null;
      unitId?: number | null;
      text?: string | null;
    },
  ) {
    const actor = ctx.actor;
    const { id } = await repo.insertEvent(
      {
        reportId: r.id,
        kind: e.kind,
        isPublic: e.isPublic ? 1 : 0,
        status: e.status ?? null,
        unitId: e.unitId ?? null,
        text: e.text ?? null,
        userId: actor?.kind === 'user' ? actor.userId : null,
        createdAt: clock.now().toISOString(),
      },
      trx,
    );
    return id;
  }

  /** Assigns inside a transaction (also used by routing at creation). */
  async function assignIn(
    trx: Executor,
    ctx: AuditContext,
    r: ReportRow,
    unitId: number,
    reason: string | null,
    kind: 'assigned' | 'transferred',
  ) {
    const status = step(r, 'assign');
    const category = await repo.findCategory(r.categoryId, trx);
    if (!category) throw new AppError('NOT_FOUND');
    const now = clock.now().toISOString();
    // The deadline runs from the first assignment; a transfer keeps it, a review after reopening gets its own.
    const deadline =
      r.deadline && r.status !== 'reopened'
        ? r.deadline
        : newDeadline(today(), category, await calendar(trx));
    await repo.updateReport(r.id, { status, unitId, deadline, assignedAt: now, updatedAt: now }, trx);
    for (const f of await repo.filesOf(r.id, trx))
      if (f.role === 'photo') await deps.files.assignUnit(f.id, unitId, trx);
    const eventId = await addEvent(trx, r, ctx, { kind, isPublic: true, status, unitId, text: reason });
    await audit.record(trx, ctx, {
      action: kind === 'assigned' ? 'feedback.report.assign' : 'feedback.report.transfer',
      entity: 'feedback_report',
      entityId: r.id,
      unitId,
      before: snapshot(r),
      after: { status, unitId, deadline, reason },
    });
    await tellUnit(trx, r, unitId, eventId, deadline);
    await tellSubscribers(trx, r, status, eventId);
    return status;
  }

  async function act<T>(
    ctx: AuditContext,
    id: number,
    rule: typeof canReadReport,
    work: (trx: Executor, r: ReportRow) => Promise<T>,
  ) {
    const actor = requireSignedIn(ctx.actor);
    await db.transaction().execute(async (trx) => {
      const { entity } = await load(ctx, rule, id, trx);
      await work(trx, entity);
    });
    return view(actor, id);
  }

  /**
   * New reports of one group commit in one transaction: the calendar read once, every report in one INSERT
   * (a code already taken is drawn again; a report routed by a rule or its category's unit is inserted already
   * assigned, with its deadline), their events in one (received, and assigned for the routed), their audit rows
   * in one, the routed units' notices in one notifyMany. On PostgreSQL each statement is a round trip, so a batch
   * costs about what one report did (assigning each routed report on its own, as staff do, took ten round trips
   * a report: 90 submissions/s instead of 1,000). A batch that fails is retried one report at a time
   * (server/lib/group-commit.ts).
   */
  const createWriter: BatchWriter<PendingReport, CreatedReport> = async (trx, items) => {
    const days = await calendar(trx);
    for (const it of items) if (it.prepare) await it.prepare(trx);
    const year = Number(today().slice(0, 4));
    const taken = new Set<string>();
    const freshCode = () => {
      let code = newReportCode(year);
      while (taken.has(code)) code = newReportCode(year);
      taken.add(code);
      return code;
    };
    // Assigning is a step of the configurable lifecycle: a lifecycle without it leaves reports received.
    const routedStatus = nextStatus('received', 'assign');
    const assignTo = (routeTo: number | null | undefined) => (routedStatus.ok && routeTo ? routeTo : null);
    const rows = items.map(({ input, category, triage, routeTo, now }) => ({
      code: freshCode(),
      categoryId: category.id,
      title: input.title,
      description: input.description,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      areaUnitId: input.areaUnitId ?? null,
      address: input.address || null,
      contactKind: input.contact.kind,
      contact: input.contact.value,
      reporterName: input.reporterName || null,
      showName: input.showName ? 1 : 0,
      status: assignTo(routeTo) && routedStatus.ok ? routedStatus.status : ('received' as const),
      unitId: assignTo(routeTo) ?? triage,
      deadline: assignTo(routeTo) ? newDeadline(today(), category, days) : null,
      assignedAt: assignTo(routeTo) ? now.toISOString() : null,
      receiveDueAt: addWorkingHours(now, category.receiveHours, days),
      source: input.source,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      isDemo: input.isDemo ? 1 : 0,
    }));
    // The insert is the uniqueness check of the random codes: a row whose code was taken is not inserted and
    // is tried again with a new code.
    const ids: number[] = new Array(items.length);
    let pending = items.map((_, i) => i);
    while (pending.length) {
      const inserted = await repo.insertReportsUnlessCodeTaken(
        pending.map((i) => rows[i]),
        trx,
      );
      const idOf = new Map(inserted.map((r) => [r.code, r.id]));
      const again: number[] = [];
      for (const i of pending) {
        const id = idOf.get(rows[i].code);
        if (id !== undefined) ids[i] = id;
        else {
          rows[i] = { ...rows[i], code: freshCode() };
          again.push(i);
        }
      }
      pending = again;
    }
    for (const [i, { input, now }] of items.entries()) {
      for (const fileId of input.photoFileIds) {
        await repo.attachFile({ reportId: ids[i], fileId, role: 'photo', eventId: null }, trx);
        // Staff read the photos through the files module: they belong to the unit the report is with.
        await deps.files.assignUnit(fileId, rows[i].unitId, trx);
      }
      if (input.subscribeEmail) await repo.subscribe(ids[i], input.subscribeEmail, now.toISOString(), trx);
    }
    const userOf = (ctx: AuditContext) => (ctx.actor?.kind === 'user' ? ctx.actor.userId : null);
    const routed = items.flatMap((it, i) => (assignTo(it.routeTo) ? [i] : []));
    const events = await repo.insertEvents(
      [
        ...items.map(({ ctx, triage }, i) => ({
          reportId: ids[i],
          kind: 'received',
          isPublic: 1,
          status: 'received' as const,
          unitId: triage,
          text: null,
          userId: userOf(ctx),
          createdAt: clock.now().toISOString(),
        })),
        ...routed.map((i) => ({
          reportId: ids[i],
          kind: 'assigned',
          isPublic: 1,
          status: rows[i].status,
          unitId: rows[i].unitId,
          text: null,
          userId: userOf(items[i].ctx),
          createdAt: clock.now().toISOString(),
        })),
      ],
      trx,
    );
    const assignedEvent = new Map(events.filter((e) => e.kind === 'assigned').map((e) => [e.reportId, e.id]));
    await audit.recordMany(trx, [
      ...items.map(({ ctx, input, category, triage }, i) => ({
        ctx,
        entry: {
          action: 'feedback.report.submit',
          entity: 'feedback_report',
          entityId: ids[i],
          unitId: triage,
          after: {
            code: rows[i].code,
            categoryId: category.id,
            title: input.title,
            areaUnitId: input.areaUnitId ?? null,
            contact: maskContact(input.contact.kind, input.contact.value),
            photos: input.photoFileIds.length,
            source: input.source,
          },
        },
      })),
      ...routed.map((i) => ({
        ctx: items[i].ctx,
        entry: {
          action: 'feedback.report.assign',
          entity: 'feedback_report',
          entityId: ids[i],
          unitId: rows[i].unitId,
          before: snapshot({ status: 'received', unitId: items[i].triage, deadline: null }),
          after: { status: rows[i].status, unitId: rows[i].unitId, deadline: rows[i].deadline, reason: null },
        },
      })),
    ]);
    // Routed by a rule or its category's unit when there is one (its officers are told); otherwise the
    // province triages it.
    const routedReport = (i: number) => ({
      id: ids[i],
      code: rows[i].code,
      title: rows[i].title,
      categoryName: items[i].category.nameVi,
      isDemo: rows[i].isDemo,
    });
    await notifier.notifyMany(
      trx,
      routed.map((i) =>
        unitNotice(routedReport(i), rows[i].unitId, assignedEvent.get(ids[i]) as number, rows[i].deadline),
      ),
    );
    for (const i of routed)
      if (items[i].input.subscribeEmail)
        await tellSubscribers(trx, routedReport(i), rows[i].status, assignedEvent.get(ids[i]) as number);
    return items.map((_, i) => ({ id: ids[i], code: rows[i].code, status: rows[i].status }));
  };

  return {
    async queue(actorIn, query) {
      const actor = requireSignedIn(actorIn);
      const filter = {
        scopeRoots: scopeRootsFor(actor, 'feedback.read'),
        status: query.status,
        categoryId: query.categoryId,
        unitId: query.unitId,
        overdueOn: query.overdue ? today() : undefined,
        q: query.q,
      };
      const [rows, total] = await Promise.all([
        repo.listReports(filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
        repo.countReports(filter),
      ]);
      const d = today();
      const cal = await calendar();
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          title: r.title,
          status: r.status,
          categoryId: r.categoryId,
          categoryName: r.categoryName,
          unitId: r.unitId,
          unitName: r.unitName,
          areaName: r.areaName,
          deadline: r.deadline,
          deadlineState: deadlineState(
            r.deadline,
            d,
            ['assigned', 'in_progress', 'reopened'].includes(r.status),
            cal,
          ),
          createdAt: r.createdAt,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async exportXlsx(actor, query) {
      return exportQueueXlsx({ db, repo, today: today(), calendar: await calendar() }, actor, query);
    },

    async get(actorIn, id) {
      const { actor } = await guard.forEntity(
        actorIn,
        canReadReport,
        () => repo.findReport(id),
        (r) => r.unitId,
      );
      return view(actor, id);
    },

    async create(ctx, input, prepare) {
      const found = await repo.routingOf(input.categoryId, input.areaUnitId ?? null);
      if (found?.active !== 1)
        throw validation([{ field: 'body.categoryId', code: 'feedback.unknown_category' }]);
      const { areaRootId, ruleUnitId, ...category } = found;
      const triage =
        areaRootId ??
        (category.defaultUnitId ? await repo.rootOf(category.defaultUnitId) : undefined) ??
        (await repo.firstTopLevelUnit());
      // Routed by the rule of the nearest area (category × area), else by the category's default unit.
      const routeTo = ruleUnitId ?? category.defaultUnitId;
      if (!triage) throw new AppError('INVALID_STATE', { detailKey: 'feedback.unknown_unit' });
      return commit.each(createWriter, { ctx, input, prepare, category, triage, routeTo, now: clock.now() });
    },

    async assign(ctx, id, input) {
      const actor = requireSignedIn(ctx.actor);
      await guard.forUnit(actor, 'feedback.manage', input.unitId);
      return act(ctx, id, canManageReport, async (trx, r) => {
        if (r.unitId === input.unitId && r.status !== 'received' && r.status !== 'reopened')
          throw new AppError('INVALID_STATE', { detailKey: 'feedback.same_unit' });
        const transfer = r.status !== 'received';
        if (transfer && !input.reason)
          throw validation([{ field: 'body.reason', code: 'feedback.reason_required' }]);
        await assignIn(
          trx,
          ctx,
          r,
          input.unitId,
          input.reason ?? null,
          transfer ? 'transferred' : 'assigned',
        );
      });
    },

    accept: (ctx, id) =>
      act(ctx, id, canHandleReport, async (trx, r) => {
        const status = step(r, 'accept');
        await repo.updateReport(id, { status, updatedAt: clock.now().toISOString() }, trx);
        const eventId = await addEvent(trx, r, ctx, {
          kind: 'accepted',
          isPublic: true,
          status,
          unitId: r.unitId,
        });
        await audit.record(trx, ctx, {
          action: 'feedback.report.accept',
          entity: 'feedback_report',
          entityId: id,
          before: snapshot(r),
          after: { ...snapshot(r), status },
        });
        await tellSubscribers(trx, r, status, eventId);
      }),

    async answer(ctx, id, input) {
      const actor = requireSignedIn(ctx.actor);
      // Evidence: files the officer uploaded (or of the unit), checked before the transaction.
      const fileIds: number[] = [];
      for (const [i, publicId] of (input.fileIds ?? []).entries()) {
        const file = await deps.files.getByPublicId(publicId);
        const ancestors = file?.unitId ? await unitAncestorIds(db, file.unitId) : [];
        if (
          !file ||
          !canAttachFile(actor, file, ancestors, 'feedback.handle') ||
          (await repo.fileAttached(file.id))
        )
          throw validation([{ field: `body.fileIds.${i}`, code: 'feedback.unknown_file' }]);
        if (!fileIds.includes(file.id)) fileIds.push(file.id);
      }
      return act(ctx, id, canHandleReport, async (trx, r) => {
        const status = step(r, 'answer');
        const now = clock.now().toISOString();
        const d = today();
        const first = r.firstAnsweredAt === null;
        const onTime = r.deadline === null || d <= r.deadline;
        await repo.updateReport(
          id,
          {
            status,
            answer: input.answer,
            answeredAt: now,
            updatedAt: now,
            ...(first ? { firstAnsweredAt: now, firstAnswerOnTime: onTime ? 1 : 0 } : {}),
          },
          trx,
        );
        const eventId = await addEvent(trx, r, ctx, {
          kind: 'answered',
          isPublic: true,
          status,
          unitId: r.unitId,
          text: input.answer,
        });
        for (const fileId of fileIds) {
          await repo.attachFile({ reportId: id, fileId, role: 'evidence', eventId }, trx);
          await deps.files.assignUnit(fileId, r.unitId, trx);
        }
        await audit.record(trx, ctx, {
          action: 'feedback.report.answer',
          entity: 'feedback_report',
          entityId: id,
          before: snapshot(r),
          after: { ...snapshot(r), status, onTime, evidence: fileIds.length },
        });
        await tellSubscribers(trx, r, status, eventId);
        if (r.deadline) await kpis.writeForUnit(trx, ctx, r.unitId, r.deadline);
      });
    },

    merge: (ctx, id, input) =>
      act(ctx, id, canManageReport, async (trx, r) => {
        const status = step(r, 'refuse');
        const bad = () => validation([{ field: 'body.intoId', code: 'feedback.merge_target' }]);
        if (input.intoId === id) throw bad();
        const into = await repo.findReport(input.intoId, trx);
        // The report kept must be one the caller can see, not refused, not itself merged away.
        if (!into || into.status === 'refused' || into.duplicateOfId !== null) throw bad();
        const actor = requireSignedIn(ctx.actor);
        if (!canReadReport(actor, await unitAncestorIds(trx, into.unitId), into)) throw bad();
        const now = clock.now().toISOString();
        const reason = input.reason || null;
        const text = `Trùng với phản ánh ${into.code}${reason ? `: ${reason}` : ''}`;
        await repo.updateReport(
          id,
          {
            status,
            refuseKind: 'duplicate',
            refuseReason: text,
            duplicateOfId: into.id,
            closedAt: now,
            updatedAt: now,
          },
          trx,
        );
        const eventId = await addEvent(trx, r, ctx, { kind: 'merged', isPublic: true, status, text });
        const moved = await repo.moveSubscribers(id, into.id, now, trx);
        await addEvent(trx, into, ctx, {
          kind: 'merged_from',
          isPublic: false,
          text: `Phản ánh ${r.code} được gộp vào phản ánh này${reason ? `: ${reason}` : ''}`,
        });
        await audit.record(trx, ctx, {
          action: 'feedback.report.merge',
          entity: 'feedback_report',
          entityId: id,
          unitId: r.unitId,
          before: snapshot(r),
          after: {
            ...snapshot(r),
            status,
            duplicateOfId: into.id,
            duplicateOfCode: into.code,
            reason,
            moved,
          },
        });
        await tellSubscribers(trx, r, status, eventId);
      }),

    refuse: (ctx, id, input) =>
      act(ctx, id, canManageReport, async (trx, r) => {
        const status = step(r, 'refuse');
        const now = clock.now().toISOString();
        await repo.updateReport(
          id,
          { status, refuseKind: input.kind, refuseReason: input.reason, closedAt: now, updatedAt: now },
          trx,
        );
        const eventId = await addEvent(trx, r, ctx, {
          kind: 'refused',
          isPublic: true,
          status,
          text: input.reason,
        });
        await audit.record(trx, ctx, {
          action: 'feedback.report.refuse',
          entity: 'feedback_report',
          entityId: id,
          before: snapshot(r),
          after: { ...snapshot(r), status, kind: input.kind, reason: input.reason },
        });
        await tellSubscribers(trx, r, status, eventId);
      }),

    close: (ctx, id, note) =>
      act(ctx, id, canManageReport, async (trx, r) => {
        const status = step(r, 'close');
        const now = clock.now().toISOString();
        await repo.updateReport(id, { status, closedAt: now, updatedAt: now }, trx);
        const eventId = await addEvent(trx, r, ctx, {
          kind: 'closed',
          isPublic: true,
          status,
          text: note ?? null,
        });
        await audit.record(trx, ctx, {
          action: 'feedback.report.close',
          entity: 'feedback_report',
          entityId: id,
          before: snapshot(r),
          after: { ...snapshot(r), status },
        });
        await tellSubscribers(trx, r, status, eventId);
      }),

    note: (ctx, id, text) =>
      act(
        ctx,
        id,
        (a, anc) => canWorkOnReport(a, anc),
        async (trx, r) => {
          const eventId = await addEvent(trx, r, ctx, {
            kind: 'note',
            isPublic: false,
            text,
            unitId: r.unitId,
          });
          await audit.record(trx, ctx, {
            action: 'feedback.report.note',
            entity: 'feedback_report',
            entityId: id,
            unitId: r.unitId,
            after: { eventId, text },
          });
        },
      ),

    requestExtension: (ctx, id, input) =>
      act(ctx, id, canHandleReport, async (trx, r) => {
        if (!['assigned', 'in_progress', 'reopened'].includes(r.status)) throw notAllowed();
        if (!r.deadline) throw new AppError('INVALID_STATE', { detailKey: 'feedback.no_deadline' });
        if (r.extensionStatus === 'pending')
          throw new AppError('INVALID_STATE', { detailKey: 'feedback.extension_pending' });
        await repo.updateReport(
          id,
          {
            extensionDays: input.days,
            extensionReason: input.reason,
            extensionStatus: 'pending',
            updatedAt: clock.now().toISOString(),
          },
          trx,
        );
        await addEvent(trx, r, ctx, {
          kind: 'extension_requested',
          isPublic: false,
          unitId: r.unitId,
          text: `${input.days}: ${input.reason}`,
        });
        await audit.record(trx, ctx, {
          action: 'feedback.report.extension_request',
          entity: 'feedback_report',
          entityId: id,
          unitId: r.unitId,
          after: { days: input.days, reason: input.reason },
        });
      }),

    decideExtension: (ctx, id, approve) =>
      act(ctx, id, canManageReport, async (trx, r) => {
        if (r.extensionStatus !== 'pending' || !r.deadline || r.extensionDays === null)
          throw new AppError('INVALID_STATE', { detailKey: 'feedback.no_extension' });
        const category = await repo.findCategory(r.categoryId, trx);
        const deadline =
          approve && category
            ? newDeadline(
                r.deadline,
                { deadlineAmount: r.extensionDays, deadlineKind: category.deadlineKind },
                await calendar(trx),
              )
            : r.deadline;
        await repo.updateReport(
          id,
          {
            extensionStatus: approve ? 'approved' : 'rejected',
            deadline,
            updatedAt: clock.now().toISOString(),
          },
          trx,
        );
        await addEvent(trx, r, ctx, {
          kind: approve ? 'extended' : 'extension_rejected',
          isPublic: approve,
          unitId: r.unitId,
          text: approve ? deadline : null,
        });
        await audit.record(trx, ctx, {
          action: approve ? 'feedback.report.extension_approve' : 'feedback.report.extension_reject',
          entity: 'feedback_report',
          entityId: id,
          before: snapshot(r),
          after: { ...snapshot(r), deadline },
        });
      }),

    async rate(ctx, id, satisfied, reason) {
      await db.transaction().execute(async (trx) => {
        const r = await repo.findReport(id, trx);
        if (!r) throw new AppError('NOT_FOUND');
        const status = step(r, satisfied ? 'rate_satisfied' : 'rate_unsatisfied');
        const now = clock.now().toISOString();
        const category = await repo.findCategory(r.categoryId, trx);
        await repo.updateReport(
          id,
          {
            status,
            satisfaction: satisfied ? 'satisfied' : 'unsatisfied',
            satisfactionReason: reason,
            ratedAt: now,
            updatedAt: now,
            ...(satisfied
              ? { closedAt: now }
              : {
                  deadline: category ? newDeadline(today(), category, await calendar(trx)) : r.deadline,
                  extensionStatus: null,
                }),
          },
          trx,
        );
        const eventId = await addEvent(trx, r, ctx, {
          kind: satisfied ? 'rated_satisfied' : 'reopened',
          isPublic: true,
          status,
          text: reason,
        });
        await audit.record(trx, ctx, {
          action: satisfied ? 'feedback.report.rate' : 'feedback.report.reopen',
          entity: 'feedback_report',
          entityId: id,
          unitId: r.unitId,
          before: { status: r.status },
          after: { status, satisfied, reason },
        });
        if (!satisfied) await tellUnit(trx, r, r.unitId, eventId, null);
        await tellSubscribers(trx, r, status, eventId);
        await kpis.writeForUnit(trx, ctx, r.unitId, today());
      });
    },

    remindReceive,

    async remindDue(todayDate) {
      const cal = await calendar();
      const rows = await repo.dueReports(
        newDeadline(todayDate, { deadlineAmount: 1, deadlineKind: 'working_days' }, cal),
      );
      let sent = 0;
      for (const r of rows) {
        const state = deadlineState(r.deadline, todayDate, true, cal);
        if (state !== 'due_soon' && state !== 'overdue') continue;
        const overdue = state === 'overdue';
        const result = await db.transaction().execute((trx) =>
          notifier.notify(trx, {
            kind: overdue ? 'feedback.report_overdue' : 'feedback.report_due_soon',
            recipients: { roles: [{ role: 'officer', unitId: r.unitId, reach: 'unit' }] },
            title: overdue
              ? { vi: `Phản ánh quá hạn: ${r.code}`, en: `Report overdue: ${r.code}` }
              : { vi: `Phản ánh sắp đến hạn: ${r.code}`, en: `Report due soon: ${r.code}` },
            body: {
              vi: `"${r.title}": hạn trả lời ${r.deadline}.`,
              en: `"${r.title}": answer due ${r.deadline}.`,
            },
            link: `/app/feedback/reports/${r.id}`,
            // Once per report, deadline and kind, whichever process or run gets there first.
            idempotencyKey: `feedback:report:${r.id}:${overdue ? 'overdue' : 'due-soon'}:${r.deadline}`,
            urgent: overdue || r.deadline === todayDate,
            isDemo: r.isDemo === 1,
          }),
        );
        if (result.created) sent++;
      }
      return sent + (await remindReceive());
    },
  };

  /**
   * Reports the triage unit has not routed yet: "due soon" within RECEIVE_SOON_MS of their receive-by instant
   * (working hours, fixed at arrival), "overdue" once it has passed; each once per report and kind by its key.
   */
  async function remindReceive() {
    const now = clock.now();
    const rows = await repo.unreceivedReports(new Date(now.getTime() + RECEIVE_SOON_MS).toISOString());
    let sent = 0;
    for (const r of rows) {
      const overdue = (r.receiveDueAt as string) <= now.toISOString();
      const at = vietnamTimeText(r.receiveDueAt as string);
      const result = await db.transaction().execute((trx) =>
        notifier.notify(trx, {
          kind: overdue ? 'feedback.report_receive_overdue' : 'feedback.report_receive_due_soon',
          recipients: {
            roles: [
              { role: 'officer', unitId: r.unitId, reach: 'unit' },
              { role: 'secretariat', unitId: r.unitId, reach: 'unit' },
            ],
          },
          title: overdue
            ? { vi: `Phản ánh quá hạn tiếp nhận: ${r.code}`, en: `Report not routed in time: ${r.code}` }
            : { vi: `Phản ánh sắp hết hạn tiếp nhận: ${r.code}`, en: `Report to route soon: ${r.code}` },
          body: {
            vi: `"${r.title}": cần tiếp nhận, chuyển xử lý trước ${at}.`,
            en: `"${r.title}": route it before ${at}.`,
          },
          link: `/app/feedback/reports/${r.id}`,
          idempotencyKey: `feedback:report:${r.id}:${overdue ? 'receive-overdue' : 'receive-due-soon'}:${r.receiveDueAt}`,
          urgent: true,
          isDemo: r.isDemo === 1,
        }),
      );
      if (result.created) sent++;
    }
    return sent;
  }
}
