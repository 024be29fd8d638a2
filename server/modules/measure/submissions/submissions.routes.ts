import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EvidenceCreateSchema,
  EvidenceSchema,
  HistoryEntrySchema,
  PeriodUnitParamsSchema,
  PreviewResultSchema,
  SubmissionViewSchema,
  ValuesBodySchema,
} from '../../../../core/contracts/measure.js';
import { downloadName, sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { SubmissionsService } from '../measure.types.js';

const tags = ['measure'];
const path = '/api/measure/periods/:periodId/units/:unitId/submission';
const EvidenceParamsSchema = PeriodUnitParamsSchema.extend({
  evidenceId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export function registerSubmissionsRoutes(app: FastifyInstance, submissions: SubmissionsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  const view = { 200: SubmissionViewSchema };

  r.get(
    path,
    {
      ...base,
      schema: {
        tags,
        summary: 'A unit’s submission: values, points, evidence, allowed actions',
        params: PeriodUnitParamsSchema,
        response: view,
      },
    },
    async (request) => submissions.get(request.actor, request.params),
  );
  r.put(
    `${path}/values`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Save values as draft (partial; null clears)',
        params: PeriodUnitParamsSchema,
        body: ValuesBodySchema,
        response: view,
      },
    },
    async (request) => submissions.saveValues(auditContextOf(request), request.params, request.body),
  );
  r.post(
    `${path}/preview`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Score values over the saved ones without saving (live preview)',
        params: PeriodUnitParamsSchema,
        body: ValuesBodySchema,
        response: { 200: PreviewResultSchema },
      },
    },
    async (request) => submissions.preview(request.actor, request.params, request.body),
  );
  r.post(
    `${path}/evidence`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Attach evidence (an uploaded file or a cited document) to a component',
        params: PeriodUnitParamsSchema,
        body: EvidenceCreateSchema,
        response: { 201: EvidenceSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return submissions.addEvidence(auditContextOf(request), request.params, request.body);
    },
  );
  r.delete(
    `${path}/evidence/:evidenceId`,
    {
      ...base,
      schema: { tags, summary: 'Remove evidence', params: EvidenceParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const { evidenceId, ...ids } = request.params;
      await submissions.removeEvidence(auditContextOf(request), ids, evidenceId);
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${path}/submit`,
    {
      ...base,
      schema: { tags, summary: 'Submit for appraisal', params: PeriodUnitParamsSchema, response: view },
    },
    async (request) => submissions.submit(auditContextOf(request), request.params),
  );
  r.get(
    `${path}/history`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Every value change with who and when',
        params: PeriodUnitParamsSchema,
        response: { 200: z.array(HistoryEntrySchema) },
      },
    },
    async (request) => submissions.history(request.actor, request.params),
  );
  r.get(
    `${path}/evidence/:evidenceId/file`,
    {
      ...base,
      schema: {
        tags,
        summary: 'Download an evidence file (readers of the unit, e.g. appraisers)',
        params: EvidenceParamsSchema,
      },
    },
    async (request, reply) => {
      const { evidenceId, ...ids } = request.params;
      const { file, body } = await submissions.evidenceFile(request.actor, ids, evidenceId);
      return sendDownload(reply, {
        fileName: downloadName(file.originalName, file.mime),
        mime: file.mime,
        body,
      });
    },
  );
}
