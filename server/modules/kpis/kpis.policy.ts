import type { Permission } from '../../../core/accounts/permissions.js';
import { inferUnitKind, UNIT_KINDS, type UnitKind } from '../../../core/units/kind.js';
import { type Actor, canOnUnit, hasPermissionAnywhere, scopeRootsFor } from '../../lib/actor.js';

// Who may do what with operational KPIs. Pure functions: callers pass the unit's ancestors (itself
// included) read from unit_closure.

/** Machine clients push with measure.push; people enter values for their unit with measure.enter. */
export function writePermissionOf(actor: Actor): Permission {
  return actor.kind === 'token' ? 'measure.push' : 'measure.enter';
}

/** May write values somewhere (checked before any row is resolved; each row is then checked on its unit). */
export function canWriteKpiValuesAnywhere(actor: Actor | null): boolean {
  return !!actor && hasPermissionAnywhere(actor, writePermissionOf(actor));
}

export function canWriteKpiValue(actor: Actor | null, ancestorIds: Iterable<number>): boolean {
  return !!actor && canOnUnit(actor, writePermissionOf(actor), ancestorIds);
}

export function canReadKpiValues(actor: Actor | null, ancestorIds: Iterable<number>): boolean {
  return canOnUnit(actor, 'measure.read', ancestorIds);
}

export function canReadKpiCatalogue(actor: Actor | null): boolean {
  return (
    hasPermissionAnywhere(actor, 'measure.read') ||
    hasPermissionAnywhere(actor, 'measure.push') ||
    hasPermissionAnywhere(actor, 'measure.enter')
  );
}

/** KPI definitions are shared by the whole deployment: only managers granted on a root unit edit them. */
export function canManageKpiCatalogue(actor: Actor | null, rootUnitIds: Iterable<number>): boolean {
  if (actor?.kind !== 'user') return false;
  const roots = new Set(scopeRootsFor(actor, 'measure.manage'));
  for (const id of rootUnitIds) if (roots.has(id)) return true;
  return false;
}

export function canSetKpiTarget(actor: Actor | null, ancestorIds: Iterable<number>): boolean {
  return canOnUnit(actor, 'measure.manage', ancestorIds);
}

const TYPE_KINDS: Record<string, UnitKind> = {
  province: 'province',
  city: 'province',
  district: 'district',
  commune: 'commune',
  ward: 'commune',
  special_zone: 'commune',
  department: 'agency',
  agency: 'agency',
};

/** The unit's kind for "applies to" rules, whether the row carries a kind, an English or a Vietnamese type. */
export function applicabilityKindOf(unit: { kind: string; type: string; level: number }): UnitKind {
  if ((UNIT_KINDS as readonly string[]).includes(unit.kind)) return unit.kind as UnitKind;
  return TYPE_KINDS[unit.type.trim().toLowerCase()] ?? inferUnitKind(unit.type, unit.level);
}

export function kpiAppliesTo(
  appliesToKinds: readonly string[],
  unit: { kind: string; type: string; level: number },
) {
  return appliesToKinds.length === 0 || appliesToKinds.includes(applicabilityKindOf(unit));
}
