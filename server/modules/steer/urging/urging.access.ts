import type { AccessRow } from '../../../lib/access-table.js';

// The authorisation matrix rows of Steer's urging and the unit officer's home (see server/lib/access-table.ts).
// The secretariat (steer.manage) urges the units below it; whoever reads a unit's tasks (steer.read) sees the
// letters and reminders it received and its home; the reminder settings are the province secretariat's.
export const urgingAccess: AccessRow[] = [
  // Lists only units over which the caller holds steer.manage.
  { operation: 'GET /api/steer/urging/units', permission: 'steer.manage', unit: 'none', example: {} },
  {
    operation: 'GET /api/steer/urging/units/{unitId}/preview',
    permission: 'steer.manage',
    unit: 'path:unitId',
    example: { params: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/steer/urging/units/{unitId}/letters',
    permission: 'steer.manage',
    unit: 'path:unitId',
    example: { params: { unitId: '$unit' }, body: { replyBy: '2099-12-31', signerName: 'Nguyễn Văn B' } },
  },
  // Letters to units in the caller's steer.read scope only.
  { operation: 'GET /api/steer/urging/letters', permission: 'steer.read', unit: 'none', example: {} },
  {
    operation: 'GET /api/steer/urging/letters/{id}/letter.docx',
    permission: 'steer.read',
    unit: 'urging.letter.unit',
    example: { params: { id: '$urgingLetter' } },
  },
  {
    operation: 'GET /api/steer/urging/reminders',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  { operation: 'GET /api/steer/urging/settings', permission: 'steer.read', unit: 'none', example: {} },
  {
    operation: 'PUT /api/steer/urging/settings',
    permission: 'steer.manage',
    unit: 'top-level',
    example: { body: { beforeDays: [7, 1], overdueEveryDays: 7, cycleBeforeDays: 7 } },
  },
  {
    operation: 'GET /api/steer/home',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
];
