import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceSchema,
  CertificateParamsSchema,
  CertificateVerificationSchema,
  CheckInSchema,
  CourseInputSchema,
  CourseListQuerySchema,
  CourseListSchema,
  CourseViewSchema,
  RegistrationInputSchema,
  SessionInputSchema,
  TrainedRateQuerySchema,
  TrainedRateSchema,
  TrainingIdParamsSchema,
} from '../../../../core/contracts/community-training.js';
import { sendDownload } from '../../../lib/download.js';
import { AppError } from '../../../lib/errors.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { TrainingService } from './training.service.js';

const tags = ['community'];

export function registerTrainingRoutes(
  app: FastifyInstance,
  training: TrainingService,
  /** PUBLIC_URL (or the development address): the certificate's QR code links there. */
  linkBase: string | null,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/training/courses',
    {
      ...base,
      schema: {
        tags,
        summary: 'Training courses organised by a unit or the units above it',
        querystring: CourseListQuerySchema,
        response: { 200: CourseListSchema },
      },
    },
    async (request) => training.list(request.actor, request.query.unitId),
  );
  r.post(
    '/api/training/courses',
    {
      ...base,
      schema: {
        tags,
        summary: 'Create a training course (training.manage)',
        body: CourseInputSchema,
        response: { 201: CourseViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return training.create(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/training/courses/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'A course with its sessions (check-in codes for its organisers) and registrations',
        params: TrainingIdParamsSchema,
        response: { 200: CourseViewSchema },
      },
    },
    async (request) => training.get(request.actor, request.params.id),
  );
  r.post(
    '/api/training/courses/:id/sessions',
    {
      ...base,
      schema: {
        tags,
        summary: "Add a session (its date within the course's)",
        params: TrainingIdParamsSchema,
        body: SessionInputSchema,
        response: { 201: CourseViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return training.addSession(auditContextOf(request), request.params.id, request.body);
    },
  );
  r.post(
    '/api/training/courses/:id/registrations',
    {
      ...base,
      schema: {
        tags,
        summary: "A unit's officer registers the unit's officials",
        params: TrainingIdParamsSchema,
        body: RegistrationInputSchema,
        response: { 201: z.object({ registered: z.number() }) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return training.register(auditContextOf(request), request.params.id, request.body);
    },
  );
  r.post(
    '/api/training/attendance',
    {
      ...base,
      schema: {
        tags,
        summary: "Check an official in with the session's code (QR); twice is refused",
        body: CheckInSchema,
        response: { 201: AttendanceSchema.extend({ certificateCode: z.string().nullable() }) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return training.checkIn(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/training/registrations/:id/certificate.pdf',
    {
      ...base,
      schema: {
        tags,
        summary: "An official's certificate (PDF with its verification code and QR code)",
        params: TrainingIdParamsSchema,
      },
    },
    async (request, reply) => {
      const { code, pdf } = await training.certificate(request.actor, request.params.id, linkBase);
      return sendDownload(reply, { fileName: `chung-nhan-${code}.pdf`, mime: 'application/pdf', body: pdf });
    },
  );
  r.get(
    '/api/training/trained-rate',
    {
      ...base,
      schema: {
        tags,
        summary: 'Officials trained this year against headcount, per unit below a unit',
        querystring: TrainedRateQuerySchema,
        response: { 200: TrainedRateSchema },
      },
    },
    async (request) => training.trainedRates(request.actor, request.query.unitId, request.query.year),
  );
  r.get(
    '/api/public/community/certificates/:code',
    {
      schema: {
        tags: ['public'],
        summary: 'Verify a training certificate by its code (anonymous)',
        params: CertificateParamsSchema,
        response: { 200: CertificateVerificationSchema },
      },
    },
    async (request) => {
      const found = await training.verify(request.params.code);
      if (!found) throw new AppError('NOT_FOUND', { detailKey: 'community.no_certificate' });
      return found;
    },
  );
}
