import type { AccessRow } from '../../../lib/access-table.js';

// The authorisation rows of the information systems register and its review campaigns (joined into
// steer.access.ts). '$system', '$campaign' and '$reviewItem' are the target unit's, seeded by
// test/security/authz-world-steer-registers.ts.
const systemBody = {
  name: 'Hệ thống quản lý văn bản',
  purpose: 'Quản lý văn bản đi, đến',
  purposeCategory: 'document_management',
  scope: 'unit',
  users: 'Cán bộ, công chức',
  status: 'planned',
  hosting: 'provincial_dc',
  lgspIntegrated: false,
  nationalDbs: [],
  securityPlanApproved: false,
};

export const systemsAccess: AccessRow[] = [
  {
    operation: 'GET /api/steer/systems',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'GET /api/steer/systems/problems',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/steer/systems',
    permission: 'steer.report',
    unit: 'body:unitId',
    example: { body: { unitId: '$unit', ...systemBody } },
  },
  {
    operation: 'GET /api/steer/systems/{id}',
    permission: 'steer.read',
    unit: 'system.unit',
    example: { params: { id: '$system' } },
  },
  {
    operation: 'PUT /api/steer/systems/{id}',
    permission: 'steer.report',
    unit: 'system.unit',
    example: { params: { id: '$system' }, body: { ...systemBody, name: 'Đổi tên' } },
  },
  {
    operation: 'GET /api/steer/system-reviews',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/steer/system-reviews',
    permission: 'steer.manage',
    unit: 'body:rootUnitId',
    example: { body: { name: 'Rà soát', rootUnitId: '$unit', dueDate: '2026-12-31' } },
  },
  {
    operation: 'GET /api/steer/system-reviews/{id}',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { params: { id: '$campaign' }, query: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/steer/system-reviews/{id}/items/{itemId}/confirm',
    permission: 'steer.report',
    unit: 'review.unit',
    example: { params: { id: '$campaign', itemId: '$reviewItem' }, body: { note: 'Không thay đổi' } },
  },
  {
    operation: 'POST /api/steer/system-reviews/{id}/close',
    permission: 'steer.manage',
    unit: 'campaign.root',
    example: { params: { id: '$campaign' } },
  },
  {
    operation: 'POST /api/steer/system-reviews/{id}/remind',
    permission: 'steer.manage',
    unit: 'campaign.root',
    example: { params: { id: '$campaign' } },
  },
];
