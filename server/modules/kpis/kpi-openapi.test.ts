import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';

describe('KPI routes in the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('lists every KPI route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/kpis',
        '/api/kpis/values',
        '/api/kpis/dataValueSets',
        '/api/kpis/summary',
        '/api/kpis/{code}/values',
        '/api/kpis/{code}/history',
        '/api/kpis/{code}/targets',
        '/api/kpis/imports',
        '/api/kpis/imports/{id}',
        '/api/kpis/imports/{id}/commit',
        '/api/kpis/import-template.xlsx',
      ]),
    );
  });
});
