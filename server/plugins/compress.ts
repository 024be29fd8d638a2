import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { COMPRESS_THRESHOLD } from '../lib/shared-body.js';

// Compresses responses per request (brotli, else gzip) above 1 kB: the API's JSON (a ranking page is ~43 kB
// raw, ~8 kB compressed). Built web assets are compressed at build time: the web plugin sends their .br/.gz
// siblings with a Content-Encoding, and a response that already has one is passed through untouched.
// Brotli at quality 4: near gzip's speed with smaller output; the default 11 costs tens of ms per response.
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
