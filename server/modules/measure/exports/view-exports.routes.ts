import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema, PeriodUnitParamsSchema } from '../../../../core/contracts/measure.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { ViewExportsService } from '../measure.types.js';
import { XLSX_MIME } from './exports.routes.js';

// Excel downloads of the progress table, the ranking and a unit's profile, as the staff screens show them.

const tags = ['measure'];
export const RankingXlsxQuerySchema = z.strictObject({ source: z.enum(['published', 'live']).optional() });

export function registerViewExportsRoutes(app: FastifyInstance, service: ViewExportsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/measure/periods/:id/completion.xlsx',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'The progress table as xlsx (who has submitted, who is late)',
        params: IdParamSchema,
      },
    },
    async (request, reply) => {
      const file = await service.completionXlsx(request.actor, request.params.id);
      return sendDownload(reply, { fileName: file.fileName, mime: XLSX_MIME, body: file.body });
    },
  );
  r.get(
    '/api/measure/periods/:id/ranking.xlsx',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary:
          'The whole ranking as xlsx: the latest published, or live from approved submissions for staff',
        params: IdParamSchema,
        querystring: RankingXlsxQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await service.rankingXlsx(request.actor, request.params.id, request.query.source);
      return sendDownload(reply, { fileName: file.fileName, mime: XLSX_MIME, body: file.body });
    },
  );
  r.get(
    '/api/measure/periods/:periodId/units/:unitId/profile.xlsx',
    {
      onRequest: rejectAnonymous,
      schema: { tags, summary: 'A unit’s profile as xlsx', params: PeriodUnitParamsSchema },
    },
    async (request, reply) => {
      const file = await service.profileXlsx(request.actor, request.params.periodId, request.params.unitId);
      return sendDownload(reply, { fileName: file.fileName, mime: XLSX_MIME, body: file.body });
    },
  );
}
