import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the units module (see server/lib/access-table.ts).
export const unitsAccess: AccessRow[] = [
  { operation: 'GET /api/structures', permission: 'units.read', unit: 'none', example: {} },
  { operation: 'GET /api/units', permission: 'units.read', unit: 'none', example: { query: { limit: 200 } } },
  {
    operation: 'POST /api/units',
    permission: 'units.manage',
    unit: 'body:parentId',
    example: {
      body: { parentId: '$unit', code: '$newCode', name: 'Thôn mới', type: 'village', kind: 'commune' },
    },
  },
  {
    operation: 'GET /api/units/{id}',
    permission: 'units.read',
    unit: 'path:id',
    example: { params: { id: '$unit' } },
  },
  {
    operation: 'PATCH /api/units/{id}',
    permission: 'units.manage',
    unit: 'path:id',
    example: { params: { id: '$unit' }, body: { name: 'Đã đổi tên' } },
  },
  {
    operation: 'GET /api/units/{id}/lineage',
    permission: 'units.read',
    unit: 'path:id',
    example: { params: { id: '$unit' } },
  },
  {
    operation: 'PUT /api/units/{id}/headcounts',
    permission: 'units.manage',
    unit: 'path:id',
    example: {
      params: { id: '$unit' },
      body: { headcounts: [{ metric: 'population', asOf: '2026-01-01', value: 1234 }] },
    },
  },
  {
    operation: 'POST /api/lineage',
    permission: 'units.manage',
    unit: 'body:fromUnitId',
    example: {
      body: {
        fromUnitId: '$unit',
        toUnitId: '$home',
        kind: 'partial',
        share: 0.1,
        shareBasis: 'population',
        effectiveDate: '2025-07-01',
      },
    },
  },
  {
    operation: 'DELETE /api/lineage/{id}',
    permission: 'units.manage',
    unit: 'lineage.units',
    example: { params: { id: '$lineage' } },
  },
];
