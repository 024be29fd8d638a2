import type { Kysely } from 'kysely';
import type {
  ExtensionDecision,
  ExtensionInput,
  ExtensionView,
  HistoryEntry,
  ProgressView,
  TaskDetail,
  TaskListQuery,
  TaskPatch,
  TaskView,
  TransitionInput,
} from '../../../../core/contracts/steer-tasks.js';
import { resolveDeadline } from '../../../../core/steer/deadline.js';
import { LIFECYCLE_LABELS } from '../../../../core/steer/labels.js';
import {
  allowedActions,
  checkTransition,
  isOpenState,
  type TaskAction,
} from '../../../../core/steer/lifecycle.js';
import {
  type LifecycleState,
  STATUS_BUCKETS,
  type StatusBucket,
  TASK_STATUSES,
  type TaskStatus,
} from '../../../../core/steer/types.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import { moduleRevisions } from '../../../db/revisions.js';
import type { DB } from '../../../db/schema.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import { canOnUnit, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext, AuditService } from '../../../lib/audit.js';
import type { Clock } from '../../../lib/clock.js';
import { AppError, type FieldError } from '../../../lib/errors.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import type { ProgressWriter } from '../progress/progress-writer.js';
import type { CreateTaskInput, SteerTasksService } from '../steer.types.js';
import { refreshStatusSpans } from './status-spans.js';
import type { TaskAccess, TaskInHand } from './task-access.js';
import {
  loadGrantAncestors,
  loadTaskUnits,
  loadViewContext,
  statusView,
  toTaskView,
  type ViewContext,
} from './task-views.js';
import { canReadTask } from './tasks.policy.js';
import type {
  ExtensionRow,
  HistoryRow,
  SteerTasksRepository,
  TaskRow,
  TaskSqlFilter,
} from './tasks.repository.js';
import './tasks.messages.js';

// Tasks: creation (also inside another feature's transaction), edits, the lifecycle, extensions, lists with
// status as of a date, and the task page. Every write is audited and written to the task's history (who,
// when, old → new) in the same transaction.

export type TasksServiceDeps = {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  repo: SteerTasksRepository;
  writeProgress: ProgressWriter;
  taskFor: TaskAccess;
  /** Whether a KPI code is in the KPI catalogue (kpis module). */
  kpiExists(code: string, exec?: Executor): Promise<boolean>;
};

const ACTION_AUDIT: Record<TaskAction, string> = {
  start: 'steer.task.start',
  report_done: 'steer.task.report_done',
  verify: 'steer.task.verify',
  return: 'steer.task.return',
  pause: 'steer.task.pause',
  resume: 'steer.task.resume',
  cancel: 'steer.task.cancel',
};

export const ACTION_LABELS: Record<TaskAction, string> = {
  start: 'bắt đầu thực hiện',
  report_done: 'báo cáo hoàn thành',
  verify: 'xác nhận hoàn thành',
  return: 'trả lại',
  pause: 'tạm dừng',
  resume: 'tiếp tục',
  cancel: 'hủy',
};

const WHO: Record<'lead' | 'secretariat', string> = {
  lead: 'đơn vị chủ trì',
  secretariat: 'cơ quan thường trực (thư ký Ban Chỉ đạo)',
};

/** The fields whose changes the history shows (old → new). */
const TRACKED: (keyof TaskRow)[] = [
  'title',
  'description',
  'isKey',
  'expectedProduct',
  'kpiCode',
  'deadlineWritten',
  'confidential',
  'code',
  'groupId',
  'parentId',
];

export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.fullName || actor.email : `Khoá API: ${actor.name}`;
}

