// The operations the OpenAPI document lists, in the shape the route fuzzer needs. The document is read at
// run time, so routes that other modules add are fuzzed without editing the test.

export type JsonSchema = { [key: string]: unknown };
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Operation = {
  method: HttpMethod;
  /** The templated path, e.g. /api/units/{id}. */
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  /** The JSON request body schema with $refs resolved, when the operation declares one. */
  bodySchema?: JsonSchema;
  bodyTypes: string[];
  /** 4xx statuses the operation documents with its own body (e.g. DHIS2's ImportSummary on 409). */
  documented4xx: number[];
};

type OpenApiDoc = {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function resolveRefs(schema: unknown, doc: OpenApiDoc, depth = 0): unknown {
  if (depth > 12 || schema === null || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map((s) => resolveRefs(s, doc, depth + 1));
  const obj = schema as JsonSchema;
  if (typeof obj.$ref === 'string') {
    const name = obj.$ref.split('/').pop() ?? '';
    return resolveRefs(doc.components?.schemas?.[name] ?? {}, doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveRefs(v, doc, depth + 1)]));
}

type RawParameter = { in: string; name: string; schema?: JsonSchema };
type RawOperation = {
  parameters?: RawParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
};

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const raw = item[method.toLowerCase()] as RawOperation | undefined;
      if (!raw) continue;
      const params = raw.parameters ?? [];
      const content = raw.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      ops.push({
        method,
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: (resolveRefs(p.schema ?? {}, doc) as JsonSchema) ?? {} })),
        bodySchema: json ? (resolveRefs(json, doc) as JsonSchema) : undefined,
        bodyTypes: Object.keys(content),
        documented4xx: Object.entries(raw.responses ?? {})
          .filter(([code, r]) => /^4\d\d$/.test(code) && Object.keys(r?.content ?? {}).length > 0)
          .map(([code]) => Number(code)),
      });
    }
  }
  return ops;
}
