import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from './errors.js';
import { registerWebPlugin } from './web.js';

const JS = `console.log(${JSON.stringify('x'.repeat(2000))});`;

function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dxb-web-'));
  for (const sub of ['.vite', 'assets', 'public', 'staff', 'login', 'measure-entry'])
    mkdirSync(join(dir, sub));
  writeFileSync(join(dir, '.vite/manifest.json'), '{}');
  writeFileSync(
    join(dir, 'public/index.html'),
    '<!doctype html><html lang="vi"><title>public</title></html>',
  );
  writeFileSync(join(dir, 'staff/index.html'), '<!doctype html><html lang="vi"><title>staff</title></html>');
  writeFileSync(join(dir, 'login/index.html'), '<!doctype html><html lang="vi"><title>login</title></html>');
  writeFileSync(
    join(dir, 'measure-entry/index.html'),
    '<!doctype html><html lang="vi"><title>entry</title></html>',
  );
  writeFileSync(join(dir, 'assets/app-abc123.js'), JS);
  writeFileSync(join(dir, 'assets/app-abc123.js.br'), brotliCompressSync(JS));
  return dir;
}

async function appFor(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandling(app);
  app.get('/api/ping', async () => ({ pong: true }));
  await registerWebPlugin(app, { distDir });
  await app.ready();
  return app;
}

describe('web plugin', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = fakeBuild();
    app = await appFor(dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the public entry at / with no-cache and a CSP', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>public</title>');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves the staff SPA for any client route under /app/', async () => {
    for (const url of ['/app/', '/app/forgot-password', '/app/units/42?asOf=2024-01-01']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>staff</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    // The sign-in page is the light entry of its own, with the same headers.
    const login = await app.inject({ url: '/app/login?next=%2Fapp%2Funits' });
    expect(login.statusCode).toBe(200);
    expect(login.body).toContain('<title>login</title>');
    expect(login.headers['content-security-policy']).toContain("script-src 'self'");
    // So is the officer's entry form (issue 10), at the address the staff app links to; other Measure pages
    // stay in the staff app.
    const entry = await app.inject({ url: '/app/measure/periods/4/units/338/entry' });
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('<title>entry</title>');
    expect(entry.headers['cache-control']).toBe('no-cache');
    expect(entry.headers['content-security-policy']).toContain("script-src 'self'");
    for (const url of [
      '/app/measure/periods/4/units/338/appraisal',
      '/app/measure/periods/4/units/338/entry/x',
    ])
      expect((await app.inject({ url })).body, url).toContain('<title>staff</title>');
    const bare = await app.inject({ url: '/app' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/app/');
  });

  it('caches hashed assets for a year and sends the brotli sibling when accepted', async () => {
    const plain = await app.inject({ url: '/assets/app-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(JS);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
  });

  it('leaves /api/* to the API: known routes answer, unknown ones are problem+json 404s', async () => {
    expect((await app.inject({ url: '/api/ping' })).json()).toEqual({ pong: true });
    const missing = await app.inject({ url: '/api/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    const asset = await app.inject({ url: '/assets/missing.js' });
    expect(asset.statusCode).toBe(404);
  });

  it('does not serve files outside the assets folder', async () => {
    const res = await app.inject({ url: '/assets/..%2f.vite%2fmanifest.json' });
    expect([403, 404]).toContain(res.statusCode);
  });
});

describe('web plugin without a build', () => {
  it('answers 503 with how to build, and the API still works', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dxb-noweb-'));
    const app = await appFor(empty);
    const res = await app.inject({ url: '/app/login' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('vite build');
    expect((await app.inject({ url: '/api/ping' })).statusCode).toBe(200);
    await app.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
