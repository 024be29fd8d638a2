import fc from 'fast-check';
import type { Operation } from './openapi-operations.js';
import { type FuzzPool, NASTY_STRINGS, valueFor } from './schema-arbitrary.js';

// Random requests for one OpenAPI operation: hostile path parameters, query strings, bodies (schema-shaped,
// random JSON, invalid JSON, deep nesting, oversized, wrong content type, empty) and headers.

export type FuzzRequest = {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string;
};

const BODY_LIMIT = 2 * 1024 * 1024;

// Header values must be ISO-8859-1 without control characters, or inject refuses to build the request.
const headerText = (maxLength: number) =>
  fc.string({
    maxLength,
    unit: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
      { weight: 1, arbitrary: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)) },
    ),
  });

/** encodeURIComponent that survives lone surrogates (it would throw URIError on them). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

const RAW_PATH_SEGMENTS = ['..', '.', '%2e%2e', '%2e%2e%2f', '%00', '%', '%zz', '%E0%A4%A', '..%5c', '%2F'];
const RAW_QUERIES = [
  '%',
  '%E0%A4%A',
  '&&&',
  '=',
  '==&=',
  'a[b]=1',
  'limit[]=1&limit[]=2',
  'limit=1&limit=2',
  '__proto__[x]=1',
  'constructor[prototype][x]=1',
  `q=${'%F0%9F%99%82'.repeat(500)}`,
];

function pathParam(pool: FuzzPool): fc.Arbitrary<string> {
  const encoded = fc
    .oneof(
      { weight: 5, arbitrary: fc.constantFrom(...pool.ids).map(String) },
      { weight: 2, arbitrary: fc.constantFrom(...pool.strings) },
      { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'grapheme' }) },
      { weight: 1, arbitrary: fc.integer().map(String) },
    )
    .map((v) => encode(v));
  return fc.oneof(
    { weight: 12, arbitrary: encoded },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_PATH_SEGMENTS) },
  );
}

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

function queryString(op: Operation, pool: FuzzPool): fc.Arbitrary<string> {
  const known = fc
    .tuple(
      ...op.queryParams.map((p) =>
        fc.option(
          fc.oneof(
            { weight: 4, arbitrary: valueFor(p.schema, pool).map((v) => [asQueryValue(v)]) },
            {
              weight: 1,
              arbitrary: fc.array(fc.constantFrom(...NASTY_STRINGS), { minLength: 2, maxLength: 3 }),
            },
          ),
          { nil: undefined },
        ),
      ),
    )
    .map((values) =>
      values.flatMap((vs, i) => (vs ?? []).map((v) => `${encode(op.queryParams[i].name)}=${encode(v)}`)),
    );
  const extra = fc.array(
    fc
      .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }))
      .map(([k, v]) => `${encode(k)}=${encode(v)}`),
    { maxLength: 2 },
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(known, extra).map(([a, b]) => [...a, ...b].join('&')) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
  );
}

function deepNesting(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
    .map(([n, isArray]) =>
      isArray ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
    );
}

const FILE_CONTENTS = [
  '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n',
  'PK\u0003\u0004\u0014\u0000\u0000\u0000',
  '\u00ff\u00d8\u00ff\u00e0JFIF',
  'kpi_code,unit_code,period,value\n=cmd|" /C calc"!A0,19,2026-01,1\n',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  '',
];

/** A multipart/form-data upload (a file part, sometimes a stray field), for routes that take files. */
function multipartBody(): fc.Arbitrary<{ text: string; contentType: string }> {
  return fc
    .record({
      boundary: fc.constantFrom('fuzzBoundary', 'x', '----a-very-long-boundary-0123456789'),
      field: fc.constantFrom('file', 'upload', ''),
      filename: fc.oneof(
        fc.constantFrom('a.pdf', 'a.xlsx', '../../x.csv', 'a\u0000.png', ''),
        fc.string({ maxLength: 30 }),
      ),
      content: fc.oneof(fc.constantFrom(...FILE_CONTENTS), fc.string({ maxLength: 200, unit: 'binary' })),
      extra: fc.boolean(),
      closed: fc.boolean(),
    })
    .map(({ boundary, field, filename, content, extra, closed }) => {
      const parts = [
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n${content}\r\n`,
        ...(extra
          ? [`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nevidence\r\n`]
          : []),
      ];
      return {
        text: `${parts.join('')}${closed ? `--${boundary}--\r\n` : ''}`,
        contentType: `multipart/form-data; boundary=${boundary}`,
      };
    });
}

const INVALID_JSON = [
  '{',
  '{"a":',
  'nul',
  "{'a':1}",
  '[1,2,',
  '{"a":1}{"b":2}',
  '\u0000',
  '"\\ud800"',
  '{"a":1,}',
];
const PROTOTYPE_JSON = ['{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}'];

/** Body text (undefined = no body) for an operation; schema-shaped values dominate when there is a schema. */
type Body = { text?: string; contentType?: string };
const plain = (arb: fc.Arbitrary<string | undefined>): fc.Arbitrary<Body> => arb.map((text) => ({ text }));

function body(op: Operation, pool: FuzzPool): fc.Arbitrary<Body> {
  const schema = op.bodySchema;
  const shaped = schema ? valueFor(schema, pool).map((v) => JSON.stringify(v) ?? 'null') : fc.constant('{}');
  const withHugeField = schema
    ? valueFor(schema, pool).map((v) =>
        JSON.stringify(
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).map(([k, x], i) => [k, i === 0 ? 'é'.repeat(300_000) : x]))
            : v,
        ),
      )
    : fc.constant(JSON.stringify({ a: 'é'.repeat(300_000) }));
  // Routes that take no JSON body are the upload routes (their multipart body is not in the document).
  const takesFiles = !schema && op.method === 'POST';
  const options: { weight: number; arbitrary: fc.Arbitrary<Body> }[] = [
    { weight: 2, arbitrary: fc.constant({}) },
    { weight: schema ? 10 : 1, arbitrary: plain(shaped) },
    { weight: takesFiles ? 8 : 1, arbitrary: multipartBody() },
    { weight: 2, arbitrary: plain(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v))) },
    { weight: 1, arbitrary: plain(deepNesting()) },
    { weight: 1, arbitrary: plain(fc.constantFrom(...INVALID_JSON, ...PROTOTYPE_JSON)) },
    { weight: 1, arbitrary: plain(fc.string({ maxLength: 50, unit: 'binary' })) },
    { weight: 1, arbitrary: plain(withHugeField) },
    { weight: 1, arbitrary: plain(fc.constant(`"${'x'.repeat(BODY_LIMIT + 10)}"`)) },
  ];
  return op.method === 'GET'
    ? fc.oneof({ weight: 8, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: plain(shaped) })
    : fc.oneof(...options);
}

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'application/xml',
  'application/json; charset=latin1',
  'application/octet-stream',
  '',
];

function headers(): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      'content-type': fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        { weight: 1, arbitrary: headerText(40) },
      ),
      'accept-language': fc.oneof(
        fc.constantFrom('vi', 'en', 'en-US,en;q=0.9', 'vi-VN;q=abc, en;q=2', '*', 'xx-YY', ';;;', ''),
        headerText(200),
      ),
      accept: fc.constantFrom(
        'application/json',
        '*/*',
        'text/html',
        'application/xml',
        'application/problem+json',
      ),
      origin: fc.oneof(
        fc.constantFrom('http://evil.example', 'null', 'http://localhost:80', 'not a url'),
        headerText(40),
      ),
      'x-forwarded-for': headerText(60),
      'user-agent': headerText(2000),
      range: fc.constantFrom('bytes=0-1', 'bytes=-1', 'bytes=abc', 'bytes=5-1'),
    },
    { requiredKeys: [] },
  );
}

export function requestArbitrary(op: Operation, pool: FuzzPool): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      params: fc.tuple(...op.pathParams.map(() => pathParam(pool))),
      query: fc.option(queryString(op, pool), { nil: undefined, freq: 2 }),
      payload: body(op, pool),
      headers: headers(),
      keepContentType: fc.boolean(),
    })
    .map(({ params, query, payload: { text: payload, contentType }, headers: h, keepContentType }) => {
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => params[i++]);
      const requestHeaders = { ...h };
      // A multipart body mostly travels with its own content type, sometimes with a random one.
      if (contentType && (!keepContentType || !requestHeaders['content-type'])) {
        requestHeaders['content-type'] = contentType;
      }
      if (payload === undefined && requestHeaders['content-type'] === 'application/json') {
        delete requestHeaders['content-type'];
      }
      return { method: op.method, url: query ? `${path}?${query}` : path, headers: requestHeaders, payload };
    });
}
