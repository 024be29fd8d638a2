import type { UnitAction } from '../../../core/contracts/units.js';
import { type Actor, canOnUnit, hasPermissionAnywhere } from '../../lib/actor.js';

// Who may do what on a unit. `ancestorIds` is the unit's closure ancestors (itself, its tree ancestors and
// those it gained through lineage), read by the caller in one indexed query.

/** May list structures and units at all (the lists are then filtered to the actor's scope roots). */
export function canListUnits(actor: Actor | null): boolean {
  return hasPermissionAnywhere(actor, 'units.read');
}

export function canReadUnit(actor: Actor | null, ancestorIds: Iterable<number>): boolean {
  return canOnUnit(actor, 'units.read', ancestorIds);
}

export function canManageUnit(actor: Actor | null, ancestorIds: Iterable<number>): boolean {
  return canOnUnit(actor, 'units.manage', ancestorIds);
}

export function allowedUnitActions(actor: Actor | null, ancestorIds: number[]): UnitAction[] {
  if (!canReadUnit(actor, ancestorIds)) return [];
  if (!canManageUnit(actor, ancestorIds)) return ['view'];
  return ['view', 'edit', 'addChild', 'editHeadcounts', 'editLineage'];
}
