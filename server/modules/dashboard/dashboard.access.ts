import type { AccessRow } from '../../lib/access-table.js';

// The authorisation rows of the DX dashboard (see server/lib/access-table.ts): reads only, each of an area the
// request names. Without unitId the caller's own first area is used, so the rows always name one.

export const dashboardAccess: AccessRow[] = [
  {
    operation: 'GET /api/dashboard',
    permission: 'dashboard.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'GET /api/dashboard/briefing.pdf',
    permission: 'dashboard.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'GET /api/dashboard/briefing.docx',
    permission: 'dashboard.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
];
