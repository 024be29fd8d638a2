import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ContestIdParamsSchema } from '../../../../core/contracts/contest.js';
import { ItemStatsQuerySchema, ItemStatsSchema } from '../../../../core/contracts/contest-outputs.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { OutputsService } from '../contest-outputs.types.js';

const tags = ['contest'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerOutputsRoutes(app: FastifyInstance, outputs: OutputsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/contest/contests/:id/item-stats',
    {
      ...base,
      schema: {
        tags,
        summary:
          'Item statistics of a closed round: facility, discrimination, answer spread, flags (organisers)',
        params: ContestIdParamsSchema,
        querystring: ItemStatsQuerySchema,
        response: { 200: ItemStatsSchema },
      },
    },
    async (request) => outputs.itemStats(request.actor, request.params.id, request.query.round),
  );
  r.get(
    '/api/contest/contests/:id/item-stats.xlsx',
    {
      ...base,
      schema: {
        tags,
        summary: 'Item statistics of a closed round as xlsx (organisers)',
        params: ContestIdParamsSchema,
        querystring: ItemStatsQuerySchema,
      },
    },
    async (request, reply) => {
      const f = await outputs.itemStatsWorkbook(request.actor, request.params.id, request.query.round);
      return sendDownload(reply, { fileName: f.fileName, mime: XLSX, body: f.body });
    },
  );
  r.get(
    '/api/contest/contests/:id/results.docx',
    {
      ...base,
      schema: {
        tags,
        summary:
          'The Quyết định công nhận kết quả as DOCX: winners per group and collective prizes (organisers)',
        params: ContestIdParamsSchema,
      },
    },
    async (request, reply) => {
      const f = await outputs.decisionDocx(request.actor, request.params.id);
      return sendDownload(reply, { fileName: f.fileName, mime: DOCX, body: f.body });
    },
  );
  for (const format of ['xlsx', 'docx'] as const)
    r.get(
      `/api/contest/contests/:id/bulletin.${format}`,
      {
        ...base,
        schema: {
          tags,
          summary: `The daily participation bulletin as ${format}: by group, block and unit, laggards`,
          params: ContestIdParamsSchema,
        },
      },
      async (request, reply) => {
        const f = await outputs.bulletin(request.actor, request.params.id, format);
        return sendDownload(reply, {
          fileName: f.fileName,
          mime: format === 'xlsx' ? XLSX : DOCX,
          body: f.body,
        });
      },
    );
}
