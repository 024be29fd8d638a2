import { describe, expect, it } from 'vitest';
import { deriveOperationId } from '../../server/plugins/openapi/operation-ids.js';

describe('deriveOperationId', () => {
  it.each([
    ['GET', '/api/measure/periods/{id}', 'getMeasurePeriod'],
    ['GET', '/api/measure/periods', 'listMeasurePeriods'],
    ['POST', '/api/measure/periods', 'createMeasurePeriod'],
    ['POST', '/api/measure/periods/{id}/open', 'openMeasurePeriod'],
    ['PUT', '/api/measure/periods/{id}/targets', 'setMeasurePeriodTargets'],
    ['PUT', '/api/measure/frameworks/{id}', 'replaceMeasureFramework'],
    ['PATCH', '/api/units/{id}', 'updateUnit'],
    ['DELETE', '/api/lineage/{id}', 'deleteLineage'],
    ['GET', '/api/kpis/imports/{id}', 'getKpiImport'],
    ['GET', '/api/kpis/import-template.xlsx', 'getKpiImportTemplateXlsx'],
    ['GET', '/api/measure/frameworks/{id}/export.xlsx', 'exportMeasureFrameworkXlsx'],
    ['POST', '/api/measure/frameworks/import.xlsx', 'importMeasureFrameworkXlsx'],
    ['POST', '/api/auth/login', 'login'],
    ['POST', '/api/auth/logout-all', 'logoutAll'],
    ['GET', '/api/auth/me', 'getMe'],
    ['POST', '/api/auth/password-reset/confirm', 'confirmPasswordReset'],
    ['GET', '/api/public/measure/periods', 'listPublicMeasurePeriods'],
    ['GET', '/api/measure/periods/{periodId}/units/{unitId}/submission', 'getMeasurePeriodUnitSubmission'],
    ['POST', '/api/files', 'uploadFile'],
  ])('%s %s → %s', (method, path, id) => {
    expect(deriveOperationId(method, path)).toBe(id);
  });

  it('accepts fastify-style parameters and is deterministic', () => {
    expect(deriveOperationId('get', '/api/units/:id/lineage')).toBe('getUnitLineage');
    expect(deriveOperationId('GET', '/api/units/{id}/lineage')).toBe('getUnitLineage');
  });
});
