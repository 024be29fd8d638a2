import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../core/contracts/problem.js';
import type { AccessRow } from '../../server/lib/access-table.js';
import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import { loginAs } from '../helpers/login.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createUnitTree } from '../helpers/unit-fixtures.js';
import { loadAccessTable } from '../security/authz-table.js';
import { fetchDocument, type Json, type OpenApi, operationsOf, resolveResponse } from './openapi-doc.js';

// The OpenAPI document is a contract clients are generated from: it must validate as 3.1 and say, for every
// operation, its id, who may call it, its security and the errors it can answer with.

let t: TestApp;
let doc: OpenApi;
let rows: Map<string, AccessRow>;

beforeAll(async () => {
  t = await createTestApp('sqlite');
  doc = await fetchDocument(t);
  rows = new Map((await loadAccessTable()).rows.map((r) => [r.operation, r]));
});
afterAll(() => t?.close());

const PROBLEM_REF = '#/components/schemas/Problem';

describe('/api/openapi.json', () => {
  it('validates as OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
  });

  it('gives every operation a unique operationId, a tag and a description that says who may call it', () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(80);
    const missing = ops.filter(({ op }) => !op.operationId || !op.description || !op.tags?.length);
    expect(missing.map((o) => o.key)).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const { key, op } of ops) {
      expect(op.operationId, key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(op.description, key).toMatch(/(^|\n)(Public|Requires)\b/);
      if (op.summary) expect(op.description, key).toContain(op.summary);
    }
  });

  it('describes every tag it uses', () => {
    const used = new Set(operationsOf(doc).flatMap(({ op }) => op.tags ?? []));
    const described = new Map(doc.tags.map((tag) => [tag.name, tag.description ?? '']));
    for (const tag of used) expect(described.get(tag), tag).toMatch(/\w{3,}/);
  });

  it('declares security globally, with the access tables’ public operations as the exceptions', () => {
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(Object.keys(doc.components.securitySchemes as object).sort()).toEqual(['bearer', 'session']);
    for (const { key, op } of operationsOf(doc)) {
      const row = rows.get(key);
      expect(row, `${key} has no access-table row`).toBeDefined();
      expect(op['x-access']?.permission, key).toBe(row?.permission);
      if (row?.permission === 'public') expect(op.security, key).toEqual([]);
      else if (row?.permission === 'person') expect(op.security, key).toEqual([{ session: [] }]);
      else expect(op.security, key).toBeUndefined();
    }
  });

  it('documents the problem+json error responses of every operation', () => {
    for (const { key, op } of operationsOf(doc)) {
      const statuses = Object.keys(op.responses);
      const hasParams = (op.parameters ?? []).length > 0 || !!op.requestBody;
      const isPublic = op.security?.length === 0;
      const expected = ['500'];
      if (hasParams) expected.push('400');
      if (!isPublic) expected.push('401', '403');
      if ((op.parameters ?? []).some((p) => p.in === 'path')) expected.push('404');
      if (op.requestBody) expected.push('413', '415');
      for (const status of expected) expect(statuses, `${key} documents ${status}`).toContain(status);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const content = resolveResponse(doc, op.responses[status]).content as Record<
          string,
          { schema: object }
        >;
        expect(content?.['application/problem+json']?.schema, `${key} ${status}`).toEqual({
          $ref: PROBLEM_REF,
        });
      }
    }
    const login = doc.paths['/api/auth/login'].post;
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['401', '429']));
  });

  it('gives every success that has a body a content schema, and never "Default Response"', () => {
    for (const { key, op } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 300) continue;
        expect(response.description, `${key} ${status}`).not.toBe('Default Response');
        const empty = status === '204' || key === 'POST /api/auth/password-reset/request';
        if (!empty)
          expect(Object.keys((response.content as object) ?? {}), `${key} ${status}`).not.toEqual([]);
      }
    }
  });

  it('describes the multipart uploads and the file downloads', () => {
    for (const [path, type] of [
      ['/api/files', 'image/png'],
      ['/api/kpis/imports', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [
        '/api/measure/frameworks/import.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    ]) {
      const media = doc.paths[path].post.requestBody?.content['multipart/form-data'] as {
        schema: { required: string[]; properties: { file: { format: string } } };
        encoding: { file: { contentType: string } };
      };
      expect(media.schema.required, path).toEqual(['file']);
      expect(media.schema.properties.file.format, path).toBe('binary');
      expect(media.encoding.file.contentType, path).toContain(type);
    }
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    for (const [path, type] of [
      ['/api/measure/periods/{id}/results.xlsx', xlsx],
      ['/api/measure/periods/{id}/report.docx', docx],
      ['/api/measure/frameworks/{id}/export.xlsx', xlsx],
      ['/api/kpis/import-template.xlsx', xlsx],
      ['/api/files/{id}', 'application/pdf'],
      ['/api/measure/periods/{periodId}/units/{unitId}/submission/evidence/{evidenceId}/file', 'image/png'],
    ]) {
      const content = doc.paths[path].get.responses['200'].content as Record<string, { schema: object }>;
      expect(content[type]?.schema, path).toEqual({ type: 'string', format: 'binary' });
    }
    const accepted = doc.paths['/api/kpis/imports'].post.responses['202'].content as Record<string, object>;
    expect(accepted['application/json']).toEqual({ schema: { $ref: '#/components/schemas/KpiImport' } });
  });

  it('shares schemas as components and refers to every one it keeps', () => {
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(
      expect.arrayContaining(['Problem', 'ProblemFieldError', 'UnitDetail', 'User', 'KpiImport']),
    );
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: {} } });
    const referenced = JSON.stringify(doc.components.schemas) + text;
    for (const name of names) expect(referenced, name).toContain(`"#/components/schemas/${name}"`);
  });

  it('matches what the server really sends as a problem', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ProblemSchema.strict().safeParse(anonymous.json()).error).toBeUndefined();

    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not an email', password: '' },
    });
    expect(invalid.statusCode).toBe(400);
    const problem = ProblemSchema.strict().parse(invalid.json());
    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it('describes an upload and a download the way the server really answers them', async () => {
    const tree = await createUnitTree(t.deps.db);
    const admin = await loginAs(t, { role: 'admin', unitId: tree.province });
    const upload = multipartBody({ name: 'dot.png', data: PNG_1X1, contentType: 'image/png' });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=image',
      headers: { ...admin.headers, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const created = doc.paths['/api/files'].post.responses['201'].content as Record<string, { schema: Json }>;
    const required = created['application/json'].schema.required as string[];
    expect(Object.keys(uploaded.json()).sort()).toEqual([...required].sort());

    const template = doc.paths['/api/kpis/import-template.xlsx'].get.responses;
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/kpis/import-template.xlsx',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(template['200'].content as object)).toContain(res.headers['content-type']);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    // A stored file has a stable digest (a generated workbook embeds its creation time): its ETag gives a 304.
    const fileUrl = `/api/files/${uploaded.json().id}`;
    const file = await t.app.inject({ method: 'GET', url: fileUrl, headers: admin.headers });
    const fileDoc = doc.paths['/api/files/{id}'].get.responses;
    expect(Object.keys(fileDoc['200'].content as object)).toContain(file.headers['content-type']);
    const again = await t.app.inject({
      method: 'GET',
      url: fileUrl,
      headers: { ...admin.headers, 'if-none-match': String(file.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(fileDoc['304']).toBeDefined();
  });
});
