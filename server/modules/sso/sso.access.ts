import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of citizen single sign-on (see server/lib/access-table.ts): public by design.
// The test world has no identity provider configured, so starting a sign-in, the callback and "who am I" answer
// 4xx to everyone (not configured, no citizen session) — only the citizen holding the sign-in's state or session
// cookie gets further, so the matrix's control is not tried on them either (as for Contest's participant routes).
// Signing out without a session is a harmless 204.

const P = '/api/public/sso';
const CITIZEN_ONLY = { permission: 'public', unit: 'none', expectPublic: '4xx', uploaderOnly: true } as const;

export const ssoAccess: AccessRow[] = [
  { operation: `GET ${P}`, permission: 'public', unit: 'none', example: {} },
  { operation: `GET ${P}/login`, ...CITIZEN_ONLY, example: { query: { returnTo: '/gop-y' } } },
  {
    operation: `GET ${P}/callback`,
    ...CITIZEN_ONLY,
    example: { query: { code: 'matrix', state: 'matrix' } },
  },
  { operation: `GET ${P}/me`, ...CITIZEN_ONLY, example: {} },
  { operation: `POST ${P}/logout`, permission: 'public', unit: 'none', example: {} },
];
