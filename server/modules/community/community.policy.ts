import { measureUnitKind } from '../../../core/units/kind.js';
import { type Actor, canOnUnit, scopeRootsFor } from '../../lib/actor.js';

// Who may do what in Community (pure; the access guard supplies the unit's ancestors). A commune's officers
// keep its villages, teams, members and activities (community.manage); everyone with community.read reads.

export const canManageCommunity = (actor: Actor | null, ancestors: readonly number[]) =>
  canOnUnit(actor, 'community.manage', ancestors);

export const canReadCommunity = (actor: Actor | null, ancestors: readonly number[]) =>
  canOnUnit(actor, 'community.read', ancestors);

/**
 * A training course is open to the units below its organiser: a province's course is listed to every commune
 * of the province (GET /api/training/courses lists the courses of the unit and of the units above it), so its
 * readers may open it too. `readersBelow` are the actor's community.read scope roots inside the organiser's
 * subtree; such a reader sees the course and only its own units' registrations (see `registrationsFor`).
 */
export const canViewCourse = (
  actor: Actor | null,
  ancestors: readonly number[],
  course: { readersBelow: readonly number[] },
) => canReadCommunity(actor, ancestors) || (!!actor && course.readersBelow.length > 0);

/**
 * A member's phone is shown whole only to people of the team's commune: a community.read grant on the commune
 * itself or on a unit inside it (`communeUnitIds`: the commune and its villages). Everyone else, the province
 * included, sees it masked.
 */
export function seesWholePhone(actor: Actor | null, communeUnitIds: readonly number[]): boolean {
  if (!actor) return false;
  const inside = new Set(communeUnitIds);
  return scopeRootsFor(actor, 'community.read').some((id) => inside.has(id));
}

/** A commune, ward or special zone (the stored kind of older rows may be 'admin'). */
export function isCommuneLevel(unit: { kind: string; type: string; level: number }): boolean {
  if (unit.kind === 'village' || unit.kind === 'agency') return false;
  const k = measureUnitKind(unit);
  return k === 'commune' || k === 'ward' || k === 'special_zone';
}
