import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  NewsCreateSchema,
  NewsIdParamsSchema,
  NewsItemSchema,
  NewsListQuerySchema,
  NewsListSchema,
  NewsReturnSchema,
  NewsSubmitSchema,
  NewsUpdateSchema,
  NewsWithdrawSchema,
} from '../../../../core/contracts/news.js';
import { sendDownload } from '../../../lib/download.js';
import { AppError } from '../../../lib/errors.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { NewsItemsService } from '../news.types.js';

// The staff's news API: thin routes over the items service (see items.service.ts for the rules).

const tags = ['news'];
const P = '/api/news/items';

async function readImage(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'news.not_image' });
  try {
    const part = await request.file();
    if (!part) throw new AppError('BAD_REQUEST', { detailKey: 'news.not_image' });
    const data = await part.toBuffer();
    if (data.length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
    return { data, name: part.filename || 'anh-bia' };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE');
    throw new AppError('BAD_REQUEST', { detailKey: 'news.not_image' });
  }
}

export function registerNewsItemsRoutes(app: FastifyInstance, items: NewsItemsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    P,
    {
      ...base,
      schema: {
        tags,
        summary: 'News items of a unit and the units below it, by status and kind',
        querystring: NewsListQuerySchema,
        response: { 200: NewsListSchema },
      },
    },
    async (request) => items.list(request.actor, request.query),
  );
  r.post(
    P,
    {
      ...base,
      schema: {
        tags,
        summary: 'Write a news item, announcement or success story (a draft)',
        body: NewsCreateSchema,
        response: { 201: NewsItemSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return items.create(auditContextOf(request), request.body);
    },
  );
  r.get(
    `${P}/:id`,
    {
      ...base,
      schema: { tags, summary: 'A news item', params: NewsIdParamsSchema, response: { 200: NewsItemSchema } },
    },
    async (request) => items.get(request.actor, request.params.id),
  );
  r.put(
    `${P}/:id`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Save a draft (the revision it was loaded at; a newer save by someone else is a 409)',
        params: NewsIdParamsSchema,
        body: NewsUpdateSchema,
        response: { 200: NewsItemSchema },
      },
    },
    async (request) => items.update(auditContextOf(request), request.params.id, request.body),
  );
  r.get(
    `${P}/:id/cover`,
    {
      ...base,
      schema: { tags, summary: 'The cover picture of a news item (any status)', params: NewsIdParamsSchema },
    },
    async (request, reply) => {
      const { file, path, open } = await items.cover(request.actor, request.params.id);
      return sendDownload(reply, {
        fileName: file.originalName,
        mime: file.mime,
        body: { path, size: file.size, sha256: file.sha256, open, logContext: { fileId: file.id } },
      });
    },
  );
  r.post(
    `${P}/:id/submit`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Send a draft for approval, optionally to be published at a later time',
        params: NewsIdParamsSchema,
        body: NewsSubmitSchema,
        response: { 200: NewsItemSchema },
      },
    },
    async (request) => items.submit(auditContextOf(request), request.params.id, request.body),
  );
  r.post(
    `${P}/:id/approve`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Approve an item waiting for approval (a second person): published now or when scheduled',
        params: NewsIdParamsSchema,
        response: { 200: NewsItemSchema },
      },
    },
    async (request) => items.approve(auditContextOf(request), request.params.id),
  );
  r.post(
    `${P}/:id/return`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Return an item waiting for approval to its author with a note',
        params: NewsIdParamsSchema,
        body: NewsReturnSchema,
        response: { 200: NewsItemSchema },
      },
    },
    async (request) => items.returnToAuthor(auditContextOf(request), request.params.id, request.body.note),
  );
  r.post(
    `${P}/:id/withdraw`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Withdraw a published or scheduled item from the portal',
        params: NewsIdParamsSchema,
        body: NewsWithdrawSchema,
        response: { 200: NewsItemSchema },
      },
    },
    async (request) => items.withdraw(auditContextOf(request), request.params.id, request.body.reason),
  );
}

/** The cover upload, in its own scope with the multipart parser. */
export function registerNewsCoverRoute(app: FastifyInstance, items: NewsItemsService, maxBytes: number) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    `${P}/:id/cover`,
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Upload the cover picture (multipart): resized on the server, its EXIF/GPS removed',
        params: NewsIdParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 200: NewsItemSchema },
      },
    },
    async (request) => {
      const { data, name } = await readImage(request, maxBytes);
      return items.setCover(auditContextOf(request), request.params.id, data, name);
    },
  );
}
