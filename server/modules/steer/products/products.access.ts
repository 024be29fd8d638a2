import type { AccessRow } from '../../../lib/access-table.js';

// The authorisation rows of the DX products register (joined into steer.access.ts). '$product' is a submitted
// product of the target unit, seeded by test/security/authz-world-steer-registers.ts.
export const productsAccess: AccessRow[] = [
  {
    operation: 'GET /api/steer/products',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit', year: 2026 } },
  },
  {
    operation: 'GET /api/steer/products/units-without',
    permission: 'steer.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit', year: 2026 } },
  },
  {
    operation: 'POST /api/steer/products',
    permission: 'steer.report',
    unit: 'body:unitId',
    example: {
      body: {
        unitId: '$unit',
        year: 2026,
        name: 'Bản đồ số du lịch',
        description: 'Bản đồ số các điểm du lịch của xã',
        kind: 'data',
        fileIds: [],
        taskIds: [],
      },
    },
  },
  {
    operation: 'GET /api/steer/products/{id}',
    permission: 'steer.read',
    unit: 'product.unit',
    example: { params: { id: '$product' } },
  },
  {
    operation: 'PUT /api/steer/products/{id}',
    permission: 'steer.report',
    unit: 'product.unit',
    example: {
      params: { id: '$product' },
      body: { year: 2026, name: 'Sửa tên', description: 'Mô tả', kind: 'app', fileIds: [], taskIds: [] },
    },
  },
  {
    operation: 'DELETE /api/steer/products/{id}',
    permission: 'steer.report',
    unit: 'product.unit',
    example: { params: { id: '$product' } },
  },
  {
    operation: 'POST /api/steer/products/{id}/decision',
    permission: 'steer.manage',
    unit: 'product.unit',
    example: { params: { id: '$product' }, body: { decision: 'return', reason: 'Thiếu minh chứng' } },
  },
];
