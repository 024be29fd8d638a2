import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../plugins/errors.js';
import { sendDownload } from './download.js';

// The one download helper, on a bare Fastify app: headers, conditional GET and missing stored bytes.
describe('sendDownload', () => {
  const app = Fastify();
  const bytes = Buffer.from('xin chào');

  beforeAll(async () => {
    registerErrorHandling(app);
    app.get('/generated', (_request, reply) =>
      sendDownload(reply, { fileName: 'Báo cáo "quý".xlsx', mime: 'application/x-test', body: bytes }),
    );
    app.get('/missing', (_request, reply) =>
      sendDownload(reply, {
        fileName: 'a.pdf',
        mime: 'application/pdf',
        body: { path: '/nonexistent/dxboard/file', size: 3, sha256: 'abc', open: () => Readable.from('abc') },
      }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('sends the bytes with type, length, a strong ETag and a safe UTF-8 attachment name', async () => {
    const res = await app.inject({ method: 'GET', url: '/generated' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(bytes);
    expect(res.headers['content-type']).toBe('application/x-test');
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Bao cao _quy_.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22qu%C3%BD%22.xlsx`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('answers 304 without a body when If-None-Match carries the ETag, 200 otherwise', async () => {
    const { etag } = (await app.inject({ method: 'GET', url: '/generated' })).headers;
    const same = await app.inject({
      method: 'GET',
      url: '/generated',
      headers: { 'if-none-match': `"x", ${etag}` },
    });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    const other = await app.inject({ method: 'GET', url: '/generated', headers: { 'if-none-match': '"x"' } });
    expect(other.statusCode).toBe(200);
  });

  it('answers 404 (files.content_missing) when the stored bytes are gone', async () => {
    const res = await app.inject({ method: 'GET', url: '/missing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
