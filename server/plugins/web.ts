import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findPageMeta, injectPageMeta } from '../lib/page-meta.js';
import { WEB_DIST_DIR } from '../lib/paths.js';

// Serves the built web entries from dist/web: the public portal at /, the sign-in page at /app/login and the
// staff SPA at /app/*.
// Hashed assets are cached for a year; HTML is revalidated on every visit so a deploy shows at once.
// Compression is done at build time (.br/.gz siblings), never per request.

export const DEFAULT_WEB_DIST = WEB_DIST_DIR;

const HTML_HEADERS = {
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  // Mantine sets inline style attributes, hence 'unsafe-inline' for styles only; scripts are same-origin.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
};

export type WebPluginOptions = { distDir?: string };

function sendHtml(reply: FastifyReply, distDir: string, file: string) {
  reply.headers(HTML_HEADERS);
  return reply.sendFile(file, distDir, { cacheControl: false });
}

function registerMissingBuild(app: FastifyInstance) {
  const handler = async (_req: unknown, reply: FastifyReply) =>
    reply
      .code(503)
      .header('cache-control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send('The web app is not built yet: run `npx vite build` (npm start does it for you).');
  app.get('/', { schema: { hide: true } }, handler);
  app.get('/app', { schema: { hide: true } }, handler);
  app.get('/app/*', { schema: { hide: true } }, handler);
}

export async function registerWebPlugin(app: FastifyInstance, options: WebPluginOptions = {}) {
  const distDir = options.distDir ?? DEFAULT_WEB_DIST;
  if (!existsSync(join(distDir, '.vite', 'manifest.json'))) {
    registerMissingBuild(app);
    return;
  }
  // Encapsulated so reply.sendFile and the /assets/ route do not leak into the API modules.
  await app.register(async (web) => {
    await web.register(fastifyStatic, {
      root: join(distDir, 'assets'),
      prefix: '/assets/',
      preCompressed: true,
      immutable: true,
      maxAge: '365d',
      index: false,
      schemaHide: true,
    });
    // A shared link (e.g. /?news=<slug>) gets its Open Graph tags in the HTML, for crawlers that run no script.
    let publicHtml: Promise<string> | null = null;
    web.get('/', { schema: { hide: true } }, async (req, reply) => {
      const meta = await findPageMeta(
        app,
        req.query as Record<string, unknown>,
        `${req.protocol}://${req.host}`,
      );
      if (!meta) return sendHtml(reply, distDir, 'public/index.html');
      publicHtml ??= readFile(join(distDir, 'public/index.html'), 'utf8');
      reply.headers(HTML_HEADERS).type('text/html; charset=utf-8');
      return injectPageMeta(await publicHtml, meta);
    });
    web.get('/app', { schema: { hide: true } }, (_req, reply) => reply.redirect('/app/'));
    // The sign-in page is its own light entry (web/login): no React or Mantine before an official signs in.
    web.get('/app/login', { schema: { hide: true } }, (_req, reply) =>
      sendHtml(reply, distDir, 'login/index.html'),
    );
    // The officer's entry form too (web/measure-entry): a commune official on a phone loads tens of kilobytes,
    // not the staff app (issue 10).
    web.get('/app/measure/periods/:periodId/units/:unitId/entry', { schema: { hide: true } }, (_req, reply) =>
      sendHtml(reply, distDir, 'measure-entry/index.html'),
    );
    web.get('/app/*', { schema: { hide: true } }, (_req, reply) =>
      sendHtml(reply, distDir, 'staff/index.html'),
    );
  });
}
