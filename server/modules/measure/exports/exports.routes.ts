import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema } from '../../../../core/contracts/measure.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import type { ExportsService } from '../measure.types.js';

// Downloads of a period's published results: the xlsx workbook and the DOCX committee report.

const tags = ['measure'];
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const snapshotId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1)
  .optional();
// Header lines of the report: plain text only (no control characters), short like the real ones.
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u)
    .optional();

export const ResultsXlsxQuerySchema = z.strictObject({ snapshotId });
export const ReportDocxQuerySchema = z.strictObject({
  snapshotId,
  number: line(20),
  parentBody: line(120),
  issuer: line(120),
  symbol: line(30),
  signerName: line(80),
});

export function registerExportsRoutes(app: FastifyInstance, exportsService: ExportsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/measure/periods/:id/results.xlsx',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Published results as xlsx (ranking, main indices, pillars, components)',
        params: IdParamSchema,
        querystring: ResultsXlsxQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportsService.resultsXlsx(
        request.actor,
        request.params.id,
        request.query.snapshotId,
      );
      return sendDownload(reply, { fileName: file.fileName, mime: XLSX_MIME, body: file.body });
    },
  );
  r.get(
    '/api/measure/periods/:id/report.docx',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Committee report (DOCX, Decree 30 administrative format) on the published results',
        params: IdParamSchema,
        querystring: ReportDocxQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportsService.reportDocx(request.actor, request.params.id, request.query);
      return sendDownload(reply, { fileName: file.fileName, mime: DOCX_MIME, body: file.body });
    },
  );
}
