import type { Permission, Role } from '../../core/accounts/permissions.js';
import { roleGrants } from '../../core/accounts/permissions.js';

// Who is making a request. Set by the auth plugin on request.actor; null for anonymous requests.
export type RoleGrant = { role: Role; unitId: number };

export type UserActor = {
  kind: 'user';
  userId: number;
  email: string;
  fullName: string;
  sessionId: string;
  grants: RoleGrant[];
};

export type TokenActor = {
  kind: 'token';
  tokenId: number;
  userId: number;
  name: string;
  // A token acts on one unit subtree with an explicit subset of permissions.
  grants: { unitId: number; permissions: Permission[] }[];
};

export type Actor = UserActor | TokenActor;

export function actorLabel(actor: Actor | null | undefined): string {
  if (!actor) return 'anonymous';
  return actor.kind === 'user' ? actor.email : `token:${actor.name}`;
}

/** Units (scope roots) on which the actor holds `permission`. */
export function scopeRootsFor(actor: Actor, permission: Permission): number[] {
  if (actor.kind === 'user') {
    return actor.grants.filter((g) => roleGrants(g.role, permission)).map((g) => g.unitId);
  }
  return actor.grants.filter((g) => g.permissions.includes(permission)).map((g) => g.unitId);
}

/**
 * Pure permission check: `ancestorIds` are the target unit's ancestors (itself included), as read from
 * unit_closure in one indexed query by the caller.
 */
export function canOnUnit(
  actor: Actor | null,
  permission: Permission,
  ancestorIds: Iterable<number>,
): boolean {
  if (!actor) return false;
  const roots = new Set(scopeRootsFor(actor, permission));
  for (const id of ancestorIds) if (roots.has(id)) return true;
  return false;
}

export function hasPermissionAnywhere(actor: Actor | null, permission: Permission): boolean {
  return !!actor && scopeRootsFor(actor, permission).length > 0;
}
