import type { LifecycleState } from './types.js';

// The stored lifecycle of a Steer task: which action moves which state to which, and who acts. Pure; the
// tasks service asks it before every change and the task page asks it which buttons to show.
//
//   not_started ─start─▶ in_progress ─report_done─▶ reported_done ─verify─▶ verified_done
//        │                    ▲  ▲                        │
//        └────report_done─────┼──┼────────────────────────┤ return (with a reason)
//                             │  └──start / report_done── returned
//   pause (with a reason): not_started | in_progress | returned → paused; resume: paused → in_progress
//   cancel (with a reason): any state but verified_done and cancelled → cancelled
//
// Who: the lead unit starts and reports done (with evidence); the secretariat (steer.manage on the task's owner
// unit) verifies, returns, pauses, resumes and cancels. A progress update by the lead unit on a task not started
// (or returned) starts it.

export const TASK_ACTIONS = [
  'start',
  'report_done',
  'verify',
  'return',
  'pause',
  'resume',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** 'lead': the lead unit's people; 'secretariat': steer.manage on the owner unit. */
export type TaskActor = 'lead' | 'secretariat';

type Rule = { from: readonly LifecycleState[]; to: LifecycleState; by: TaskActor; needsReason: boolean };

export const TASK_TRANSITIONS: Readonly<Record<TaskAction, Rule>> = {
  start: { from: ['not_started', 'returned'], to: 'in_progress', by: 'lead', needsReason: false },
  report_done: {
    from: ['not_started', 'in_progress', 'returned'],
    to: 'reported_done',
    by: 'lead',
    needsReason: false,
  },
  verify: { from: ['reported_done'], to: 'verified_done', by: 'secretariat', needsReason: false },
  return: { from: ['reported_done'], to: 'returned', by: 'secretariat', needsReason: true },
  pause: {
    from: ['not_started', 'in_progress', 'returned'],
    to: 'paused',
    by: 'secretariat',
    needsReason: true,
  },
  resume: { from: ['paused'], to: 'in_progress', by: 'secretariat', needsReason: false },
  cancel: {
    from: ['not_started', 'in_progress', 'reported_done', 'returned', 'paused'],
    to: 'cancelled',
    by: 'secretariat',
    needsReason: true,
  },
};

export type TransitionCheck =
  | { ok: true; to: LifecycleState }
  | { ok: false; reason: 'invalid_state' | 'not_allowed' | 'reason_required' };

/**
 * May `roles` (what the caller is on this task) take `action` from `state`? The state is checked first (a
 * verified task cannot be returned by anyone), then who acts, then the reason.
 */
export function checkTransition(
  state: LifecycleState,
  action: TaskAction,
  roles: ReadonlySet<TaskActor>,
  reason?: string | null,
): TransitionCheck {
  const rule = TASK_TRANSITIONS[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'invalid_state' };
  if (!roles.has(rule.by)) return { ok: false, reason: 'not_allowed' };
  if (rule.needsReason && !reason?.trim()) return { ok: false, reason: 'reason_required' };
  return { ok: true, to: rule.to };
}

/** The actions `roles` may take from `state` (the task page's buttons). */
export function allowedActions(state: LifecycleState, roles: ReadonlySet<TaskActor>): TaskAction[] {
  return TASK_ACTIONS.filter(
    (a) => TASK_TRANSITIONS[a].from.includes(state) && roles.has(TASK_TRANSITIONS[a].by),
  );
}

/** An open task (progress can be reported, an extension asked for). */
export function isOpenState(state: LifecycleState): boolean {
  return state === 'not_started' || state === 'in_progress' || state === 'returned';
}
