import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCompression } from '../plugins/compress.js';
import { compressedOnce, preferredEncoding, sendSharedBody } from './shared-body.js';

describe('shared answers, compressed once', () => {
  const json = JSON.stringify({
    items: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `Xã số ${i}` })),
  });
  const body = Buffer.from(json, 'utf8');
  const small = Buffer.from('{"ok":true}', 'utf8');
  const app = Fastify();
  beforeAll(async () => {
    // As in the app: the per-response compression plugin is registered too, and must pass these through.
    await registerCompression(app);
    app.get('/big', (request, reply) => sendSharedBody(request, reply.type('application/json'), body));
    app.get('/small', (request, reply) => sendSharedBody(request, reply.type('application/json'), small));
    await app.ready();
  });
  afterAll(() => app.close());

  it('picks brotli, else gzip, and honours a refusal (q=0)', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('*;q=0')).toBeNull();
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding(['gzip', 'br'])).toBe('br');
  });

  it('compresses a Buffer once per encoding and reuses it', () => {
    const first = compressedOnce(body, 'br');
    expect(compressedOnce(body, 'br')).toBe(first);
    expect(brotliDecompressSync(first).toString('utf8')).toBe(json);
    expect(gunzipSync(compressedOnce(body, 'gzip')).toString('utf8')).toBe(json);
  });

  it('sends the compressed bytes the reader accepts, once encoded, and the raw bytes otherwise', async () => {
    const br = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(body.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(json);
    expect(br.rawPayload.equals(compressedOnce(body, 'br'))).toBe(true);
    const gz = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(json);
    const plain = await app.inject({ url: '/big', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(json);
    const tiny = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('{"ok":true}');
  });
});
