import type { AccessRow } from '../../../lib/access-table.js';

// The authorisation matrix rows of Steer's periodic reports and the leader dashboard (see
// server/lib/access-table.ts). Whoever reads a unit's tasks (steer.read) previews its reports, reads the issued
// ones and its dashboard; issuing a report (a stored snapshot, task KPIs written) is the secretariat's (steer.manage).
export const reportsAccess: AccessRow[] = [
  {
    operation: 'GET /api/steer/reports/preview',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit', period: '2026-Q1' } },
  },
  {
    operation: 'POST /api/steer/reports',
    permission: 'steer.manage',
    unit: 'body:unitId',
    example: { body: { unitId: '$unit', period: '2026-Q1', numberSymbol: '9/BC-SKHCN' } },
  },
  {
    operation: 'GET /api/steer/reports',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'GET /api/steer/reports/{id}',
    permission: 'steer.read',
    unit: 'report.unit',
    example: { params: { id: '$steerReport' } },
  },
  {
    operation: 'GET /api/steer/reports/{id}/{format}',
    permission: 'steer.read',
    unit: 'report.unit',
    example: { params: { id: '$steerReport', format: 'xlsx' } },
  },
  {
    operation: 'GET /api/steer/dashboard',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
];