export function createTasksService(deps: TasksServiceDeps): SteerTasksService & {
  resolveTaskDeadline: typeof resolveTaskDeadline;
} {
  const { db, clock, audit, repo, taskFor, kpiExists } = deps;
  const today = () => vietnamDate(clock.now());

  function historyRow(actor: Actor, taskId: number, entry: Partial<HistoryRow> & { kind: string }) {
    const now = clock.now();
    return {
      taskId,
      at: now.toISOString(),
      onDate: vietnamDate(now),
      actorUserId: actor.userId,
      actorLabel: actorName(actor),
      field: null,
      oldValue: null,
      newValue: null,
      note: null,
      ...entry,
    };
  }

  async function viewOf(row: TaskRow, exec: Executor, asOf: string | null = today()): Promise<TaskView> {
    const ctx = await loadViewContext(repo, [row], exec);
    return toTaskView(row, ctx, asOf);
  }

  /** Checks units, KPI and deadline of a new or edited task; throws one VALIDATION with every problem. */
  async function checkTaskFields(
    input: {
      leadUnitIds?: number[];
      coordinatingUnitIds?: number[];
      kpiCode?: string | null;
      deadline?: string;
    },
    year: number,
    exec: Executor,
  ) {
    const fieldErrors: FieldError[] = [];
    let detailKey: string | undefined;
    let detailParams: Record<string, unknown> = {};
    if (input.leadUnitIds !== undefined && input.leadUnitIds.length !== 1) {
      fieldErrors.push({
        field: 'body.leadUnitIds',
        code: 'steer.one_lead_unit',
        params: { count: input.leadUnitIds.length },
      });
      detailKey ??= 'steer.one_lead_unit';
      detailParams = { count: input.leadUnitIds.length };
    }
    const coordinators = [...new Set(input.coordinatingUnitIds ?? [])];
    const lead = input.leadUnitIds?.length === 1 ? input.leadUnitIds[0] : undefined;
    if (lead !== undefined && coordinators.includes(lead))
      fieldErrors.push({ field: 'body.coordinatingUnitIds', code: 'steer.lead_also_coordinator' });
    const ids = [...(input.leadUnitIds ?? []), ...coordinators];
    if (ids.length) {
      const found = new Set((await repo.unitsByIds(ids, exec)).map((u) => u.id));
      for (const id of input.leadUnitIds ?? [])
        if (!found.has(id))
          fieldErrors.push({ field: 'body.leadUnitIds', code: 'steer.unknown_unit', params: { id } });
      for (const id of coordinators)
        if (!found.has(id))
          fieldErrors.push({ field: 'body.coordinatingUnitIds', code: 'steer.unknown_unit', params: { id } });
    }
    if (input.kpiCode && !(await kpiExists(input.kpiCode, exec)))
      fieldErrors.push({ field: 'body.kpiCode', code: 'steer.unknown_kpi', params: { code: input.kpiCode } });
    let deadline: ReturnType<typeof resolveTaskDeadline> | undefined;
    if (input.deadline !== undefined) {
      deadline = resolveTaskDeadline(input.deadline, year);
      if (!deadline.ok) {
        const params = { text: deadline.error.text };
        fieldErrors.push({ field: 'body.deadline', code: `steer.deadline.${deadline.error.code}`, params });
        detailKey = `steer.deadline.${deadline.error.code}`;
        detailParams = params;
      }
    }
    if (fieldErrors.length)
      throw new AppError('VALIDATION', {
        fieldErrors,
        detailKey: detailKey ?? fieldErrors[0].code,
        params: detailKey ? detailParams : (fieldErrors[0].params ?? {}),
      });
    return { coordinators, lead, deadline: deadline?.ok ? deadline.deadline : undefined };
  }

  async function createIn(ctx: AuditContext, input: CreateTaskInput, trx: Executor): Promise<TaskView> {
    const actor = requireSignedIn(ctx.actor);
    const plan = input.planId ? await repo.findPlan(input.planId, trx) : undefined;
    if (input.planId && !plan)
      throw new AppError('VALIDATION', {
        detailKey: 'steer.unknown_plan',
        fieldErrors: [{ field: 'body.planId', code: 'steer.unknown_plan' }],
      });
    const parent = input.parentId ? await repo.findTask(input.parentId, trx) : undefined;
    const ownerUnitId = plan?.issuingUnitId ?? parent?.ownerUnitId ?? input.ownerUnitId ?? null;
    if (ownerUnitId === null)
      throw new AppError('VALIDATION', {
        detailKey: 'steer.owner_required',
        fieldErrors: [{ field: 'body.ownerUnitId', code: 'steer.owner_required' }],
      });
    if (!canOnUnit(actor, 'steer.manage', await unitAncestorIds(trx, ownerUnitId)))
      throw new AppError('FORBIDDEN');
    if (plan?.status === 'superseded')
      throw new AppError('INVALID_STATE', { detailKey: 'steer.plan_superseded' });
    const structural: FieldError[] = [];
    if (input.parentId && (!parent || parent.planId !== (plan?.id ?? null)))
      structural.push({ field: 'body.parentId', code: 'steer.unknown_parent' });
    else if (parent?.parentId) structural.push({ field: 'body.parentId', code: 'steer.subtask_depth' });
    if (input.groupId) {
      const group = await repo.findGroup(input.groupId, trx);
      if (!group || group.planId !== plan?.id)
        structural.push({ field: 'body.groupId', code: 'steer.unknown_group' });
    }
    if (structural.length)
      throw new AppError('VALIDATION', { fieldErrors: structural, detailKey: structural[0].code });
    const assignedOn = input.assignedOn ?? plan?.issuedOn ?? today();
    const { coordinators, lead, deadline } = await checkTaskFields(
      input,
      Number((plan?.issuedOn ?? assignedOn).slice(0, 4)),
      trx,
    );
    const now = clock.now().toISOString();
    const position =
      input.position ?? (await repo.maxTaskPosition(plan?.id ?? null, input.parentId ?? null, trx)) + 1;
    const row = await repo.insertTask(
      {
        planId: plan?.id ?? null,
        groupId: input.groupId ?? parent?.groupId ?? null,
        parentId: input.parentId ?? null,
        ownerUnitId,
        code: input.code ?? null,
        position,
        title: input.title,
        description: input.description ?? null,
        isKey: input.isKey ? 1 : 0,
        leadUnitId: lead!,
        expectedProduct: input.expectedProduct ?? null,
        kpiCode: input.kpiCode || null,
        deadlineWritten: deadline!.written,
        deadlineKind: deadline!.kind,
        deadlineDue: deadline!.due,
        deadlineStart: deadline!.start ?? null,
        deadlineCycle: deadline!.kind === 'ongoing' ? deadline!.cycle : null,
        currentDue: deadline!.due,
        state: 'not_started',
        stateOn: assignedOn,
        progressPercent: 0,
        confidential: input.confidential ? 1 : 0,
        assignedOn,
        sourceKind: input.source?.kind ?? (plan ? 'plan' : 'manual'),
        sourceRef: input.source?.ref ?? null,
        sourceLabel: input.source?.label ?? (plan ? `Kế hoạch số ${plan.numberSymbol}` : null),
        isDemo: input.isDemo ? 1 : 0,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      },
      trx,
    );
    await repo.setCoordinators(row.id, coordinators, trx);
    const view = await viewOf(row, trx);
    await repo.insertHistory(
      [
        historyRow(actor, row.id, {
          kind: 'created',
          newValue: row.title,
          note: `Chủ trì: ${view.leadUnit.name}; thời hạn: ${row.deadlineWritten}`,
        }),
      ],
      trx,
    );
    await audit.record(trx, ctx, {
      action: 'steer.task.create',
      entity: 'steer_task',
      entityId: row.id,
      after: { ...row, coordinatingUnitIds: coordinators },
    });
    return view;
  }

  async function writable(ctx: AuditContext, id: number, trx: Executor): Promise<TaskInHand> {
    return taskFor(ctx.actor, id, trx);
  }

  function requireSecretariat(hand: TaskInHand) {
    if (!hand.roles.lifecycle.has('secretariat')) throw new AppError('FORBIDDEN');
  }

  async function planOpen(row: TaskRow, trx: Executor) {
    if (row.planId === null) return;
    const plan = await repo.findPlan(row.planId, trx);
    if (plan?.status === 'superseded')
      throw new AppError('INVALID_STATE', { detailKey: 'steer.plan_superseded' });
  }

  async function setState(
    hand: TaskInHand,
    to: LifecycleState,
    trx: Executor,
    extra: { note?: string | null; progressPercent?: number } = {},
  ): Promise<TaskRow> {
    const now = clock.now();
    const updated = await repo.updateTask(
      hand.row.id,
      {
        state: to,
        stateOn: vietnamDate(now),
        updatedAt: now.toISOString(),
        ...(extra.progressPercent !== undefined ? { progressPercent: extra.progressPercent } : {}),
      },
      trx,
    );
    await repo.insertHistory(
      [
        historyRow(hand.actor, hand.row.id, {
          kind: 'state',
          field: 'state',
          oldValue: hand.row.state,
          newValue: to,
          note: extra.note ?? null,
        }),
      ],
      trx,
    );
    return updated;
  }

  // An actor whose roots cover every unit (an admin or a secretariat at the top of the tree) reads every task:
  // the list then skips the scope test (three closure look-ups per task, most of the list's SQL time at 10,000
  // tasks). Whether the roots cover every unit is kept per process under the units' revision counters.
  const coverage = new Map<string, boolean>();
  async function scopeRoots(actor: Actor): Promise<number[] | null> {
    const roots = scopeRootsFor(actor, 'steer.read');
    if (!roots.length) return roots;
    const key = `${[...roots].sort((a, b) => a - b).join(',')}@${await moduleRevisions(db, ['units'])}`;
    let all = coverage.get(key);
    if (all === undefined) {
      all = (await repo.unitsOutside(roots, db)) === 0;
      if (coverage.size > 100) coverage.clear();
      coverage.set(key, all);
    }
    return all ? null : roots;
  }

  async function sqlFilter(actor: Actor, query: Partial<TaskListQuery>): Promise<TaskSqlFilter> {
    return {
      scopeRoots: await scopeRoots(actor),
      planId: query.planId,
      unitId: query.unitId,
      role: query.role,
      isKey: query.isKey,
      state: query.state,
      dueFrom: query.dueFrom,
      dueTo: query.dueTo,
      q: query.q,
    };
  }

  // The list as of a date: the tasks the SQL filters select, less the confidential ones the actor may not read
  // (few: read first, through their own index), counted by status from the stored spans (recomputed first for
  // tasks written since). Without a status or bucket filter the page comes from SQL in plan order (an index)
  // and the total from the counts (one span per task on any date); with one, the spans pick the ids. Full views,
  // with deriveTaskStatus's detail, only for the page. The spans agree with deriveTaskStatus
  // (status-spans.db.test.ts), so the page's statuses match the filter and the counts.
  async function listAsOf(
    actor: Actor,
    query: Partial<TaskListQuery>,
    asOf: string,
    page: number,
    size: number,
  ) {
    const byStatus = Boolean(query.status || query.bucket);
    // Each read starts as soon as what it needs is known (PostgreSQL's pool runs them in parallel; each stage
    // of round trips was ~2 ms of the list's ~9): the scope, and the stale-span check, first; the confidential
    // ids and the page on the scope; the counts once the spans are fresh; the page's views (units, plans,
    // status inputs) on the page. The page assumes nothing is hidden, and is read again in the rare case
    // something is.
    const filterP = sqlFilter(actor, query);
    const freshP = refreshStatusSpans(repo, db);
    const pageP = byStatus
      ? Promise.resolve(null)
      : filterP.then((f) => repo.taskRowsPage(f, [], (page - 1) * size, size, db));
    const [filter, , secret, spanCounts, firstPage, firstContext] = await Promise.all([
      filterP,
      freshP,
      filterP.then((f) => repo.confidentialTaskIds(f, db)),
      Promise.all([filterP, freshP]).then(([f]) => repo.statusCountsAsOf(f, asOf, db)),
      pageP,
      pageP.then((rows) => (rows ? loadViewContext(repo, rows, db) : null)),
    ]);
    const readable = new Set(
      secret.length
        ? (await filterReadable(actor, await repo.tasksByIds(secret, db), db)).map((r) => r.id)
        : [],
    );
    const hidden = secret.filter((id) => !readable.has(id));
    const counts = {
      status: Object.fromEntries(TASK_STATUSES.map((k) => [k, 0])) as Record<TaskStatus, number>,
      bucket: Object.fromEntries(STATUS_BUCKETS.map((k) => [k, 0])) as Record<StatusBucket, number>,
    };
    let total = 0;
    const tally = (r: { status: string; bucket: string | null }, n: number) => {
      counts.status[r.status as TaskStatus] += n;
      if (r.bucket) counts.bucket[r.bucket as StatusBucket] += n;
      total += n;
    };
    for (const r of spanCounts) tally(r, Number(r.n));
    if (hidden.length) for (const r of await repo.statusSpansAsOf(hidden, asOf, db)) tally(r, -1);
    if (firstPage) {
      if (!hidden.length) return { rows: firstPage, total, counts, context: firstContext ?? undefined };
      return { rows: await repo.taskRowsPage(filter, hidden, (page - 1) * size, size, db), total, counts };
    }
    const hiddenSet = new Set(hidden);
    const wanted = await repo.taskIdsWithStatusAsOf(asOf, { status: query.status, bucket: query.bucket }, db);
    const ids = (await repo.listTaskIds(filter, db)).flatMap((r) =>
      wanted.has(r.id) && !hiddenSet.has(r.id) ? [r.id] : [],
    );
    const pageIds = ids.slice((page - 1) * size, page * size);
    const byId = new Map((await repo.tasksByIds(pageIds, db)).map((r) => [r.id, r]));
    return {
      rows: pageIds.flatMap((id) => byId.get(id) ?? []),
      total: ids.length,
      counts,
      context: undefined as ViewContext | undefined,
    };
  }

  /** Drops the confidential tasks the actor may not see (the SQL scope let them through). */
  async function filterReadable(actor: Actor, rows: TaskRow[], exec: Executor): Promise<TaskRow[]> {
    const secret = rows.filter((r) => r.confidential === 1);
    if (!secret.length) return rows;
    const ctx = await loadViewContext(repo, secret, exec);
    const units = await loadTaskUnits(exec, secret, ctx.coordinators, ctx.units);
    const grants = await loadGrantAncestors(exec, actor);
    const hidden = new Set(
      secret.filter((r) => !canReadTask(actor, units.get(r.id)!, grants)).map((r) => r.id),
    );
    return rows.filter((r) => !hidden.has(r.id));
  }

  async function extensionViews(rows: ExtensionRow[], exec: Executor): Promise<ExtensionView[]> {
    const names = await repo.userNames(
      rows.flatMap((r) => [r.requestedBy, r.decidedBy].filter((x): x is number => x !== null)),
      exec,
    );
    return rows.map((r) => ({
      id: r.id,
      taskId: r.taskId,
      requestedDue: r.requestedDue,
      previousDue: r.previousDue,
      reason: r.reason,
      status: r.status,
      requestedBy: r.requestedBy === null ? null : (names.get(r.requestedBy) ?? null),
      requestedAt: r.requestedAt,
      decidedBy: r.decidedBy === null ? null : (names.get(r.decidedBy) ?? null),
      decidedAt: r.decidedAt,
      decidedOn: r.decidedOn,
      decisionNote: r.decisionNote,
    }));
  }

  const service: SteerTasksService & { resolveTaskDeadline: typeof resolveTaskDeadline } = {
    resolveTaskDeadline,

    createTask: (ctx, input, exec) =>
      exec ? createIn(ctx, input, exec) : db.transaction().execute((trx) => createIn(ctx, input, trx)),

    async updateTask(ctx, id, patch: TaskPatch) {
      return db.transaction().execute(async (trx) => {
        const hand = await writable(ctx, id, trx);
        requireSecretariat(hand);
        await planOpen(hand.row, trx);
        const before = hand.row;
        const plan = before.planId === null ? undefined : await repo.findPlan(before.planId, trx);
        const structural: FieldError[] = [];
        if (patch.groupId) {
          const group = await repo.findGroup(patch.groupId, trx);
          if (!group || group.planId !== before.planId)
            structural.push({ field: 'body.groupId', code: 'steer.unknown_group' });
        }
        if (patch.parentId) {
          const parent = await repo.findTask(patch.parentId, trx);
          if (!parent || parent.planId !== before.planId || parent.id === before.id)
            structural.push({ field: 'body.parentId', code: 'steer.unknown_parent' });
          else if (parent.parentId || (await repo.childrenOf(before.id, trx)).length)
            structural.push({ field: 'body.parentId', code: 'steer.subtask_depth' });
        }
        if (structural.length)
          throw new AppError('VALIDATION', { fieldErrors: structural, detailKey: structural[0].code });
        const { coordinators, lead, deadline } = await checkTaskFields(
          {
            leadUnitIds: patch.leadUnitIds,
            coordinatingUnitIds:
              patch.coordinatingUnitIds ??
              (patch.leadUnitIds ? ((await repo.coordinatorsOf([id], trx)).get(id) ?? []) : undefined),
            kpiCode: patch.kpiCode,
            deadline: patch.deadline,
          },
          Number((plan?.issuedOn ?? before.assignedOn).slice(0, 4)),
          trx,
        );
        const now = clock.now().toISOString();
        const set: Partial<TaskRow> = { updatedAt: now };
        if (patch.title !== undefined) set.title = patch.title;
        if (patch.description !== undefined) set.description = patch.description ?? null;
        if (patch.isKey !== undefined) set.isKey = patch.isKey ? 1 : 0;
        if (patch.expectedProduct !== undefined) set.expectedProduct = patch.expectedProduct ?? null;
        if (patch.kpiCode !== undefined) set.kpiCode = patch.kpiCode || null;
        if (patch.confidential !== undefined) set.confidential = patch.confidential ? 1 : 0;
        if (patch.code !== undefined) set.code = patch.code ?? null;
        if (patch.position !== undefined) set.position = patch.position;
        if (patch.groupId !== undefined) set.groupId = patch.groupId ?? null;
        if (patch.parentId !== undefined) set.parentId = patch.parentId ?? null;
        if (lead !== undefined) set.leadUnitId = lead;
        if (deadline) {
          set.deadlineWritten = deadline.written;
          set.deadlineKind = deadline.kind;
          set.deadlineDue = deadline.due;
          set.deadlineStart = deadline.start ?? null;
          set.deadlineCycle = deadline.kind === 'ongoing' ? deadline.cycle : null;
          // A new written deadline replaces the baseline; approved extensions still win when later.
          const approved = (await repo.approvedExtensionsOf([id], trx)).at(-1);
          set.currentDue =
            approved && deadline.due && approved.requestedDue > deadline.due
              ? approved.requestedDue
              : deadline.due;
        }
        const after = await repo.updateTask(id, set, trx);
        const history = TRACKED.filter(
          (f) => set[f] !== undefined && String(before[f]) !== String(after[f]),
        ).map((f) =>
          historyRow(hand.actor, id, {
            kind: 'field',
            field: f,
            oldValue: before[f] === null ? null : String(before[f]),
            newValue: after[f] === null ? null : String(after[f]),
          }),
        );
        const names = hand.view.units;
        if (lead !== undefined && lead !== before.leadUnitId) {
          const fresh = await loadViewContext(repo, [after], trx);
          history.push(
            historyRow(hand.actor, id, {
              kind: 'field',
              field: 'leadUnit',
              oldValue: names.name(before.leadUnitId),
              newValue: fresh.units.name(lead),
            }),
          );
        }
        const oldCoordinators = hand.view.coordinators.get(id) ?? [];
        if (
          patch.coordinatingUnitIds !== undefined &&
          oldCoordinators.join(',') !== [...coordinators].sort((a, b) => a - b).join(',')
        ) {
          await repo.setCoordinators(id, coordinators, trx);
          const fresh = await loadViewContext(repo, [after], trx);
          history.push(
            historyRow(hand.actor, id, {
              kind: 'field',
              field: 'coordinatingUnits',
              oldValue: oldCoordinators.map((u) => names.name(u)).join('; ') || null,
              newValue: coordinators.map((u) => fresh.units.name(u)).join('; ') || null,
            }),
          );
        }
        await repo.insertHistory(history, trx);
        await audit.record(trx, ctx, {
          action: 'steer.task.update',
          entity: 'steer_task',
          entityId: id,
          before,
          after: { ...after, ...(patch.coordinatingUnitIds ? { coordinatingUnitIds: coordinators } : {}) },
        });
        return viewOf(after, trx);
      });
    },

    async deleteTask(ctx, id) {
      await db.transaction().execute(async (trx) => {
        const hand = await writable(ctx, id, trx);
        requireSecretariat(hand);
        const children = await repo.childrenOf(id, trx);
        const ids = [id, ...children.map((c) => c.id)];
        if ((await repo.progressDatesOf(ids, trx)).length)
          throw new AppError('INVALID_STATE', { detailKey: 'steer.task_has_reports' });
        await repo.deleteTasks(ids, trx);
        await audit.record(trx, ctx, {
          action: 'steer.task.delete',
          entity: 'steer_task',
          entityId: id,
          before: { ...hand.row, subTaskIds: children.map((c) => c.id) },
        });
      });
    },

    async getTask(actor, id, asOf) {
      const hand = await taskFor(actor, id);
      return toTaskView(hand.row, hand.view, asOf ?? today());
    },

    async detail(actor, id, asOf) {
      const hand = await taskFor(actor, id);
      const date = asOf ?? today();
      const childRows = await filterReadable(hand.actor, await repo.childrenOf(id), db);
      const childCtx = await loadViewContext(repo, childRows, db);
      const [progressRows, extensionRows, historyRows] = await Promise.all([
        repo.progressOf(id),
        repo.extensionsOf(id),
        repo.historyOf(id),
      ]);
      const files = await repo.filesOfProgress(progressRows.map((p) => p.id));
      const people = await repo.userNames(
        progressRows.flatMap((p) => [p.createdBy, p.answeredBy].filter((x): x is number => x !== null)),
      );
      const leadActing = new Set(hand.view.units.acting(hand.row.leadUnitId));
      const progress: ProgressView[] = progressRows.map((p) => ({
        id: p.id,
        taskId: p.taskId,
        unit: { id: p.unitId, name: hand.view.units.name(p.unitId) },
        role: leadActing.has(p.unitId) ? 'lead' : 'coordinator',
        kind: p.kind,
        percent: p.percent,
        text: p.text,
        difficulties: p.difficulties,
        proposals: p.proposals,
        reportedOn: p.reportedOn,
        reportedBy: p.createdBy === null ? null : (people.get(p.createdBy) ?? null),
        createdAt: p.createdAt,
        files: files.get(p.id) ?? [],
        answer: p.answer,
        answeredBy: p.answeredBy === null ? null : (people.get(p.answeredBy) ?? null),
        answeredAt: p.answeredAt,
      }));
      const history: HistoryEntry[] = historyRows.map((h) => ({
        id: h.id,
        at: h.at,
        on: h.onDate,
        actor: h.actorLabel,
        kind: h.kind,
        field: h.field,
        oldValue: h.oldValue,
        newValue: h.newValue,
        note: h.note,
      }));
      const { roles } = hand;
      const state = hand.row.state as LifecycleState;
      const open = isOpenState(state);
      return {
        task: toTaskView(hand.row, hand.view, date),
        subTasks: childRows.map((r) => toTaskView(r, childCtx, date)),
        progress,
        extensions: await extensionViews(extensionRows, db),
        history,
        can: {
          edit: roles.lifecycle.has('secretariat'),
          report: open && (roles.lifecycle.has('lead') || roles.coordinator),
          reportDone: allowedActions(state, roles.lifecycle).includes('report_done'),
          verify: allowedActions(state, roles.lifecycle).includes('verify'),
          requestExtension:
            open &&
            roles.lifecycle.has('lead') &&
            hand.row.deadlineKind !== 'ongoing' &&
            !extensionRows.some((e) => e.status === 'pending'),
          decideExtension: roles.approver && extensionRows.some((e) => e.status === 'pending'),
          answer: roles.lifecycle.has('secretariat'),
          actions: allowedActions(state, roles.lifecycle),
        },
      } satisfies TaskDetail;
    },

    async listTasks(actor, query) {
      const signedIn = requireSignedIn(actor);
      const asOf = query.asOf ?? today();
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 200;
      const { rows, total, counts, context } = await listAsOf(signedIn, query, asOf, page, pageSize);
      const ctx = context ?? (await loadViewContext(repo, rows, db));
      return {
        asOf,
        items: rows.map((r) => toTaskView(r, ctx, asOf)),
        total,
        page,
        pageSize,
        counts,
      };
    },

    async tasksBySource(actor, kind, ref) {
      const signedIn = requireSignedIn(actor);
      const rows = await filterReadable(
        signedIn,
        await repo.listTasks({
          scopeRoots: scopeRootsFor(signedIn, 'steer.read'),
          sourceKind: kind,
          sourceRef: ref,
        }),
        db,
      );
      const ctx = await loadViewContext(repo, rows, db);
      return rows.map((r) => toTaskView(r, ctx, today()));
    },

    async transition(ctx, id, input: TransitionInput) {
      return db.transaction().execute(async (trx) => {
        const hand = await writable(ctx, id, trx);
        const state = hand.row.state as LifecycleState;
        const check = checkTransition(state, input.action, hand.roles.lifecycle, input.reason);
        const params = { action: ACTION_LABELS[input.action], state: LIFECYCLE_LABELS[state].vi };
        if (!check.ok && check.reason === 'not_allowed') {
          // Who may act decides between "not yours" (403) and "not now" (409): a stranger learns nothing.
          throw new AppError('FORBIDDEN', {
            detailKey: 'steer.transition_not_allowed',
            params: {
              ...params,
              who: WHO[input.action === 'start' || input.action === 'report_done' ? 'lead' : 'secretariat'],
            },
          });
        }
        const rule = input.action === 'start' || input.action === 'report_done' ? 'lead' : 'secretariat';
        if (!hand.roles.lifecycle.has(rule))
          throw new AppError('FORBIDDEN', {
            detailKey: 'steer.transition_not_allowed',
            params: { ...params, who: WHO[rule] },
          });
        if (!check.ok && check.reason === 'invalid_state')
          throw new AppError('INVALID_STATE', { detailKey: 'steer.invalid_transition', params });
        if (!check.ok)
          throw new AppError('VALIDATION', {
            detailKey: 'steer.reason_required',
            params,
            fieldErrors: [{ field: 'body.reason', code: 'steer.reason_required', params }],
          });
        await planOpen(hand.row, trx);
        let progressId: number | null = null;
        if (input.action === 'report_done') {
          if (!input.text?.trim())
            throw new AppError('VALIDATION', {
              detailKey: 'steer.evidence_required',
              fieldErrors: [{ field: 'body.text', code: 'steer.evidence_required' }],
            });
          const report = await deps.writeProgress(
            hand,
            {
              unitId: hand.view.units.current(hand.row.leadUnitId).id,
              kind: 'done',
              percent: 100,
              text: input.text,
              fileIds: input.fileIds ?? [],
            },
            trx,
          );
          progressId = report.id;
        }
        const after = await setState(hand, check.to, trx, {
          note: input.reason ?? (input.action === 'report_done' ? (input.text ?? null) : null),
          ...(input.action === 'report_done' ? { progressPercent: 100 } : {}),
        });
        await audit.record(trx, ctx, {
          action: ACTION_AUDIT[input.action],
          entity: 'steer_task',
          entityId: id,
          before: { state },
          after: { state: check.to, reason: input.reason ?? null, progressId },
        });
        return viewOf(after, trx);
      });
    },

    async requestExtension(ctx, id, input: ExtensionInput) {
      return db.transaction().execute(async (trx) => {
        const hand = await writable(ctx, id, trx);
        if (!hand.roles.lifecycle.has('lead'))
          throw new AppError('FORBIDDEN', {
            detailKey: 'steer.not_lead',
            params: { unit: hand.view.units.current(hand.row.leadUnitId).name },
          });
        const state = hand.row.state as LifecycleState;
        if (!isOpenState(state))
          throw new AppError('INVALID_STATE', {
            detailKey: 'steer.task_closed',
            params: { state: LIFECYCLE_LABELS[state].vi },
          });
        if (hand.row.deadlineKind === 'ongoing')
          throw new AppError('INVALID_STATE', { detailKey: 'steer.extension_ongoing' });
        const now = today();
        const fmt = (d: string) => d.split('-').reverse().join('/');
        if (input.requestedDue < now)
          throw new AppError('VALIDATION', {
            detailKey: 'steer.extension_in_past',
            params: { date: fmt(input.requestedDue), today: fmt(now) },
            fieldErrors: [
              {
                field: 'body.requestedDue',
                code: 'steer.extension_in_past',
                params: { date: fmt(input.requestedDue), today: fmt(now) },
              },
            ],
          });
        if (hand.row.currentDue && input.requestedDue <= hand.row.currentDue)
          throw new AppError('VALIDATION', {
            detailKey: 'steer.extension_not_later',
            params: { date: fmt(input.requestedDue), due: fmt(hand.row.currentDue) },
            fieldErrors: [
              {
                field: 'body.requestedDue',
                code: 'steer.extension_not_later',
                params: { date: fmt(input.requestedDue), due: fmt(hand.row.currentDue) },
              },
            ],
          });
        const existing = await repo.extensionsOf(id, trx);
        if (existing.some((e) => e.status === 'pending'))
          throw new AppError('CONFLICT', { detailKey: 'steer.extension_pending' });
        await planOpen(hand.row, trx);
        const row = await repo.insertExtension(
          {
            taskId: id,
            requestedDue: input.requestedDue,
            previousDue: hand.row.currentDue,
            reason: input.reason,
            status: 'pending',
            requestedBy: hand.actor.userId,
            requestedAt: clock.now().toISOString(),
            decidedBy: null,
            decidedAt: null,
            decidedOn: null,
            decisionNote: null,
          },
          trx,
        );
        await repo.insertHistory(
          [
            historyRow(hand.actor, id, {
              kind: 'extension_requested',
              field: 'currentDue',
              oldValue: hand.row.currentDue,
              newValue: input.requestedDue,
              note: input.reason,
            }),
          ],
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.extension.request',
          entity: 'steer_task_extension',
          entityId: row.id,
          after: row,
        });
        return (await extensionViews([row], trx))[0];
      });
    },

    async decideExtension(ctx, id, extensionId, decision: ExtensionDecision) {
      return db.transaction().execute(async (trx) => {
        const hand = await writable(ctx, id, trx);
        const ext = await repo.findExtension(extensionId, trx);
        if (!ext || ext.taskId !== id)
          throw new AppError('NOT_FOUND', { detailKey: 'steer.extension_not_found' });
        if (!hand.roles.approver) throw new AppError('FORBIDDEN');
        if (ext.status !== 'pending')
          throw new AppError('INVALID_STATE', { detailKey: 'steer.extension_decided' });
        const now = clock.now();
        const approved = decision.decision === 'approve';
        const row = await repo.updateExtension(
          extensionId,
          {
            status: approved ? 'approved' : 'refused',
            decidedBy: hand.actor.userId,
            decidedAt: now.toISOString(),
            decidedOn: vietnamDate(now),
            decisionNote: decision.note ?? null,
          },
          trx,
        );
        if (approved)
          await repo.updateTask(id, { currentDue: ext.requestedDue, updatedAt: now.toISOString() }, trx);
        await repo.insertHistory(
          [
            historyRow(hand.actor, id, {
              kind: 'extension_decided',
              field: approved ? 'currentDue' : null,
              oldValue: approved ? hand.row.currentDue : null,
              newValue: approved ? ext.requestedDue : null,
              note: `${approved ? 'Đồng ý gia hạn' : 'Không đồng ý gia hạn'}${decision.note ? `: ${decision.note}` : ''}`,
            }),
          ],
          trx,
        );
        await audit.record(trx, ctx, {
          action: approved ? 'steer.extension.approve' : 'steer.extension.refuse',
          entity: 'steer_task_extension',
          entityId: extensionId,
          before: ext,
          after: row,
        });
        return (await extensionViews([row], trx))[0];
      });
    },
  };
  return service;
}

/** The written deadline resolved with the plan's year (core/steer resolveDeadline). */
export function resolveTaskDeadline(written: string, year: number) {
  return resolveDeadline(written, { year: year >= 2000 && year <= 2100 ? year : undefined });
}

export { statusView };
