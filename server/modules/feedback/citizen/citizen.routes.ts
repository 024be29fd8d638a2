import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChallengeSchema,
  CodeParamsSchema,
  CodePhotoParamsSchema,
  NearbyQuerySchema,
  NearbySchema,
  OtpIssuedSchema,
  OtpRequestSchema,
  PublicCategoryListSchema,
  PublicListQuerySchema,
  PublicListSchema,
  PublicPhotoSchema,
  PublicReportSchema,
  PublicStatsQuerySchema,
  PublicStatsSchema,
  RateSchema,
  SubmitReportSchema,
  SubmittedSchema,
  SubscribeSchema,
} from '../../../../core/contracts/feedback-public.js';
import { sendDownload } from '../../../lib/download.js';
import { AppError } from '../../../lib/errors.js';
import { auditContextOf } from '../../../lib/request-context.js';
import { sendSharedBody } from '../../../lib/shared-body.js';
import { CITIZEN_COOKIE } from '../../sso/sso.module.js';
import type { CitizenService } from '../feedback.types.js';

// The citizens' API: anonymous, rate-limited, personal data masked (see citizen.service.ts).

const tags = ['feedback-public'];
const P = '/api/public/feedback';

const SettingsSchema = z.object({
  tileUrl: z.string(),
  powDifficulty: z.number(),
  bbox: z.object({ minLat: z.number(), minLng: z.number(), maxLat: z.number(), maxLng: z.number() }),
});
const AreasSchema = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });
const PhotoQuerySchema = z.strictObject({
  keepLocation: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

async function readImage(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'feedback.not_image' });
  try {
    const part = await request.file();
    if (!part) throw new AppError('BAD_REQUEST', { detailKey: 'feedback.not_image' });
    const data = await part.toBuffer();
    if (data.length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
    return { data, name: part.filename || 'anh' };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE');
    throw new AppError('BAD_REQUEST', { detailKey: 'feedback.not_image' });
  }
}

export function registerCitizenRoutes(app: FastifyInstance, citizen: CitizenService, maxBytes: number) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${P}/settings`,
    {
      schema: {
        tags,
        summary: 'Settings of the public form (map tiles, proof-of-work difficulty, the province’s box)',
        response: { 200: SettingsSchema },
      },
    },
    async () => citizen.settings(),
  );
  r.get(
    `${P}/categories`,
    { schema: { tags, summary: 'Active feedback categories', response: { 200: PublicCategoryListSchema } } },
    async () => citizen.categories(),
  );
  r.get(
    `${P}/areas`,
    { schema: { tags, summary: 'Communes and wards for the form’s picker', response: { 200: AreasSchema } } },
    async () => citizen.areas(),
  );
  r.get(
    `${P}/challenge`,
    {
      schema: {
        tags,
        summary: 'A proof-of-work challenge for the next one-time code request',
        response: { 200: ChallengeSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return citizen.challenge(request.ip);
    },
  );
  r.post(
    `${P}/otp`,
    {
      schema: {
        tags,
        summary: 'Send a one-time code to a phone or email (needs a solved challenge)',
        body: OtpRequestSchema,
        response: { 201: OtpIssuedSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return citizen.requestOtp(auditContextOf(request), request.body);
    },
  );
  r.post(
    `${P}/photos`,
    {
      schema: {
        tags,
        summary: 'Upload one photo (multipart); resized, its EXIF/GPS removed unless keepLocation=true',
        querystring: PhotoQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 201: PublicPhotoSchema },
      },
    },
    async (request, reply) => {
      const { data, name } = await readImage(request, maxBytes);
      reply.code(201);
      return citizen.uploadPhoto(auditContextOf(request), data, name, request.query.keepLocation);
    },
  );
  r.post(
    `${P}/reports`,
    {
      schema: {
        tags,
        summary:
          'Send a report (with a one-time code of the contact, or signed in by single sign-on with its contact)',
        body: SubmitReportSchema,
        response: { 201: SubmittedSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return citizen.submit(auditContextOf(request), request.body, request.cookies?.[CITIZEN_COOKIE]);
    },
  );
  r.get(
    `${P}/reports`,
    {
      schema: {
        tags,
        summary: 'Public list of reports by area, category and status',
        querystring: PublicListQuerySchema,
        response: { 200: PublicListSchema },
      },
    },
    async (request, reply) => {
      // Sent as the cached bytes (checked against PublicListSchema when computed), not serialised again, and
      // compressed once per encoding (shared-body.ts).
      const body = await citizen.listBody(request.query);
      return sendSharedBody(request, reply.type('application/json; charset=utf-8'), body);
    },
  );
  r.get(
    `${P}/reports/nearby`,
    {
      schema: {
        tags,
        summary: 'Open reports of the same category nearby ("is it this one?")',
        querystring: NearbyQuerySchema,
        response: { 200: NearbySchema },
      },
    },
    async (request) => citizen.nearby(request.query),
  );
  r.get(
    `${P}/reports/:code`,
    {
      schema: {
        tags,
        summary: 'Follow a report by its code: public timeline, answer, evidence',
        params: CodeParamsSchema,
        response: { 200: PublicReportSchema },
      },
    },
    async (request) => citizen.follow(request.params.code),
  );
  r.get(
    `${P}/reports/:code/files/:fileId`,
    { schema: { tags, summary: 'A photo or evidence file of a report', params: CodePhotoParamsSchema } },
    async (request, reply) => {
      const file = await citizen.photo(request.params.code, request.params.fileId);
      return sendDownload(reply, {
        fileName: file.originalName,
        mime: file.mime,
        body: {
          path: citizen.pathOf(file),
          size: file.size,
          sha256: file.sha256,
          open: () => citizen.open(file),
          logContext: { fileId: file.id },
        },
      });
    },
  );
  r.post(
    `${P}/reports/:code/rating`,
    {
      schema: {
        tags,
        summary: 'Rate the answer (a reason when unsatisfied, which reopens the report)',
        params: CodeParamsSchema,
        body: RateSchema,
        response: { 200: PublicReportSchema },
      },
    },
    async (request) => citizen.rate(auditContextOf(request), request.params.code, request.body),
  );
  r.post(
    `${P}/reports/:code/subscribe`,
    {
      schema: {
        tags,
        summary: 'Receive the report’s updates by email (with a one-time code of the email)',
        params: CodeParamsSchema,
        body: SubscribeSchema,
        response: { 201: z.object({ subscribed: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return citizen.subscribe(auditContextOf(request), request.params.code, request.body);
    },
  );
  r.get(
    `${P}/stats`,
    {
      schema: {
        tags,
        summary: 'Per-unit statistics of a year: received, answered, on-time and satisfaction rates',
        querystring: PublicStatsQuerySchema,
        response: { 200: PublicStatsSchema },
      },
    },
    async (request, reply) => {
      // Every phone opening the statistics asks the same year: the cached bytes, as for the list.
      const body = await citizen.statsBody(request.query.year);
      return sendSharedBody(request, reply.type('application/json; charset=utf-8'), body);
    },
  );
}
