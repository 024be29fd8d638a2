import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Answers that many people read (a roll-up, the public communes list, a dashboard) are computed and encoded
// once per revision of their data, then sent to every reader as the same Buffer. Compressing that Buffer again
// for each response (as @fastify/compress does for any payload) cost more than producing it: a country's
// communes list is 140 kB, ~20 kB compressed, and a phone on a mobile network always asks for compression.
// So each shared Buffer is compressed once per encoding and kept beside it (weakly: when the cache drops the
// Buffer, its compressed forms go too). A response sent with its Content-Encoding already set is passed
// through by @fastify/compress (server/plugins/compress.ts).

type Encoding = 'br' | 'gzip';
const compressed = new WeakMap<Buffer, Partial<Record<Encoding, Buffer>>>();
/** Below this, compressing saves less than it costs (server/plugins/compress.ts uses it too). */
export const COMPRESS_THRESHOLD = 1024;

/** The encoding to answer with for an Accept-Encoding header: brotli, else gzip, unless refused with q=0. */
export function preferredEncoding(header: string | string[] | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const wants = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return null;
}

/** The Buffer compressed with `encoding`, computed on first use and reused while the Buffer lives. */
export function compressedOnce(body: Buffer, encoding: Encoding): Buffer {
  let forms = compressed.get(body);
  if (!forms) {
    forms = {};
    compressed.set(body, forms);
  }
  forms[encoding] ??=
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(body, { level: 6 });
  return forms[encoding];
}

/** Sends a shared, already encoded answer, compressed once per encoding the reader accepts. */
export function sendSharedBody(request: FastifyRequest, reply: FastifyReply, body: Buffer): FastifyReply {
  reply.header('vary', 'accept-encoding');
  const encoding =
    body.length >= COMPRESS_THRESHOLD ? preferredEncoding(request.headers['accept-encoding']) : null;
  if (!encoding) return reply.send(body);
  return reply.header('content-encoding', encoding).send(compressedOnce(body, encoding));
}
