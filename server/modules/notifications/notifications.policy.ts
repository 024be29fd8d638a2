import type { Actor, UserActor } from '../../lib/actor.js';

// Who may use the notification centre: a signed-in person, for their own notifications only. An API token is
// refused even though it acts for a user: a machine client has no inbox, and reading or marking a person's
// notifications through a token would let an integration (or a leaked token) clear someone's reminders.
export function canUseNotificationCentre(actor: Actor | null): actor is UserActor {
  return actor?.kind === 'user';
}

/** A notification is shown to, and marked read by, its recipient alone (no role above reads another's inbox). */
export function isRecipient(actor: UserActor, recipientUserId: number | null): boolean {
  return recipientUserId === actor.userId;
}
