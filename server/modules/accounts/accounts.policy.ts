import type { Permission } from '../../../core/accounts/permissions.js';
import { type Actor, canOnUnit, scopeRootsFor } from '../../lib/actor.js';

// Who may do what in the accounts module. Pure: the caller reads unit ancestors from unit_closure.

/** Scope roots of the actor's users.manage grants; empty means no access to user management at all. */
/** A token's permissions cut to what its creator still holds on the token's unit (pure: ancestors given). */
export function tokenPermissionsOf(
  creator: Actor,
  permissions: readonly Permission[],
  ancestorIds: readonly number[],
): Permission[] {
  return permissions.filter((p) => canOnUnit(creator, p, ancestorIds));
}

export function userManagementRoots(actor: Actor | null): number[] {
  return actor ? scopeRootsFor(actor, 'users.manage') : [];
}

export function canManageUsersOnUnit(actor: Actor | null, ancestorIds: Iterable<number>): boolean {
  return canOnUnit(actor, 'users.manage', ancestorIds);
}

/** Every unit a grant is requested on must lie inside the actor's users.manage scope. */
export function canGrantOnUnits(actor: Actor | null, ancestorsPerUnit: number[][]): boolean {
  return ancestorsPerUnit.every((ancestors) => canManageUsersOnUnit(actor, ancestors));
}

/**
 * A user is managed (renamed, deactivated, granted) only by an admin whose scope holds EVERY grant of that user:
 * a commune's admin must not act on someone who is also the province's admin. `grantAncestors` are the
 * ancestors of each of the user's grant units; a user without grants belongs to nobody's subtree.
 */
export function canManageUser(actor: Actor | null, grantAncestors: number[][]): boolean {
  return (
    grantAncestors.length > 0 && grantAncestors.every((ancestors) => canManageUsersOnUnit(actor, ancestors))
  );
}

/** An admin cannot lock themselves out; someone else in scope must do it. */
export function canChangeActiveState(actor: Actor | null, targetUserId: number): boolean {
  return !!actor && actor.kind === 'user' && actor.userId !== targetUserId;
}

/**
 * A person (never another token) may mint a token for a unit only when they hold tokens.manage there and every
 * permission they put in it: a token can never do more than its creator.
 */
export function canCreateToken(
  actor: Actor | null,
  permissions: readonly Permission[],
  ancestorIds: readonly number[],
): boolean {
  if (actor?.kind !== 'user') return false;
  if (!canOnUnit(actor, 'tokens.manage', ancestorIds)) return false;
  return permissions.every((p) => canOnUnit(actor, p, ancestorIds));
}

export function canRevokeToken(
  actor: Actor | null,
  token: { createdBy: number },
  ancestorIds: readonly number[],
): boolean {
  if (actor?.kind !== 'user') return false;
  return token.createdBy === actor.userId || canOnUnit(actor, 'tokens.manage', ancestorIds);
}

export function canListTokens(actor: Actor | null): boolean {
  return !!actor && actor.kind === 'user';
}

/**
 * Audit rows are not tagged with a unit, so reading them needs audit.read on a top-level unit (a root of the
 * tree, e.g. the province): a commune's admin must not read the province's log.
 */
