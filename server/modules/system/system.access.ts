import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the system module (see server/lib/access-table.ts).
export const systemAccess: AccessRow[] = [
  { operation: 'GET /api/health', permission: 'public', unit: 'none', example: {} },
];
