import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the Measure module (see server/lib/access-table.ts). A period is read by
// readers of its root and of its participating units; it is managed on its root. A framework is managed on its
// owner unit and read below it. A unit's entry is read, entered and appraised on that unit.

const SUBMISSION = '/api/measure/periods/{periodId}/units/{unitId}';
const inSharedPeriod = { periodId: '$sharedPeriod', unitId: '$unit' };
const submissionRow = (
  method: string,
  tail: string,
  permission: AccessRow['permission'],
  example: AccessRow['example'] = {},
): AccessRow => ({
  operation: `${method} ${SUBMISSION}${tail}`,
  permission,
  unit: 'path:unitId',
  example: { ...example, params: { ...inSharedPeriod, ...example.params } },
  targets: ['sibling'],
});
const periodRow = (
  method: string,
  tail: string,
  permission: AccessRow['permission'],
  example: AccessRow['example'] = {},
  participants = false,
): AccessRow => ({
  operation: `${method} /api/measure/periods/{id}${tail}`,
  permission,
  unit: 'period.root',
  example: { ...example, params: { id: '$period', ...example.params } },
  participants,
});

const published = { params: { id: '$publishedPeriod' } };

export const measureAccess: AccessRow[] = [
  {
    operation: 'GET /api/measure/framework-templates',
    permission: 'measure.manage',
    unit: 'none',
    example: {},
  },
  { operation: 'GET /api/measure/frameworks', permission: 'measure.read', unit: 'none', example: {} },
  {
    operation: 'POST /api/measure/frameworks',
    permission: 'measure.manage',
    unit: 'body:ownerUnitId',
    example: { body: { templateKey: '$templateKey', ownerUnitId: '$unit' } },
  },
  {
    operation: 'POST /api/measure/frameworks/import',
    permission: 'measure.manage',
    unit: 'body:ownerUnitId',
    example: { body: { definition: '$frameworkDefinition', ownerUnitId: '$unit' } },
  },
  {
    operation: 'GET /api/measure/frameworks/{id}',
    permission: 'measure.read',
    unit: 'framework.owner',
    example: { params: { id: '$framework' } },
  },
  {
    operation: 'PUT /api/measure/frameworks/{id}',
    permission: 'measure.manage',
    unit: 'framework.owner',
    example: { params: { id: '$framework' }, body: { definition: '$frameworkEdit' } },
  },
  {
    operation: 'GET /api/measure/frameworks/{id}/export',
    permission: 'measure.read',
    unit: 'framework.owner',
    example: { params: { id: '$framework' } },
  },
  {
    operation: 'GET /api/measure/frameworks/{id}/export.xlsx',
    permission: 'measure.read',
    unit: 'framework.owner',
    example: { params: { id: '$framework' } },
  },
  {
    operation: 'POST /api/measure/frameworks/import.xlsx',
    permission: 'measure.manage',
    unit: 'query:ownerUnitId',
    example: { query: { ownerUnitId: '$unit' }, upload: 'framework-xlsx' },
  },
  { operation: 'GET /api/measure/periods', permission: 'measure.read', unit: 'none', example: {} },
  {
    operation: 'POST /api/measure/periods',
    permission: 'measure.manage',
    unit: 'body:rootUnitId',
    example: {
      body: {
        name: 'Kỳ mới',
        year: 2026,
        frameworkId: '$framework',
        rootUnitId: '$unit',
        unitIds: ['$unit'],
        opensOn: '2026-03-01',
        dueOn: '2026-04-30',
      },
    },
  },
  periodRow('GET', '', 'measure.read', {}, true),
  periodRow('PUT', '/targets', 'measure.manage', { body: { total: 0.8 } }),
  periodRow('POST', '/open', 'measure.manage', { params: { id: '$draftPeriod' } }),
  periodRow('POST', '/close', 'measure.manage'),
  periodRow('POST', '/publish', 'measure.manage', { params: { id: '$closedPeriod' } }),
  periodRow('GET', '/publish-preview', 'measure.manage', published),
  periodRow('POST', '/units/{unitId}/reopen', 'measure.manage', {
    params: { id: '$publishedPeriod', unitId: '$unit' },
    body: { reason: 'Bổ sung số liệu' },
  }),
  periodRow('PUT', '/units/{unitId}/exclusion', 'measure.manage', {
    params: { id: '$publishedPeriod', unitId: '$unit' },
    body: { reason: 'Đang sáp nhập' },
  }),
  periodRow('DELETE', '/units/{unitId}/exclusion', 'measure.manage', {
    params: { id: '$publishedPeriod', unitId: '$unit' },
  }),
  submissionRow('GET', '/submission', 'measure.read'),
  submissionRow('PUT', '/submission/values', 'measure.enter', { body: { values: { C4: { bool: false } } } }),
  submissionRow('POST', '/submission/preview', 'measure.read', { body: { values: { C4: { bool: false } } } }),
  submissionRow('POST', '/submission/evidence', 'measure.enter', {
    body: { componentCode: 'C1', document: { number: '9/BB', date: '2025-12-02', title: 'Biên bản' } },
  }),
  submissionRow('DELETE', '/submission/evidence/{evidenceId}', 'measure.enter', {
    params: { evidenceId: '$evidence' },
  }),
  submissionRow('POST', '/submission/submit', 'measure.enter'),
  submissionRow('GET', '/submission/history', 'measure.read'),
  submissionRow('GET', '/submission/evidence/{evidenceId}/file', 'measure.read', {
    params: { evidenceId: '$fileEvidence' },
  }),
  submissionRow('POST', '/submission/prefill-from-kpis', 'measure.enter'),
  submissionRow('GET', '/appraisal', 'measure.read'),
  submissionRow('PUT', '/appraisal', 'measure.appraise', { body: { components: {} } }),
  submissionRow('POST', '/appraisal/return', 'measure.appraise', {
    body: { comment: 'Bổ sung', components: [{ code: 'C1', comment: 'Thiếu' }] },
  }),
  submissionRow('POST', '/appraisal/approve', 'measure.appraise'),
  submissionRow('GET', '/profile', 'measure.read'),
  submissionRow('GET', '/profile.xlsx', 'measure.read'),
  submissionRow('POST', '/what-if', 'measure.read', { body: { overrides: {} } }),
  periodRow('GET', '/snapshots', 'measure.read', published),
  // A published ranking is public (also at /api/public/…): any signed-in caller reads it here; the live
  // ranking of an open period is for readers of its root.
  { ...periodRow('GET', '/ranking', 'measure.read', published, true), permission: 'signed-in' },
  periodRow('GET', '/components/{code}', 'measure.read', { params: { id: '$publishedPeriod', code: 'C1' } }),
  periodRow('GET', '/completion', 'measure.read'),
  periodRow('GET', '/completion.xlsx', 'measure.read'),
  // The appraiser's queue lists only the units of the caller's appraisal scope.
  {
    operation: 'GET /api/measure/appraisal-queue',
    permission: 'measure.appraise',
    unit: 'none',
    example: {},
  },
  {
    operation: 'GET /api/public/measure/periods/{id}/ranking',
    permission: 'public',
    unit: 'none',
    example: { params: { id: '$publishedPeriod' } },
    participants: true,
  },
  periodRow('GET', '/robustness', 'measure.read', { ...published, query: { runs: 20 } }),
  periodRow('GET', '/robustness/drop-one', 'measure.read', published),
  periodRow('GET', '/results.xlsx', 'measure.read', published),
  // Like the ranking page: the published ranking to any signed-in caller, the live one to readers of its root.
  { ...periodRow('GET', '/ranking.xlsx', 'measure.read', published, true), permission: 'signed-in' },
  periodRow('GET', '/report.docx', 'measure.read', published),
  periodRow('GET', '/ranking-in-structure', 'measure.read', {
    ...published,
    query: { structure: '$structureId' },
  }),
  {
    operation: 'GET /api/measure/units/{unitId}/history',
    permission: 'measure.read',
    unit: 'path:unitId',
    example: { params: { unitId: '$unit' } },
  },
  {
    operation: 'GET /api/public/measure/periods',
    permission: 'public',
    unit: 'none',
    example: {},
    participants: true,
  },
  {
    operation: 'GET /api/public/measure/periods/{id}',
    permission: 'public',
    unit: 'none',
    example: { params: { id: '$publishedPeriod' } },
    participants: true,
  },
];
