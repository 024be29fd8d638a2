import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';

describe.each(testDialects())('system routes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('reports health with the database kind and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: dialect, version: t.deps.config.version });
  });

  it('serves an OpenAPI 3.1 document listing the health route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });

  it('answers unknown routes with a localised problem+json 404', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(vi.statusCode).toBe(404);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json().title).toBe('Không tìm thấy');
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().title).toBe('Not found');
  });

  it('says what is wrong with a malformed or empty JSON body, in the caller’s language', async () => {
    const post = (payload: string, lang = 'vi') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        payload,
      });
    const broken = await post('{"email": "a@b.vn",');
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    expect(broken.json()).toMatchObject({
      code: 'BAD_REQUEST',
      detail: 'Nội dung gửi lên không phải JSON hợp lệ',
    });
    expect((await post('{', 'en')).json().detail).toBe('The request body is not valid JSON');
    const empty = await post('', 'en');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toBe('The request declares JSON but has no body');
  });
});
