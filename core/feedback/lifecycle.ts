// The life of a citizen report (phản ánh kiến nghị), as one pure function: which action is allowed in which
// status and what status follows. The server asks it before every write; the staff app shows only the actions
// it allows. received → assigned (to a handling unit) → in_progress → answered → closed; refused (spam,
// duplicate, out of scope) with a reason; reopened when the citizen is not satisfied with the answer.

export const FEEDBACK_STATUSES = [
  'received',
  'assigned',
  'in_progress',
  'answered',
  'closed',
  'refused',
  'reopened',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const REFUSE_KINDS = ['spam', 'duplicate', 'out_of_scope'] as const;
export type RefuseKind = (typeof REFUSE_KINDS)[number];

export const FEEDBACK_ACTIONS = [
  'assign',
  'accept',
  'answer',
  'refuse',
  'close',
  'rate_satisfied',
  'rate_unsatisfied',
] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

/** Open311's binary status: everything not finished is open. */
export const isOpenStatus = (s: FeedbackStatus) => s !== 'closed' && s !== 'refused' && s !== 'answered';
/** Statuses in which the handling unit still owes an answer (the deadline runs). */
export const isAwaitingAnswer = (s: FeedbackStatus) =>
  s === 'assigned' || s === 'in_progress' || s === 'reopened';

const TRANSITIONS: Record<FeedbackAction, Partial<Record<FeedbackStatus, FeedbackStatus>>> = {
  // Routing (and re-routing to another unit, with a reason) before the answer.
  assign: { received: 'assigned', assigned: 'assigned', in_progress: 'assigned', reopened: 'assigned' },
  accept: { assigned: 'in_progress', reopened: 'in_progress' },
  answer: { assigned: 'answered', in_progress: 'answered', reopened: 'answered' },
  refuse: { received: 'refused', assigned: 'refused', in_progress: 'refused' },
  close: { answered: 'closed' },
  rate_satisfied: { answered: 'closed' },
  rate_unsatisfied: { answered: 'reopened' },
};

export type Transition = { ok: true; status: FeedbackStatus } | { ok: false; reason: 'not_allowed' };

/** The status after `action` from `status`, or why not. */
export function nextStatus(status: FeedbackStatus, action: FeedbackAction): Transition {
  const to = TRANSITIONS[action][status];
  return to ? { ok: true, status: to } : { ok: false, reason: 'not_allowed' };
}

/** The actions allowed from a status (the UI's buttons, before permissions). */
export function allowedActions(status: FeedbackStatus): FeedbackAction[] {
  return FEEDBACK_ACTIONS.filter((a) => TRANSITIONS[a][status] !== undefined);
}

/** Open311 GeoReport v2 maps every status onto open | closed. */
export function open311Status(status: FeedbackStatus): 'open' | 'closed' {
  return status === 'closed' || status === 'refused' || status === 'answered' ? 'closed' : 'open';
}
