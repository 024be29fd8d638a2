import type { Executor } from '../../../db/executor.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import { loadGrantAncestors, loadTaskUnits, loadViewContext, type ViewContext } from './task-views.js';
import {
  canReadTask,
  type GrantAncestors,
  rolesOnTask,
  type TaskRoles,
  type TaskUnits,
} from './tasks.policy.js';
import type { SteerTasksRepository, TaskRow } from './tasks.repository.js';

// One task as an actor sees it, through the one access guard: 401 → 404 (unknown, or not readable by the actor:
// a task outside one's scope, or confidential, is not revealed) → the caller's own checks on `roles`.

export type TaskInHand = {
  actor: Actor;
  row: TaskRow;
  units: TaskUnits;
  roles: TaskRoles;
  view: ViewContext;
};

type Loaded = { row: TaskRow; units: TaskUnits; view: ViewContext; grants: GrantAncestors };

export function createTaskAccess(deps: { db: Executor; guard: AccessGuard; repo: SteerTasksRepository }) {
  const { db, guard, repo } = deps;
  return async function taskFor(actor: Actor | null, id: number, exec: Executor = db): Promise<TaskInHand> {
    const guarded = await guard
      .forEntity<Loaded>(
        actor,
        (a, _ancestors, e) => canReadTask(a, e.units, e.grants),
        async () => {
          const row = await repo.findTask(id, exec);
          if (!row || !actor) return undefined;
          const view = await loadViewContext(repo, [row], exec);
          const units = (await loadTaskUnits(exec, [row], view.coordinators, view.units)).get(row.id)!;
          return { row, units, view, grants: await loadGrantAncestors(exec, actor) };
        },
        (e) => e.row.ownerUnitId,
        { exec, notFoundKey: 'steer.task_not_found' },
      )
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'FORBIDDEN')
          throw new AppError('NOT_FOUND', { detailKey: 'steer.task_not_found' });
        throw error;
      });
    const { row, units, view, grants } = guarded.entity;
    return { actor: guarded.actor, row, units, view, roles: rolesOnTask(guarded.actor, units, grants) };
  };
}
export type TaskAccess = ReturnType<typeof createTaskAccess>;
