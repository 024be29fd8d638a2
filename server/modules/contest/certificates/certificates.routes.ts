import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ContestIdParamsSchema } from '../../../../core/contracts/contest.js';
import {
  CertificateParamsSchema,
  CertificateQuerySchema,
  ContestCertificateSchema,
  MyCertificatesSchema,
} from '../../../../core/contracts/contest-outputs.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { CertificatesService } from '../contest-outputs.types.js';

// Certificate routes: the participant's own (token in x-contest-token, as every participant route), the
// anonymous verification of a code, and the organiser's print of a round's prize certificates.

const tags = ['public'];
const SlugParams = z.object({ slug: z.string().trim().min(1).max(80) });
const tokenOf = (request: FastifyRequest) => {
  const token = request.headers['x-contest-token'];
  return typeof token === 'string' && token ? token : undefined;
};

export function registerCertificatesRoutes(
  app: FastifyInstance,
  certificates: CertificatesService,
  /** PUBLIC_URL (or the development address): the certificate's QR code links there. */
  linkBase: string | null,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/contests/:slug/certificates',
    {
      schema: {
        tags,
        summary:
          'The certificates the participant may download (prizes; participation if the contest gives it)',
        params: SlugParams,
        response: { 200: MyCertificatesSchema },
      },
    },
    async (request) => certificates.mine(request.params.slug, tokenOf(request)),
  );
  r.get(
    '/api/public/contests/:slug/certificate.pdf',
    {
      schema: {
        tags,
        summary:
          'The participant’s certificate of a closed round (PDF with its verification code and QR code)',
        params: SlugParams,
        querystring: CertificateQuerySchema,
      },
    },
    async (request, reply) => {
      const f = await certificates.pdf(
        auditContextOf(request),
        request.params.slug,
        tokenOf(request),
        request.query.round,
        linkBase,
      );
      return sendDownload(reply, { fileName: f.fileName, mime: 'application/pdf', body: f.body });
    },
  );
  r.get(
    '/api/contest/contests/:id/certificates.pdf',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags: ['contest'],
        summary:
          'A closed round’s prize certificates, one page each, to print for the ceremony (organisers; codes issued and audited)',
        params: ContestIdParamsSchema,
        querystring: CertificateQuerySchema,
      },
    },
    async (request, reply) => {
      const f = await certificates.roundPdf(
        auditContextOf(request),
        request.params.id,
        request.query.round,
        linkBase,
      );
      return sendDownload(reply, { fileName: f.fileName, mime: 'application/pdf', body: f.body });
    },
  );
  r.get(
    '/api/public/contest-certificates/:code',
    {
      schema: {
        tags,
        summary: 'Verify a contest certificate by its code (anonymous; the name masked)',
        params: CertificateParamsSchema,
        response: { 200: ContestCertificateSchema },
      },
    },
    async (request) => certificates.verify(request.params.code),
  );
}
