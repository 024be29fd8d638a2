import type { TestApp } from '../helpers/test-app.js';

// The served document, as a client sees it, and the walk over its operations the checks share.

export type Json = Record<string, unknown>;
export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, Json> };
  responses: Record<string, Json>;
  security?: Record<string, string[]>[];
  'x-access'?: { permission: string; unit?: string; source: string };
};
export type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> } & Json;
  tags: { name: string; description?: string }[];
  security: Record<string, string[]>[];
} & Json;

export async function fetchDocument(t: TestApp): Promise<OpenApi> {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json: ${res.statusCode}`);
  return res.json() as OpenApi;
}

export function operationsOf(doc: OpenApi): { key: string; method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })),
  );
}

/** A response object, through its $ref to components.responses when it has one. */
export function resolveResponse(doc: OpenApi, response: Json): Json {
  const ref = response.$ref;
  if (typeof ref !== 'string') return response;
  const name = ref.replace('#/components/responses/', '');
  const found = doc.components.responses[name];
  if (!found) throw new Error(`dangling ${ref}`);
  return found;
}
