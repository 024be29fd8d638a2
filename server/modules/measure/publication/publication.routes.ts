import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ExclusionResultSchema,
  IdParamSchema,
  PeriodIdUnitParamsSchema,
  PublishPreviewSchema,
  ReasonBodySchema,
  ReopenResultSchema,
} from '../../../../core/contracts/measure.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { PublicationService } from '../measure.types.js';

const tags = ['measure'];

export function registerPublicationRoutes(app: FastifyInstance, publication: PublicationService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/measure/periods/:id/publish-preview',
    {
      ...base,
      schema: {
        tags,
        summary: 'What publishing now would do: units not approved (left out of the ranking), excluded units',
        params: IdParamSchema,
        response: { 200: PublishPreviewSchema },
      },
    },
    async (request) => publication.preview(request.actor, request.params.id),
  );
  r.post(
    '/api/measure/periods/:id/units/:unitId/reopen',
    {
      ...base,
      schema: {
        tags,
        summary:
          'Reopen a unit’s submission after the period closed or was published (editable again; an approved one returns to the unit)',
        params: PeriodIdUnitParamsSchema,
        body: ReasonBodySchema,
        response: { 200: ReopenResultSchema },
      },
    },
    async (request) =>
      publication.reopen(
        auditContextOf(request),
        { periodId: request.params.id, unitId: request.params.unitId },
        request.body,
      ),
  );
  r.put(
    '/api/measure/periods/:id/units/:unitId/exclusion',
    {
      ...base,
      schema: {
        tags,
        summary: 'Exclude a unit from the period’s ranking, with the reason shown beside the ranking',
        params: PeriodIdUnitParamsSchema,
        body: ReasonBodySchema,
        response: { 200: ExclusionResultSchema },
      },
    },
    async (request) =>
      publication.exclude(
        auditContextOf(request),
        { periodId: request.params.id, unitId: request.params.unitId },
        request.body,
      ),
  );
  r.delete(
    '/api/measure/periods/:id/units/:unitId/exclusion',
    {
      ...base,
      schema: {
        tags,
        summary: 'Put an excluded unit back in the period’s ranking',
        params: PeriodIdUnitParamsSchema,
        response: { 200: ExclusionResultSchema },
      },
    },
    async (request) =>
      publication.include(auditContextOf(request), {
        periodId: request.params.id,
        unitId: request.params.unitId,
      }),
  );
}
