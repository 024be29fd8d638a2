import { z } from 'zod';

// Roles are granted on a unit and cover that unit's subtree (see unit_closure).
export const ROLES = ['admin', 'secretariat', 'leader', 'officer', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

// Permissions name what may be done; modules add theirs here so roles and API tokens share one list.
export const PERMISSIONS = [
  'units.read',
  'units.manage',
  'users.manage',
  'tokens.manage',
  'audit.read',
  'measure.read',
  'measure.enter',
  'measure.appraise',
  'measure.manage',
  'measure.push',
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

const READ: Permission[] = ['units.read', 'measure.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  secretariat: [...READ, 'measure.appraise', 'measure.manage', 'measure.enter', 'audit.read'],
  leader: [...READ],
  officer: [...READ, 'measure.enter'],
  viewer: [...READ],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
