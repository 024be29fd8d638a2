import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ConclusionInputSchema,
  ConvertConclusionResultSchema,
  ConvertConclusionSchema,
  MeetingConclusionParamsSchema,
  MeetingDetailSchema,
  MeetingDocumentInputSchema,
  MeetingDocumentParamsSchema,
  MeetingIdParamsSchema,
  MeetingInputSchema,
  MeetingListQuerySchema,
  MeetingListSchema,
  MeetingPatchSchema,
  NoticeInputSchema,
} from '../../../../core/contracts/steer-meetings.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { BriefingService, MeetingsService } from './meetings.types.js';

const tags = ['steer'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Committee meetings (/api/steer/meetings…): thin, one service call each.
export function registerMeetingsRoutes(
  app: FastifyInstance,
  meetings: MeetingsService,
  briefing: BriefingService,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = { 200: MeetingDetailSchema };

  r.get(
    '/api/steer/meetings',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: "Committee meetings in the caller's scope, newest first",
        querystring: MeetingListQuerySchema,
        response: { 200: MeetingListSchema },
      },
    },
    async (request) => meetings.list(request.actor, request.query),
  );

  r.post(
    '/api/steer/meetings',
    {
      schema: {
        tags,
        summary: "Record a committee meeting (steer.manage on the committee's unit)",
        body: MeetingInputSchema,
        response: { 201: MeetingDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await meetings.create(auditContextOf(request), request.body)),
  );

  r.get(
    '/api/steer/meetings/:id',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: "A meeting: attendees, agenda, documents, notice, conclusions and their tasks' status",
        params: MeetingIdParamsSchema,
        response: detail,
      },
    },
    async (request) => meetings.get(request.actor, request.params.id),
  );

  r.patch(
    '/api/steer/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Edit a meeting (attendees and agenda, when given, replace the lists)',
        params: MeetingIdParamsSchema,
        body: MeetingPatchSchema,
        response: detail,
      },
    },
    async (request) => meetings.update(auditContextOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/steer/meetings/:id/documents',
    {
      schema: {
        tags,
        summary: 'Attach an uploaded file to the meeting as a document',
        params: MeetingIdParamsSchema,
        body: MeetingDocumentInputSchema,
        response: { 201: MeetingDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await meetings.addDocument(auditContextOf(request), request.params.id, request.body)),
  );

  r.delete(
    '/api/steer/meetings/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Remove a document from the meeting',
        params: MeetingDocumentParamsSchema,
        response: detail,
      },
    },
    async (request) =>
      meetings.removeDocument(auditContextOf(request), request.params.id, request.params.documentId),
  );

  r.put(
    '/api/steer/meetings/:id/notice',
    {
      schema: {
        tags,
        summary:
          'Set the conclusion notice (thông báo kết luận): number and symbol, date, signer, signed file',
        params: MeetingIdParamsSchema,
        body: NoticeInputSchema,
        response: detail,
      },
    },
    async (request) => meetings.setNotice(auditContextOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/steer/meetings/:id/conclusions',
    {
      schema: {
        tags,
        summary: 'Add a conclusion (numbered after the last one)',
        params: MeetingIdParamsSchema,
        body: ConclusionInputSchema,
        response: { 201: MeetingDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await meetings.addConclusion(auditContextOf(request), request.params.id, request.body)),
  );

  r.patch(
    '/api/steer/meetings/:id/conclusions/:conclusionId',
    {
      schema: {
        tags,
        summary: 'Edit a conclusion not yet turned into a task',
        params: MeetingConclusionParamsSchema,
        body: ConclusionInputSchema,
        response: detail,
      },
    },
    async (request) =>
      meetings.updateConclusion(
        auditContextOf(request),
        request.params.id,
        request.params.conclusionId,
        request.body,
      ),
  );

  r.delete(
    '/api/steer/meetings/:id/conclusions/:conclusionId',
    {
      schema: {
        tags,
        summary: 'Delete a conclusion not yet turned into a task (the others are renumbered)',
        params: MeetingConclusionParamsSchema,
        response: detail,
      },
    },
    async (request) =>
      meetings.removeConclusion(auditContextOf(request), request.params.id, request.params.conclusionId),
  );

  r.post(
    '/api/steer/meetings/:id/conclusions/:conclusionId/task',
    {
      schema: {
        tags,
        summary:
          'Turn a conclusion into a tracked task in one step (source: the conclusion notice); 409 when done already',
        params: MeetingConclusionParamsSchema,
        body: ConvertConclusionSchema,
        response: { 201: ConvertConclusionResultSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await meetings.convertConclusion(
            auditContextOf(request),
            request.params.id,
            request.params.conclusionId,
            request.body,
          ),
        ),
  );

  r.get(
    '/api/steer/meetings/:id/briefing.docx',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary:
          'Briefing pack before the meeting (DOCX, Decree 30 administrative format), generated from the data',
        params: MeetingIdParamsSchema,
      },
    },
    async (request, reply) => {
      const file = await briefing.briefingDocx(request.actor, request.params.id);
      return sendDownload(reply, { ...file, mime: DOCX_MIME });
    },
  );
}
