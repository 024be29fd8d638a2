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
  'steer.read',
  'steer.report',
  'steer.approve',
  'steer.manage',
  'feedback.read',
  'feedback.handle',
  'feedback.manage',
  'contest.read',
  'contest.manage',
  'community.read',
  'community.manage',
  'training.manage',
  'dashboard.read',
  'news.write',
  'news.approve',
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

const READ: Permission[] = [
  'units.read',
  'measure.read',
  'steer.read',
  'feedback.read',
  'contest.read',
  'community.read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  // Steer: the secretariat runs plans, tasks, verification and meetings; committee leaders decide extensions;
  // a unit's officers report on the tasks their unit leads or coordinates.
  // Feedback: officers handle the citizen reports routed to their unit; the secretariat routes and moderates.
  // Contest: the secretariat organises. Community: a commune's officers keep its teams; the secretariat
  // runs training courses. News: the secretariat (the standing agency) writes and approves; never its own item.
  secretariat: [
    ...READ,
    'measure.appraise',
    'measure.manage',
    'measure.enter',
    'audit.read',
    'steer.report',
    'steer.approve',
    'steer.manage',
    'feedback.handle',
    'feedback.manage',
    'contest.manage',
    'community.manage',
    'training.manage',
    'dashboard.read',
    'news.write',
    'news.approve',
  ],
  // The DX dashboard (staff home for leaders and the secretariat) joins every module's figures.
  leader: [...READ, 'steer.approve', 'dashboard.read'],
  officer: [...READ, 'measure.enter', 'steer.report', 'feedback.handle', 'community.manage'],
  viewer: [...READ, 'dashboard.read'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
