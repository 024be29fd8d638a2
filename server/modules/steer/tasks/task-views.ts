import type { DeadlineView, TaskStatusView, TaskView } from '../../../../core/contracts/steer-tasks.js';
import {
  deriveTaskStatus,
  type TaskDeadline,
  type TaskStatusInput,
} from '../../../../core/steer/task-status.js';
import type { DeadlineCycle, DeadlineKind, LifecycleState } from '../../../../core/steer/types.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import { unitAncestorIdsMany } from '../../../lib/unit-ancestors.js';
import type { GrantAncestors, TaskUnits } from './tasks.policy.js';
import type {
  PlanRow,
  StatusTaskRow,
  SteerTasksRepository,
  TaskRow,
  UnitNameRow,
} from './tasks.repository.js';

// Turns task rows into the read model: units by today's names (a merged lead unit shows as its successor), the
// deadline as written and resolved, the deadline in force, and the status derived as of a date from the stored
// history, approved extensions and progress dates. Everything is read in bulk for a whole list.

const MAX_LINEAGE_STEPS = 10;

export function deadlineOf(row: StatusTaskRow): DeadlineView {
  return {
    written: row.deadlineWritten,
    kind: row.deadlineKind as DeadlineKind,
    due: row.deadlineDue,
    start: row.deadlineStart,
    cycle: (row.deadlineCycle as DeadlineCycle | null) ?? null,
  };
}

export function taskDeadline(d: DeadlineView): TaskDeadline {
  if (d.cycle) return { cycle: d.cycle, due: d.due, start: d.start ?? undefined };
  return { due: d.due ?? '9999-12-31', start: d.start ?? undefined };
}

/** The units of the tree today: each unit, the successors it was merged into, and its current form. */
export type UnitDirectory = {
  name(id: number): string;
  /** The unit and every unit it flowed into (lineage, transitively). */
  acting(id: number): number[];
  /** Today's form: the unit itself while in force, else its main successor (full flows first). */
  current(id: number): { id: number; name: string };
};

