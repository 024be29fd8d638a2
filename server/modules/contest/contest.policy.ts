import type { Actor } from '../../lib/actor.js';
import { canOnUnit } from '../../lib/actor.js';

// Who may do what with contests: organisers hold contest.manage on the organising unit (its subtree); readers
// (leaders, officers) hold contest.read. Participants are not actors: they hold a contest token instead.

export const canManageContest = (actor: Actor, ancestors: number[]) =>
  canOnUnit(actor, 'contest.manage', ancestors);
export const canReadContest = (actor: Actor, ancestors: number[]) =>
  canOnUnit(actor, 'contest.read', ancestors) || canOnUnit(actor, 'contest.manage', ancestors);
