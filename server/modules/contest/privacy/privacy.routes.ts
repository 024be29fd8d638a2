import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ContestIdParamsSchema } from '../../../../core/contracts/contest.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { PrivacyService } from '../contest.types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerPrivacyRoutes(app: FastifyInstance, privacy: PrivacyService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/contest/contests/:id/participants.xlsx',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags: ['contest'],
        summary: 'The participants with their CCCD and phone in full, as xlsx (organisers only; audited)',
        params: ContestIdParamsSchema,
      },
    },
    async (request, reply) => {
      const file = await privacy.exportParticipants(auditContextOf(request), request.params.id);
      return sendDownload(reply, { fileName: file.fileName, mime: XLSX, body: file.body });
    },
  );
}
