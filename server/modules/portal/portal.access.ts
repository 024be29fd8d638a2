import type { AccessRow } from '../../lib/access-table.js';

// The portal's row of the authorisation matrix (server/lib/access-table.ts).
export const portalAccess: AccessRow[] = [
  {
    operation: 'GET /api/public/home',
    permission: 'public',
    unit: 'none',
    example: {},
    // Names the ranked units of the latest published ranking and the communes with teams, by design (like the
    // ranking and the community pages it links to); never the province's own name or a person.
    participants: true,
  },
];