export async function loadUnitDirectory(
  repo: SteerTasksRepository,
  unitIds: number[],
  exec?: Executor,
  /** The rows of `unitIds`, when the caller has read them already (the first step's read is then skipped). */
  known?: UnitNameRow[],
): Promise<UnitDirectory> {
  const units = new Map<number, UnitNameRow>();
  const next = new Map<number, number[]>();
  let frontier = [...new Set(unitIds)];
  for (let step = 0; frontier.length && step < MAX_LINEAGE_STEPS; step++) {
    const rows = step === 0 && known ? known : await repo.unitsByIds(frontier, exec);
    for (const u of rows) units.set(u.id, u);
    const retired = frontier.filter((id) => units.get(id)?.validTo);
    const edges = retired.length ? await repo.lineageFrom(retired, exec) : [];
    for (const e of edges) next.set(e.fromUnitId, [...(next.get(e.fromUnitId) ?? []), e.toUnitId]);
    frontier = [...new Set(edges.map((e) => e.toUnitId))].filter((id) => !units.has(id));
  }
  const name = (id: number) => units.get(id)?.name ?? `#${id}`;
  const acting = (id: number) => {
    const seen = new Set<number>([id]);
    const queue = [id];
    while (queue.length) {
      for (const n of next.get(queue.pop()!) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    return [...seen];
  };
  const current = (id: number) => {
    let at = id;
    for (let i = 0; i < MAX_LINEAGE_STEPS; i++) {
      const row = units.get(at);
      const successors = next.get(at);
      if (!row?.validTo || !successors?.length) break;
      at = successors[0];
    }
    return { id: at, name: name(at) };
  };
  return { name, acting, current };
}

/** The status inputs of many tasks (history, approved extensions, progress dates), read in bulk. */
/**
 * Up to this many tasks (a page), their status inputs are one statement and their units are read with the other
 * view inputs in one round; more (a report of every task) go as chunked reads, in parallel.
 */
const PAGE_IN_ONE_READ = 500;

/** The one statement's rows of a page's status inputs, as the three reads give them. */
function splitInputs(rows: { k: string; taskId: number; a: string; b: string | null }[]) {
  const states: { taskId: number; onDate: string; newValue: string | null }[] = [];
  const extensions: { taskId: number; requestedDue: string; decidedOn: string | null }[] = [];
  const progress: { taskId: number; reportedOn: string }[] = [];
  for (const r of rows)
    if (r.k === 'h') states.push({ taskId: r.taskId, onDate: r.a, newValue: r.b });
    else if (r.k === 'e') extensions.push({ taskId: r.taskId, requestedDue: r.a, decidedOn: r.b });
    else progress.push({ taskId: r.taskId, reportedOn: r.a });
  return [states, extensions, progress] as const;
}

export async function loadStatusInputs(
  repo: SteerTasksRepository,
  rows: StatusTaskRow[],
  exec?: Executor,
  /** One statement for a page, chunked reads for more; tests ask for each to compare them. */
  read: 'one' | 'chunked' = rows.length <= PAGE_IN_ONE_READ ? 'one' : 'chunked',
): Promise<Map<number, TaskStatusInput>> {
  const ids = rows.map((r) => r.id);
  // Progress dates count only for ongoing tasks (a report per reporting cycle; an extension's deadline has no
  // cycle): the other tasks' reports, most of the progress table at scale, are not read (bench/steer.bench.ts).
  const ongoing = rows.filter((r) => r.deadlineCycle).map((r) => r.id);
  const [states, extensions, progress] =
    read === 'one'
      ? splitInputs(await repo.statusInputsOfPage(ids, ongoing, exec))
      : await Promise.all([
          repo.stateChangesOf(ids, exec),
          repo.approvedExtensionsOf(ids, exec),
          ongoing.length ? repo.progressDatesOf(ongoing, exec) : [],
        ]);
  const out = new Map<number, TaskStatusInput>();
  for (const r of rows) {
    out.set(r.id, {
      assignedOn: r.assignedOn,
      deadline: taskDeadline(deadlineOf(r)),
      extensions: [],
      history: [],
      progressReports: [],
    });
  }
  for (const s of states)
    (out.get(s.taskId)?.history as { state: LifecycleState; on: string }[] | undefined)?.push({
      state: s.newValue as LifecycleState,
      on: s.onDate,
    });
  for (const e of extensions)
    if (e.decidedOn)
      (out.get(e.taskId)?.extensions as { deadline: TaskDeadline; approvedOn: string }[] | undefined)?.push({
        deadline: { due: e.requestedDue },
        approvedOn: e.decidedOn,
      });
  for (const p of progress) (out.get(p.taskId)?.progressReports as string[] | undefined)?.push(p.reportedOn);
  return out;
}

export function statusView(input: TaskStatusInput, asOf: string): TaskStatusView {
  const s = deriveTaskStatus(input, asOf);
  return {
    asOf,
    status: s.status,
    bucket: s.bucket,
    state: s.state,
    due: s.due,
    extended: s.extended,
    doneOn: s.doneOn ?? null,
    verified: s.verified ?? false,
    daysOverdue: s.daysOverdue ?? null,
    daysLate: s.daysLate ?? null,
    daysUntilDue: s.daysUntilDue ?? null,
    lateAgainstOriginal: s.lateAgainstOriginal ?? false,
  };
}

export type ViewContext = {
  units: UnitDirectory;
  coordinators: Map<number, number[]>;
  plans: Map<number, PlanRow>;
  inputs: Map<number, TaskStatusInput>;
};

export async function loadViewContext(
  repo: SteerTasksRepository,
  rows: TaskRow[],
  exec?: Executor,
): Promise<ViewContext> {
  const ids = rows.map((r) => r.id);
  const planIds = rows.flatMap((r) => (r.planId === null ? [] : [r.planId]));
  // The units (lead, owner and coordinating: the last through a sub-select, so they need not wait for the
  // coordinators) in the same round as the rest; only a retired unit's successors take another.
  const [coordinators, plans, inputs, firstUnits] = await Promise.all([
    repo.coordinatorsOf(ids, exec),
    planIds.length ? repo.plansByIds(planIds, exec) : [],
    loadStatusInputs(repo, rows, exec),
    rows.length <= PAGE_IN_ONE_READ
      ? repo.unitsOfTasks(
          ids,
          rows.flatMap((r) => [r.leadUnitId, r.ownerUnitId]),
          exec,
        )
      : undefined,
  ]);
  const unitIds = rows.flatMap((r) => [r.leadUnitId, r.ownerUnitId, ...(coordinators.get(r.id) ?? [])]);
  const units = await loadUnitDirectory(repo, unitIds, exec, firstUnits);
  return { units, coordinators, plans: new Map(plans.map((p) => [p.id, p])), inputs };
}

export function toTaskView(row: TaskRow, ctx: ViewContext, asOf: string | null): TaskView {
  const lead = ctx.units.current(row.leadUnitId);
  const coordinatorIds = ctx.coordinators.get(row.id) ?? [];
  const plan = row.planId === null ? undefined : ctx.plans.get(row.planId);
  const input = ctx.inputs.get(row.id);
  return {
    id: row.id,
    planId: row.planId,
    plan: plan ? { id: plan.id, numberSymbol: plan.numberSymbol, title: plan.title } : null,
    groupId: row.groupId,
    parentId: row.parentId,
    ownerUnitId: row.ownerUnitId,
    code: row.code,
    position: row.position,
    title: row.title,
    description: row.description,
    isKey: row.isKey === 1,
    leadUnitId: row.leadUnitId,
    leadUnit: lead,
    originalLeadUnit:
      lead.id === row.leadUnitId ? null : { id: row.leadUnitId, name: ctx.units.name(row.leadUnitId) },
    coordinatingUnitIds: coordinatorIds,
    coordinatingUnits: coordinatorIds.map((id) => ctx.units.current(id)),
    expectedProduct: row.expectedProduct,
    kpiCode: row.kpiCode,
    deadline: deadlineOf(row),
    currentDue: row.currentDue,
    extended: row.currentDue !== row.deadlineDue,
    state: row.state as LifecycleState,
    stateOn: row.stateOn,
    progressPercent: row.progressPercent,
    confidential: row.confidential === 1,
    assignedOn: row.assignedOn,
    source: {
      kind: row.sourceKind as TaskView['source']['kind'],
      ref: row.sourceRef,
      label: row.sourceLabel,
    },
    isDemo: row.isDemo === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(asOf && input ? { status: statusView(input, asOf) } : {}),
  };
}

/** Each task's units with their ancestors and acting sets, for the policy (tasks.policy.ts). */
export async function loadTaskUnits(
  exec: Executor,
  rows: TaskRow[],
  coordinators: Map<number, number[]>,
  units: UnitDirectory,
): Promise<Map<number, TaskUnits>> {
  const unitIds = rows.flatMap((r) => [r.leadUnitId, r.ownerUnitId, ...(coordinators.get(r.id) ?? [])]);
  const ancestors = await unitAncestorIdsMany(exec, unitIds);
  const of = (id: number) => ancestors.get(id) ?? [];
  return new Map(
    rows.map((r) => {
      const coords = coordinators.get(r.id) ?? [];
      return [
        r.id,
        {
          owner: of(r.ownerUnitId),
          lead: of(r.leadUnitId),
          coordinators: coords.map(of),
          leadActing: units.acting(r.leadUnitId),
          coordinatorsActing: coords.map((id) => units.acting(id)),
          confidential: r.confidential === 1,
        },
      ];
    }),
  );
}

/** Ancestors of every unit the actor holds a grant on (membership of a task's units). */
export async function loadGrantAncestors(exec: Executor, actor: Actor): Promise<GrantAncestors> {
  const ids = [...new Set(actor.grants.map((g) => g.unitId))];
  return unitAncestorIdsMany(exec, ids);
}
