import type {
  ExtensionDecision,
  ExtensionInput,
  ExtensionView,
  GroupInput,
  GroupView,
  PlanInput,
  PlanPatch,
  PlanTree,
  PlanView,
  ProgressInput,
  ProgressView,
  TaskDetail,
  TaskInput,
  TaskList,
  TaskListQuery,
  TaskPatch,
  TaskSource,
  TaskView,
  TransitionInput,
} from '../../../../core/contracts/steer-tasks.js';
import type { TaskStatusInput } from '../../../../core/steer/task-status.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';

// The public face of Steer's plans, tasks and progress: what routes and the other Steer features (meetings,
// the xlsx import, urging, reports) call. Types only; the services live in tasks/, plans/ and progress/.

export type {
  ExtensionView,
  PlanTree,
  PlanView,
  ProgressView,
  TaskDetail,
  TaskInput,
  TaskList,
  TaskListQuery,
  TaskSource,
  TaskView,
};

/**
 * What another feature passes to createTask: the HTTP input plus where the task came from. A conclusion's
 * task: `{ ownerUnitId: committeeUnitId, source: { kind: 'conclusion', ref: String(conclusionId), label } }`.
 */
export type CreateTaskInput = TaskInput & {
  source?: TaskSource;
  /** Demo rows are marked (the demo seed). */
  isDemo?: boolean;
};

export type SteerTasksService = {
  /**
   * Creates a task (or sub-task) after checking steer.manage on its owner unit, the units, the KPI code and
   * the written deadline (resolved by core/steer resolveDeadline, a Vietnamese 400 quoting the text when it
   * cannot be). Runs in `exec` when given — the caller's own transaction (a meeting turning conclusions into
   * tasks, the xlsx import confirming a plan's appendix) — else in a transaction of its own; audited and
   * written to the task's history in the same transaction. Throws AppError on bad input (nothing saved).
   */
  createTask(ctx: AuditContext, input: CreateTaskInput, exec?: Executor): Promise<TaskView>;
  updateTask(ctx: AuditContext, id: number, patch: TaskPatch): Promise<TaskView>;
  /** Deletes a task of a draft plan (or a task with nothing reported yet) and its sub-tasks. */
  deleteTask(ctx: AuditContext, id: number): Promise<void>;
  /** One task with its derived status as of `asOf` (today in Vietnam by default): 401 → 404 → … */
  getTask(actor: Actor | null, id: number, asOf?: string): Promise<TaskView>;
  /** The task page: task, sub-tasks, progress, extensions, history and what the caller may do. */
  detail(actor: Actor | null, id: number, asOf?: string): Promise<TaskDetail>;
  /** Tasks in the caller's scope (lead, coordinating or owner unit), filtered, with status as of `asOf`. */
  listTasks(actor: Actor | null, query: Partial<TaskListQuery>): Promise<TaskList>;
  /** Tasks created from a source (e.g. a meeting's conclusions), in scope, with status as of today. */
  tasksBySource(actor: Actor | null, kind: TaskSource['kind'], ref: string): Promise<TaskView[]>;
  transition(ctx: AuditContext, id: number, input: TransitionInput): Promise<TaskView>;
  requestExtension(ctx: AuditContext, id: number, input: ExtensionInput): Promise<ExtensionView>;
  decideExtension(
    ctx: AuditContext,
    id: number,
    extensionId: number,
    decision: ExtensionDecision,
  ): Promise<ExtensionView>;
};

export type SteerPlansService = {
  create(ctx: AuditContext, input: PlanInput): Promise<PlanView>;
  update(ctx: AuditContext, id: number, patch: PlanPatch): Promise<PlanView>;
  /** A draft plan with no tasks only. */
  remove(ctx: AuditContext, id: number): Promise<void>;
  issue(ctx: AuditContext, id: number): Promise<PlanView>;
  supersede(ctx: AuditContext, id: number, supersededById: number): Promise<PlanView>;
  get(actor: Actor | null, id: number): Promise<PlanView>;
  list(
    actor: Actor | null,
    query: { status?: PlanView['status']; unitId?: number; q?: string },
  ): Promise<{
    items: PlanView[];
  }>;
  /** The plan, its groups and its tasks (confidential ones only for those allowed) with status as of `asOf`. */
  tree(actor: Actor | null, id: number, asOf?: string): Promise<PlanTree>;
  addGroup(ctx: AuditContext, planId: number, input: GroupInput, exec?: Executor): Promise<GroupView>;
  updateGroup(
    ctx: AuditContext,
    planId: number,
    groupId: number,
    patch: Partial<GroupInput>,
  ): Promise<GroupView>;
  removeGroup(ctx: AuditContext, planId: number, groupId: number): Promise<void>;
};

export type SteerProgressService = {
  /** A progress update by the lead or a coordinating unit (others: 403 with a clear problem). */
  report(ctx: AuditContext, taskId: number, input: ProgressInput): Promise<ProgressView>;
  /** The secretariat (steer.manage on the owner unit) answers an update's proposals. */
  answer(ctx: AuditContext, taskId: number, progressId: number, answer: string): Promise<ProgressView>;
  list(actor: Actor | null, taskId: number): Promise<ProgressView[]>;
};

/**
 * For reports, urging and the dashboard: the raw inputs of deriveTaskStatus for tasks by id (history, approved
 * extensions, progress dates), read in bulk. No access check: callers filter by scope first.
 */
export type SteerStatusInputs = {
  statusInputs(taskIds: number[], exec?: Executor): Promise<Map<number, TaskStatusInput>>;
};
