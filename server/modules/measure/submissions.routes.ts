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
} from '../../../core/contracts/measure.js';
import { AppError } from '../../lib/errors.js';
import { auditContextOf } from '../../lib/request-context.js';
import { requireSignedIn } from '../../plugins/auth.js';
import type { FilesService } from '../files/files.service.js';
import type { MeasureServices } from './measure.module.js';

const tags = ['measure'];
const path = '/api/measure/periods/:periodId/units/:unitId/submission';
const EvidenceParamsSchema = PeriodUnitParamsSchema.extend({
  evidenceId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export function registerSubmissionsRoutes(
  app: FastifyInstance,
  { submissions }: MeasureServices,
  files: FilesService,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: requireSignedIn };
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
      const file = await files.get(await submissions.evidenceFileId(request.actor, ids, evidenceId));
      if (!file) throw new AppError('NOT_FOUND');
      // Same safe headers as the files module: never rendered inline as active content.
      return reply
        .header('content-type', file.mime)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(files.open(file));
    },
  );
}
