import { type Actor, canOnUnit } from '../../lib/actor.js';

// Who may do what with news (pure; the access guard supplies the item's unit's ancestors). The standing
// agency's secretariat writes (news.write) and approves (news.approve) within its unit's subtree; an item is
// approved by a second person: never its author, nor the one who sent it for approval.

export const canWriteNews = (actor: Actor | null, ancestors: readonly number[]) =>
  canOnUnit(actor, 'news.write', ancestors);

export const canApproveNews = (actor: Actor | null, ancestors: readonly number[]) =>
  canOnUnit(actor, 'news.approve', ancestors);

/** The author and the submitter are the first person: they cannot be the second. */
export const isFirstPerson = (
  actor: Actor | null,
  item: { authorId: number; submittedBy: number | null },
): boolean => !!actor && (actor.userId === item.authorId || actor.userId === item.submittedBy);

export const canApproveItem = (
  actor: Actor | null,
  ancestors: readonly number[],
  item: { authorId: number; submittedBy: number | null; status: string },
) => item.status === 'pending' && canApproveNews(actor, ancestors) && !isFirstPerson(actor, item);
