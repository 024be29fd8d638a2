import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the accounts module (see server/lib/access-table.ts). A user is managed
// only by an admin whose scope holds every one of that user's grants.
export const accountsAccess: AccessRow[] = [
  {
    operation: 'POST /api/auth/login',
    permission: 'public',
    unit: 'none',
    example: { body: { email: '$loginEmail', password: '$password' } },
    // Signing in ends the session the request came with (no session fixation).
    consumesSession: true,
  },
  {
    operation: 'POST /api/auth/logout',
    permission: 'person',
    unit: 'none',
    example: {},
    consumesSession: true,
  },
  {
    operation: 'POST /api/auth/logout-all',
    permission: 'person',
    unit: 'none',
    example: {},
    consumesSession: true,
  },
  { operation: 'GET /api/auth/me', permission: 'person', unit: 'none', example: {} },
  {
    operation: 'POST /api/auth/password',
    permission: 'person',
    unit: 'none',
    example: { body: { currentPassword: '$password', newPassword: 'Another-Password-2026' } },
    consumesSession: true,
  },
  {
    operation: 'POST /api/auth/password-reset/request',
    permission: 'public',
    unit: 'none',
    example: { body: { email: '$loginEmail' } },
  },
  {
    operation: 'POST /api/auth/password-reset/confirm',
    permission: 'public',
    unit: 'none',
    example: { body: { token: '$resetToken', newPassword: 'Reset-Password-2026' } },
  },
  {
    operation: 'GET /api/users',
    permission: 'users.manage',
    unit: 'none',
    example: { query: { limit: 100 } },
  },
  {
    operation: 'POST /api/users',
    permission: 'users.manage',
    unit: 'body:grants',
    example: {
      body: {
        email: '$newEmail',
        fullName: 'Người mới',
        password: 'New-User-Password-2026',
        grants: [{ role: 'viewer', unitId: '$unit' }],
      },
    },
  },
  {
    operation: 'GET /api/users/{id}',
    permission: 'users.manage',
    unit: 'user.someGrant',
    example: { params: { id: '$user' } },
  },
  {
    operation: 'PATCH /api/users/{id}',
    permission: 'users.manage',
    unit: 'user.grants',
    example: { params: { id: '$user' }, body: { fullName: 'Bị đổi tên', isActive: false } },
  },
  {
    operation: 'PUT /api/users/{id}/grants',
    permission: 'users.manage',
    unit: 'user.grants',
    example: { params: { id: '$user' }, body: { grants: [{ role: 'viewer', unitId: '$home' }] } },
  },
  { operation: 'GET /api/tokens', permission: 'person', unit: 'none', example: {} },
  {
    operation: 'POST /api/tokens',
    permission: 'tokens.manage',
    unit: 'body:unitId',
    example: { body: { name: 'Máy khách', unitId: '$unit', permissions: ['measure.read'] } },
  },
  {
    operation: 'DELETE /api/tokens/{id}',
    permission: 'tokens.manage',
    unit: 'token.unit',
    example: { params: { id: '$token' } },
  },
];
