import type { UnitAction } from '../../../core/contracts/units.js';
import { type Actor, canOnUnit, scopeRootsFor } from '../../lib/actor.js';

// Who may do what on a unit. `ancestorIds` is the unit's closure ancestors (itself, its tree ancestors and
// those it gained through lineage), read by the caller in one indexed query.

export function canReadUnit(actor: Actor | null, ancestorIds: Iterable<number>): boolean {
  return canOnUnit(actor, 'units.read', ancestorIds);
}

export function canManageUnit(actor: Actor | null, ancestorIds: Iterable<number>): boolean {
  return canOnUnit(actor, 'units.manage', ancestorIds);
}

/** A unit without parent (a new province, a ministry) may be created only by someone managing a root unit. */
export function canCreateTopLevelUnit(
  actor: Actor | null,
  managedRoots: { id: number; parentId: number | null }[],
) {
  if (!actor) return false;
  const roots = new Set(scopeRootsFor(actor, 'units.manage'));
  return managedRoots.some((u) => u.parentId === null && roots.has(u.id));
}

export function allowedUnitActions(actor: Actor | null, ancestorIds: number[]): UnitAction[] {
  if (!canReadUnit(actor, ancestorIds)) return [];
  if (!canManageUnit(actor, ancestorIds)) return ['view'];
  return ['view', 'edit', 'addChild', 'editHeadcounts', 'editLineage'];
}
