import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FeedbackAnswerSchema,
  FeedbackAssignSchema,
  FeedbackCloseSchema,
  FeedbackExportQuerySchema,
  FeedbackExtensionDecisionSchema,
  FeedbackExtensionRequestSchema,
  FeedbackIdParamsSchema,
  FeedbackMergeSchema,
  FeedbackNoteSchema,
  FeedbackQueueQuerySchema,
  FeedbackQueueSchema,
  FeedbackRefuseSchema,
  FeedbackReportSchema,
} from '../../../../core/contracts/feedback.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { ReportsService } from '../feedback.types.js';

const tags = ['feedback'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerReportsRoutes(app: FastifyInstance, reports: ReportsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  const params = FeedbackIdParamsSchema;
  const response = { 200: FeedbackReportSchema };

  r.get(
    '/api/feedback/reports',
    {
      ...base,
      schema: {
        tags,
        summary: 'The queue of citizen reports in the caller’s scope (status, category, unit, overdue)',
        querystring: FeedbackQueueQuerySchema,
        response: { 200: FeedbackQueueSchema },
      },
    },
    async (request) => reports.queue(request.actor, request.query),
  );
  r.get(
    '/api/feedback/reports.xlsx',
    {
      ...base,
      schema: {
        tags,
        summary: 'The queue with its filters as xlsx (contacts masked unless the reader handles the report)',
        querystring: FeedbackExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await reports.exportXlsx(request.actor, request.query);
      return sendDownload(reply, { fileName: file.fileName, mime: XLSX, body: file.body });
    },
  );
  r.post(
    '/api/feedback/reports/:id/merge',
    {
      ...base,
      schema: {
        tags,
        summary:
          'Merge a duplicate into another report: refused as a duplicate with a link; followers move over',
        params,
        body: FeedbackMergeSchema,
        response,
      },
    },
    async (request) => reports.merge(auditContextOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/feedback/reports/:id',
    { ...base, schema: { tags, summary: 'A citizen report with its whole timeline', params, response } },
    async (request) => reports.get(request.actor, request.params.id),
  );
  r.post(
    '/api/feedback/reports/:id/assign',
    {
      ...base,
      schema: {
        tags,
        summary: 'Assign a report to a handling unit, or transfer it to another (with a reason)',
        params,
        body: FeedbackAssignSchema,
        response,
      },
    },
    async (request) => reports.assign(auditContextOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/feedback/reports/:id/accept',
    { ...base, schema: { tags, summary: 'The handling unit takes the report in hand', params, response } },
    async (request) => reports.accept(auditContextOf(request), request.params.id),
  );
  r.post(
    '/api/feedback/reports/:id/answer',
    {
      ...base,
      schema: {
        tags,
        summary: 'Answer a report publicly, with evidence files',
        params,
        body: FeedbackAnswerSchema,
        response,
      },
    },
    async (request) => reports.answer(auditContextOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/feedback/reports/:id/refuse',
    {
      ...base,
      schema: {
        tags,
        summary: 'Refuse a report as spam, a duplicate or out of scope, with a reason',
        params,
        body: FeedbackRefuseSchema,
        response,
      },
    },
    async (request) => reports.refuse(auditContextOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/feedback/reports/:id/close',
    {
      ...base,
      schema: { tags, summary: 'Close an answered report', params, body: FeedbackCloseSchema, response },
    },
    async (request) => reports.close(auditContextOf(request), request.params.id, request.body.note),
  );
  r.post(
    '/api/feedback/reports/:id/notes',
    {
      ...base,
      schema: {
        tags,
        summary: 'Add an internal note (never shown to the public)',
        params,
        body: FeedbackNoteSchema,
        response,
      },
    },
    async (request) => reports.note(auditContextOf(request), request.params.id, request.body.text),
  );
  r.post(
    '/api/feedback/reports/:id/extension',
    {
      ...base,
      schema: {
        tags,
        summary: 'Ask for more time to answer (working days, with a reason)',
        params,
        body: FeedbackExtensionRequestSchema,
        response,
      },
    },
    async (request) => reports.requestExtension(auditContextOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/feedback/reports/:id/extension/decision',
    {
      ...base,
      schema: {
        tags,
        summary: 'Approve or reject a pending extension request',
        params,
        body: FeedbackExtensionDecisionSchema,
        response,
      },
    },
    async (request) =>
      reports.decideExtension(auditContextOf(request), request.params.id, request.body.approve),
  );
}
