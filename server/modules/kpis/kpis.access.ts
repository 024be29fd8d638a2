import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the KPI module (see server/lib/access-table.ts). The catalogue is shared by
// the deployment and managed on a top-level unit; values are read and written on their unit.
export const kpisAccess: AccessRow[] = [
  { operation: 'GET /api/kpis', permission: 'measure.read', unit: 'none', example: {} },
  {
    operation: 'POST /api/kpis',
    permission: 'measure.manage',
    unit: 'top-level',
    example: {
      body: {
        code: '$newKpiCode',
        nameVi: 'Chỉ số mới',
        nameEn: 'New indicator',
        unitOfMeasure: 'lượt',
        valueType: 'count',
        periodicity: 'monthly',
        timeAggregation: 'sum',
      },
    },
  },
  {
    operation: 'PATCH /api/kpis/{code}',
    permission: 'measure.manage',
    unit: 'top-level',
    example: { params: { code: '$kpi' }, body: { nameEn: 'Renamed' } },
  },
  {
    operation: 'PUT /api/kpis/{code}/targets',
    permission: 'measure.manage',
    unit: 'body:unitId',
    example: { params: { code: '$kpi' }, body: { unitId: '$unit', year: 2026, target: 10 } },
  },
  {
    operation: 'POST /api/kpis/values',
    permission: 'measure.enter',
    unit: 'body:values',
    example: { body: { values: [{ kpiCode: '$kpi', unitId: '$unit', period: '$kpiPeriod', value: 7 }] } },
  },
  {
    operation: 'POST /api/kpis/dataValueSets',
    permission: 'measure.push',
    unit: 'body:orgUnit',
    example: {
      query: { orgUnitIdScheme: 'code' },
      body: {
        period: '$dhis2Period',
        orgUnit: '$unitCode',
        dataValues: [{ dataElement: '$kpi', value: '7' }],
      },
    },
  },
  {
    operation: 'GET /api/kpis/summary',
    permission: 'measure.read',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit', period: '$kpiPeriod' } },
  },
  {
    operation: 'GET /api/kpis/{code}/values',
    permission: 'measure.read',
    unit: 'query:unitId',
    example: { params: { code: '$kpi' }, query: { unitId: '$unit' } },
  },
  {
    operation: 'GET /api/kpis/{code}/history',
    permission: 'measure.read',
    unit: 'query:unitId',
    example: { params: { code: '$kpi' }, query: { unitId: '$unit', period: '$kpiPeriod' } },
  },
  {
    operation: 'POST /api/kpis/imports',
    permission: 'measure.enter',
    unit: 'none',
    example: { upload: 'kpi-xlsx' },
  },
  // An import is seen and committed only by whoever uploaded it (not even an admin above): a 404 to others.
  {
    operation: 'GET /api/kpis/imports/{id}',
    permission: 'measure.enter',
    unit: 'import.unit',
    example: { params: { id: '$kpiImport' } },
    uploaderOnly: true,
  },
  {
    operation: 'POST /api/kpis/imports/{id}/commit',
    permission: 'measure.enter',
    unit: 'import.unit',
    example: { params: { id: '$kpiImport' } },
    uploaderOnly: true,
  },
  { operation: 'GET /api/kpis/import-template.xlsx', permission: 'measure.read', unit: 'none', example: {} },
];
