import type { Permission } from '../../../../core/accounts/permissions.js';
import type { TaskActor } from '../../../../core/steer/lifecycle.js';
import { type Actor, canOnUnit, scopeRootsFor } from '../../../lib/actor.js';

// Who may do what on a Steer task (pure; the services load the units' ancestors and ask these).
//
// A task has three kinds of unit: its lead unit, its coordinating units and its owner (the unit that assigned
// it: the plan's issuing unit, the committee of a conclusion notice). Each is "acted for" by the unit itself and,
// when it was merged in a reorganisation, by its successors through lineage (`acting`).
//
// - Read: steer.read on the lead, a coordinating or the owner unit (their ancestors include the successors
//   through lineage, so a merged commune's task shows under the new commune).
// - Confidential tasks: only the committee (steer.manage or steer.approve on the owner unit: secretariat and
//   leaders above the issuing unit) and the people of the lead and coordinating units themselves (a grant ON
//   one of them, its successor or a unit below it). A reader who only covers the task from above (another
//   department, a viewer of the province) does not see it, not even in counts; its id answers 404.
// - Report progress: steer.report held as a member of the lead or a coordinating unit (not from above: a
//   province officer does not report for a commune).
// - Start, report done, ask for an extension: steer.report as a member of the lead unit.
// - Edit, verify, return, pause, resume, cancel, answer proposals: steer.manage on the owner unit (secretariat).
// - Decide an extension: steer.approve on the owner unit (leaders, secretariat).

/** The units of one task, each with its ancestors (unit_closure, itself included). */
export type TaskUnits = {
  owner: number[];
  lead: number[];
  coordinators: number[][];
  /** The lead unit and its successors through lineage. */
  leadActing: number[];
  /** Each coordinating unit and its successors. */
  coordinatorsActing: number[][];
  confidential: boolean;
};

/** Ancestors of each unit the actor holds a grant on (for membership), keyed by the grant's unit. */
export type GrantAncestors = ReadonlyMap<number, readonly number[]>;

/** The actor holds `permission` on a unit that is one of `acting`, or lies below one of them. */
export function isMemberOf(
  actor: Actor,
  permission: Permission,
  acting: readonly number[],
  grants: GrantAncestors,
): boolean {
  const set = new Set(acting);
  for (const root of scopeRootsFor(actor, permission)) {
    for (const a of grants.get(root) ?? [root]) if (set.has(a)) return true;
  }
  return false;
}

export function isCommittee(actor: Actor, units: Pick<TaskUnits, 'owner'>): boolean {
  return canOnUnit(actor, 'steer.manage', units.owner) || canOnUnit(actor, 'steer.approve', units.owner);
}

export function canReadTask(actor: Actor, units: TaskUnits, grants: GrantAncestors): boolean {
  if (units.confidential) {
    if (isCommittee(actor, units)) return true;
    return [units.leadActing, ...units.coordinatorsActing].some((acting) =>
      isMemberOf(actor, 'steer.read', acting, grants),
    );
  }
  return [units.owner, units.lead, ...units.coordinators].some((ancestors) =>
    canOnUnit(actor, 'steer.read', ancestors),
  );
}

/** What the actor is on this task, for the lifecycle (core/steer/lifecycle.ts) and the task page. */
export type TaskRoles = {
  lifecycle: Set<TaskActor>;
  coordinator: boolean;
  approver: boolean;
};

export function rolesOnTask(actor: Actor, units: TaskUnits, grants: GrantAncestors): TaskRoles {
  const lifecycle = new Set<TaskActor>();
  if (isMemberOf(actor, 'steer.report', units.leadActing, grants)) lifecycle.add('lead');
  if (canOnUnit(actor, 'steer.manage', units.owner)) lifecycle.add('secretariat');
  return {
    lifecycle,
    coordinator: units.coordinatorsActing.some((acting) => isMemberOf(actor, 'steer.report', acting, grants)),
    approver: canOnUnit(actor, 'steer.approve', units.owner),
  };
}

/** Plans: managed by steer.manage on the issuing unit; read with steer.read there (or through a task). */
export function canManagePlan(actor: Actor, issuingUnitAncestors: readonly number[]): boolean {
  return canOnUnit(actor, 'steer.manage', issuingUnitAncestors);
}
