import type { AccessRow } from '../../../lib/access-table.js';

// Authorisation matrix rows of the plan appendix import (joined into steer.access.ts). Uploading into a plan needs
// steer.manage on the plan's issuing unit; an import is then seen and confirmed only by whoever uploaded it (others
// get a 404, not even an admin above sees it), and confirming checks steer.manage on the plan again.
export const importAccess: AccessRow[] = [
  {
    operation: 'POST /api/steer/plans/{id}/imports',
    permission: 'steer.manage',
    unit: 'plan.unit',
    example: { params: { id: '$plan' }, upload: 'appendix-xlsx' },
  },
  {
    operation: 'GET /api/steer/imports/{id}',
    permission: 'steer.manage',
    unit: 'import.unit',
    example: { params: { id: '$steerImport' } },
    uploaderOnly: true,
  },
  {
    operation: 'POST /api/steer/imports/{id}/confirm',
    permission: 'steer.manage',
    unit: 'import.unit',
    example: { params: { id: '$steerImport' }, body: { resolutions: [] } },
    uploaderOnly: true,
  },
  { operation: 'GET /api/steer/import-template.xlsx', permission: 'steer.manage', unit: 'none', example: {} },
];
