import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the audit module (see server/lib/access-table.ts).
export const auditAccess: AccessRow[] = [
  {
    operation: 'GET /api/audit',
    permission: 'audit.read',
    unit: 'top-level',
    example: { query: { limit: 200 } },
  },
];
