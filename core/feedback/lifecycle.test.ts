import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  FEEDBACK_ACTIONS,
  FEEDBACK_STATUSES,
  type FeedbackAction,
  type FeedbackStatus,
  nextStatus,
  open311Status,
} from './lifecycle.js';

const run = (from: FeedbackStatus, actions: FeedbackAction[]) => {
  let s = from;
  for (const a of actions) {
    const t = nextStatus(s, a);
    if (!t.ok) return { failedAt: a, status: s };
    s = t.status;
  }
  return { status: s };
};

describe('the report lifecycle', () => {
  it('runs received → assigned → in progress → answered → closed', () => {
    expect(run('received', ['assign', 'accept', 'answer', 'rate_satisfied'])).toEqual({ status: 'closed' });
  });

  it('reopens an answer the citizen is not satisfied with, and answers it again', () => {
    expect(run('received', ['assign', 'answer', 'rate_unsatisfied'])).toEqual({ status: 'reopened' });
    expect(run('reopened', ['accept', 'answer', 'close'])).toEqual({ status: 'closed' });
  });

  it('refuses before an answer only', () => {
    expect(nextStatus('received', 'refuse')).toEqual({ ok: true, status: 'refused' });
    expect(nextStatus('answered', 'refuse').ok).toBe(false);
    expect(nextStatus('closed', 'assign').ok).toBe(false);
    expect(nextStatus('received', 'answer').ok).toBe(false);
  });

  it('never leaves closed or refused, and allowedActions agrees with nextStatus', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FEEDBACK_STATUSES),
        fc.array(fc.constantFrom(...FEEDBACK_ACTIONS), { maxLength: 12 }),
        (start, actions) => {
          let s = start;
          for (const a of actions) {
            const t = nextStatus(s, a);
            expect(allowedActions(s).includes(a)).toBe(t.ok);
            if (s === 'closed' || s === 'refused') expect(t.ok).toBe(false);
            if (t.ok) s = t.status;
          }
        },
      ),
    );
  });

  it('maps to Open311 open/closed', () => {
    expect(open311Status('in_progress')).toBe('open');
    expect(open311Status('reopened')).toBe('open');
    expect(open311Status('refused')).toBe('closed');
  });
});
