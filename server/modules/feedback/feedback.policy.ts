import type { UnitRule } from '../../lib/access-guard.js';
import { type Actor, canOnUnit } from '../../lib/actor.js';

// Who may do what with a citizen report (pure; the access guard supplies the ancestors of the report's current
// unit). Readers see reports of units in their scope; the handling unit's officers (feedback.handle) accept,
// answer, note and ask for more time; the secretariat (feedback.manage) routes, refuses, closes and decides
// extensions. Categories are the province's (feedback.manage on a top-level unit).

export const canReadReport: UnitRule<unknown> = (actor, ancestors) =>
  canOnUnit(actor, 'feedback.read', ancestors);
export const canHandleReport: UnitRule<unknown> = (actor, ancestors) =>
  canOnUnit(actor, 'feedback.handle', ancestors);
export const canManageReport: UnitRule<unknown> = (actor, ancestors) =>
  canOnUnit(actor, 'feedback.manage', ancestors);

/** Either handles it or manages it (notes are written by both). */
export const canWorkOnReport = (actor: Actor | null, ancestors: readonly number[]) =>
  canOnUnit(actor, 'feedback.handle', ancestors) || canOnUnit(actor, 'feedback.manage', ancestors);
