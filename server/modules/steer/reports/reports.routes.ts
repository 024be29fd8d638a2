import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IssuedReportDetailSchema,
  IssuedReportSchema,
  IssueReportBodySchema,
  ReportDocumentSchema,
  ReportFileParamsSchema,
  ReportIdParamsSchema,
  ReportListQuerySchema,
  ReportListSchema,
  ReportPreviewQuerySchema,
} from '../../../../core/contracts/steer-reports.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { SteerReportsService } from './reports.types.js';

const tags = ['steer'];

export function registerReportRoutes(app: FastifyInstance, reports: SteerReportsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/steer/reports/preview',
    {
      ...base,
      schema: {
        tags,
        summary: "A unit's periodic report as it would be issued now (computed, not stored)",
        querystring: ReportPreviewQuerySchema,
        response: { 200: ReportDocumentSchema },
      },
    },
    async (request) => reports.preview(request.actor, request.query),
  );
  r.post(
    '/api/steer/reports',
    {
      ...base,
      schema: {
        tags,
        summary:
          "Issue a unit's periodic report: a snapshot at the period's cut-off (append-only), task KPIs written",
        body: IssueReportBodySchema,
        response: { 201: IssuedReportSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return reports.issue(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/steer/reports',
    {
      ...base,
      schema: {
        tags,
        summary: 'Issued reports of a unit, newest period first',
        querystring: ReportListQuerySchema,
        response: { 200: ReportListSchema },
      },
    },
    async (request) => reports.list(request.actor, request.query),
  );
  r.get(
    '/api/steer/reports/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'An issued report with the document stored at its cut-off',
        params: ReportIdParamsSchema,
        response: { 200: IssuedReportDetailSchema },
      },
    },
    async (request) => reports.get(request.actor, request.params.id),
  );
  r.get(
    '/api/steer/reports/:id/:format',
    {
      ...base,
      schema: {
        tags,
        summary: 'An issued report as XLSX or DOCX (administrative format), regenerated from its snapshot',
        operationId: 'downloadSteerReport',
        params: ReportFileParamsSchema,
      },
    },
    async (request, reply) =>
      sendDownload(reply, await reports.file(request.actor, request.params.id, request.params.format)),
  );
}
