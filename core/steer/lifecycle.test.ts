import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  checkTransition,
  isOpenState,
  TASK_ACTIONS,
  TASK_TRANSITIONS,
  type TaskActor,
} from './lifecycle.js';
import { LIFECYCLE_STATES } from './types.js';

const lead = new Set<TaskActor>(['lead']);
const secretariat = new Set<TaskActor>(['secretariat']);
const both = new Set<TaskActor>(['lead', 'secretariat']);
const nobody = new Set<TaskActor>();

describe('task lifecycle', () => {
  it('lets the lead unit start and report done, the secretariat verify or return', () => {
    expect(checkTransition('not_started', 'start', lead)).toEqual({ ok: true, to: 'in_progress' });
    expect(checkTransition('in_progress', 'report_done', lead)).toEqual({ ok: true, to: 'reported_done' });
    expect(checkTransition('reported_done', 'verify', secretariat)).toEqual({
      ok: true,
      to: 'verified_done',
    });
    expect(checkTransition('reported_done', 'return', secretariat, 'Thiếu biên bản')).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(checkTransition('returned', 'report_done', lead)).toEqual({ ok: true, to: 'reported_done' });
    expect(checkTransition('paused', 'resume', secretariat)).toEqual({ ok: true, to: 'in_progress' });
  });

  it('refuses the wrong actor, the wrong state and a missing reason, in that order', () => {
    expect(checkTransition('reported_done', 'verify', lead)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(checkTransition('in_progress', 'report_done', secretariat)).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    expect(checkTransition('verified_done', 'return', secretariat, 'x')).toEqual({
      ok: false,
      reason: 'invalid_state',
    });
    expect(checkTransition('verified_done', 'return', nobody)).toEqual({
      ok: false,
      reason: 'invalid_state',
    });
    expect(checkTransition('reported_done', 'return', secretariat, '  ')).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(checkTransition('in_progress', 'pause', secretariat)).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(checkTransition('cancelled', 'cancel', secretariat, 'x')).toEqual({
      ok: false,
      reason: 'invalid_state',
    });
    expect(checkTransition('verified_done', 'cancel', secretariat, 'x')).toEqual({
      ok: false,
      reason: 'invalid_state',
    });
  });

  it('ends nowhere: verified and cancelled tasks take no action', () => {
    expect(allowedActions('verified_done', both)).toEqual([]);
    expect(allowedActions('cancelled', both)).toEqual([]);
  });

  it('offers each actor only its own actions, every one of which checks out', () => {
    for (const state of LIFECYCLE_STATES) {
      for (const roles of [lead, secretariat, both, nobody]) {
        const actions = allowedActions(state, roles);
        for (const a of actions) {
          expect(roles.has(TASK_TRANSITIONS[a].by)).toBe(true);
          expect(checkTransition(state, a, roles, 'lý do').ok).toBe(true);
        }
        for (const a of TASK_ACTIONS.filter((x) => !actions.includes(x)))
          expect(checkTransition(state, a, roles, 'lý do').ok).toBe(false);
      }
    }
    expect(allowedActions('in_progress', lead)).toEqual(['report_done']);
    expect(allowedActions('in_progress', secretariat)).toEqual(['pause', 'cancel']);
  });

  it('knows which states are open to reports', () => {
    expect(LIFECYCLE_STATES.filter(isOpenState)).toEqual(['not_started', 'in_progress', 'returned']);
  });
});
