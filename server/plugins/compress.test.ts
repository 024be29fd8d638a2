import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCompression } from './compress.js';
import { registerErrorHandling } from './errors.js';
import { registerWebPlugin } from './web.js';

// Per-request compression beside the web plugin's precompressed assets: the .br/.gz sibling goes out as
// built (never compressed twice), small responses stay plain, large API JSON is compressed.
const JS = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const BR = brotliCompressSync(JS);
const GZ = gzipSync(JS);

describe('compression with the web plugin', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dxb-compress-'));
    for (const sub of ['.vite', 'assets', 'public', 'staff']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, '.vite/manifest.json'), '{}');
    writeFileSync(join(dir, 'public/index.html'), '<!doctype html><title>public</title>');
    writeFileSync(join(dir, 'staff/index.html'), '<!doctype html><title>staff</title>');
    writeFileSync(join(dir, 'assets/app-abc123.js'), JS);
    writeFileSync(join(dir, 'assets/app-abc123.js.br'), BR);
    writeFileSync(join(dir, 'assets/app-abc123.js.gz'), GZ);
    app = Fastify();
    registerErrorHandling(app);
    await registerCompression(app);
    app.get('/api/small', async () => ({ ok: true }));
    app.get('/api/large', async () => ({
      rows: Array.from({ length: 200 }, (_, i) => ({ i, name: 'Xã Đại Phúc' })),
    }));
    await registerWebPlugin(app, { distDir: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the built .br and .gz siblings byte for byte, and the plain file when nothing is accepted', async () => {
    const url = '/assets/app-abc123.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(Buffer.compare(br.rawPayload, BR)).toBe(0);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Buffer.compare(gz.rawPayload, GZ)).toBe(0);
    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
  });

  it('compresses large API JSON when asked and leaves small responses plain', async () => {
    const large = await app.inject({ url: '/api/large', headers: { 'accept-encoding': 'br' } });
    expect(large.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(large.rawPayload).toString()).rows).toHaveLength(200);
    const small = await app.inject({ url: '/api/small', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ ok: true });
  });
});
