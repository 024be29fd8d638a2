import type { Actor } from '../../lib/actor.js';
import { canOnUnit, hasPermissionAnywhere } from '../../lib/actor.js';

// Who may do what in Measure. Pure: callers pass the target unit's ancestors (from unit_closure).

export type SubmissionState = {
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  periodStatus: 'draft' | 'open' | 'closed' | 'published';
  /** A manager reopened this unit's submission after the period closed or was published. */
  reopened?: boolean;
};

/** The period accepts this unit's work: open, or closed/published with the unit's submission reopened. */
const periodAccepts = (s: SubmissionState) =>
  s.periodStatus === 'open' || (s.reopened === true && s.periodStatus !== 'draft');

export const canManageFrameworks = (actor: Actor | null) => hasPermissionAnywhere(actor, 'measure.manage');
export const canReadFrameworks = (actor: Actor | null) => hasPermissionAnywhere(actor, 'measure.read');

/**
 * A framework is changed with measure.manage on its owner unit (issue 8 #3: not "anywhere"). `ownerAncestors`
 * are the owner's ancestors, itself included; a framework without an owner counts as every top-level unit's.
 */
export const canManageFramework = (actor: Actor | null, ownerAncestors: number[]) =>
  canOnUnit(actor, 'measure.manage', ownerAncestors);

/**
 * A framework is read in its owner's subtree and below it (a province's framework by every commune it measures):
 * `readRootAncestors` are the ancestors of the units the actor holds measure.read on. A commune's own framework
 * stays out of the next commune's sight.
 */
export function canReadFramework(
  actor: Actor | null,
  ownerUnitId: number | null,
  ownerAncestors: number[],
  readRootAncestors: ReadonlySet<number>,
): boolean {
  if (ownerUnitId === null) return hasPermissionAnywhere(actor, 'measure.read');
  return canOnUnit(actor, 'measure.read', ownerAncestors) || readRootAncestors.has(ownerUnitId);
}

export const canManagePeriod = (actor: Actor | null, rootAncestors: number[]) =>
  canOnUnit(actor, 'measure.manage', rootAncestors);

export const canReadUnit = (actor: Actor | null, unitAncestors: number[]) =>
  canOnUnit(actor, 'measure.read', unitAncestors);

/** May open the unit's entry form (whether it is editable now is canEditSubmission's question). */
export const canEnterUnit = (actor: Actor | null, unitAncestors: number[]) =>
  canOnUnit(actor, 'measure.enter', unitAncestors);

export const canAppraiseUnit = (actor: Actor | null, unitAncestors: number[]) =>
  canOnUnit(actor, 'measure.appraise', unitAncestors);

/** The live preview serves both the unit entering values and the appraiser trying appraised ones. */
export const canPreviewUnit = (actor: Actor | null, unitAncestors: number[]) =>
  canEnterUnit(actor, unitAncestors) || canAppraiseUnit(actor, unitAncestors);

/** The unit may change its own entry only while it is with the unit and the period is open (or it was reopened). */
export function canEditSubmission(actor: Actor | null, unitAncestors: number[], s: SubmissionState): boolean {
  return (
    canOnUnit(actor, 'measure.enter', unitAncestors) &&
    periodAccepts(s) &&
    (s.status === 'draft' || s.status === 'returned')
  );
}

export function canAppraiseSubmission(
  actor: Actor | null,
  unitAncestors: number[],
  s: SubmissionState,
): boolean {
  return (
    canOnUnit(actor, 'measure.appraise', unitAncestors) &&
    s.status === 'submitted' &&
    (s.periodStatus === 'closed' || periodAccepts(s))
  );
}
