import { describe, expect, it } from 'vitest';
import type { AccessRow } from '../../server/lib/access-table.js';
import { completeDocument, type OpenApiDocument } from '../../server/plugins/openapi/document.js';

// The completion rules on a small document: the served one has a row for every operation, so the fallback
// to route hooks, a route's own error body and the pruning are exercised here.

const base = (): OpenApiDocument => ({
  info: {},
  paths: {
    '/api/things/{id}': {
      get: {
        summary: 'One thing',
        tags: ['things'],
        parameters: [{ in: 'path' }],
        responses: {
          '200': {
            description: 'Default Response',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
      post: {
        summary: 'Import things',
        tags: ['things'],
        parameters: [{ in: 'path' }],
        requestBody: { content: { 'application/json': { schema: {} } } },
        responses: {
          '409': { description: 'Own', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
  },
  components: { schemas: { Thing: { type: 'object' }, Unused: { type: 'object' }, Problem: {} } },
});

describe('completeDocument', () => {
  it('falls back to the route hooks when the access tables have no row', () => {
    const doc = completeDocument(
      base(),
      new Map(),
      new Map([['GET /api/things/{id}', { signedInHook: true, consumesMultipart: false }]]),
    );
    const get = doc.paths['/api/things/{id}'].get;
    expect(get.operationId).toBe('getThing');
    expect(get.description).toMatch(
      /^One thing\.\n\nRequires a signed-in caller \(the access tables have no row/,
    );
    expect(get['x-access']).toEqual({ permission: 'signed-in', source: 'route-hooks' });
    expect(get.security).toBeUndefined();
    expect(doc.paths['/api/things/{id}'].post['x-access']).toEqual({
      permission: 'undeclared',
      source: 'route-hooks',
    });
    expect(doc.tags).toEqual([{ name: 'things' }]);
  });

  it('keeps a route’s own error body and adds the problem beside it; drops unreferenced schemas', () => {
    const rows = new Map<string, AccessRow>([
      [
        'POST /api/things/{id}',
        { operation: 'POST /api/things/{id}', permission: 'public', unit: 'none', example: {} },
      ],
    ]);
    const doc = completeDocument(base(), rows, new Map());
    const post = doc.paths['/api/things/{id}'].post;
    expect(post.security).toEqual([]);
    expect(Object.keys(post.responses?.['409'].content as object)).toEqual([
      'application/json',
      'application/problem+json',
    ]);
    expect(Object.keys(post.responses ?? {})).toEqual(['400', '403', '404', '409', '413', '415', '500']);
    expect(doc.paths['/api/things/{id}'].get.responses?.['200'].description).toBe('OK');
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(['Thing', 'Problem']);
  });
});
