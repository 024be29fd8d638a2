import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  NewsSlugParamsSchema,
  PublicNewsArticleSchema,
  PublicNewsListSchema,
  PublicNewsQuerySchema,
} from '../../../../core/contracts/news.js';
import { sendDownload } from '../../../lib/download.js';
import type { PublicNewsService } from '../news.types.js';

// The portal's news reads: anonymous, published items only.

const tags = ['public'];
const P = '/api/public/news';

export function registerPublicNewsRoutes(
  app: FastifyInstance,
  news: PublicNewsService,
  baseUrl: (host: string) => string,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    P,
    {
      schema: {
        tags,
        summary: 'Published news, announcements and stories, newest first (by kind, pillar, unit; paged)',
        querystring: PublicNewsQuerySchema,
        response: { 200: PublicNewsListSchema },
      },
    },
    async (request) => news.list(request.query),
  );
  r.get(
    `${P}.atom`,
    { schema: { tags, summary: 'Atom 1.0 feed of the latest published items' } },
    async (request, reply) => {
      const xml = await news.atom(baseUrl(`${request.protocol}://${request.host}`));
      reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300');
      return xml;
    },
  );
  r.get(
    `${P}/:slug`,
    {
      schema: {
        tags,
        summary: 'A published item by its link name',
        params: NewsSlugParamsSchema,
        response: { 200: PublicNewsArticleSchema },
      },
    },
    async (request) => news.article(request.params.slug),
  );
  r.get(
    `${P}/:slug/cover`,
    {
      schema: {
        tags,
        summary: 'The cover picture of a published item (resized JPEG)',
        params: NewsSlugParamsSchema,
      },
    },
    async (request, reply) => {
      const { file, path, open } = await news.cover(request.params.slug);
      return sendDownload(reply, {
        fileName: file.originalName,
        mime: file.mime,
        body: { path, size: file.size, sha256: file.sha256, open, logContext: { fileId: file.id } },
        cacheControl: 'public, max-age=3600',
      });
    },
  );
}
