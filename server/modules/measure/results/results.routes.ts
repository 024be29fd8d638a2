import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CompletionSchema,
  ComponentAcrossUnitsSchema,
  ComponentCodeParamsSchema,
  IdParamSchema,
  PeriodUnitParamsSchema,
  ProfileSchema,
  PublicRankingQuerySchema,
  RankingQuerySchema,
  RankingSchema,
  SnapshotSummarySchema,
} from '../../../../core/contracts/measure.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { ResultsCore, ResultsViews } from '../measure.types.js';

const tags = ['measure'];

// The ranking is serialised (and allowlisted by its schema) once per snapshot in the service; send it as is.
const sendJson = (reply: FastifyReply, json: string) =>
  reply
    .type('application/json; charset=utf-8')
    .serializer((payload) => payload as string)
    .send(json);

/** Publishing writes a snapshot: the results core's one write. */
export function registerPublishRoute(app: FastifyInstance, results: ResultsCore) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/measure/periods/:id/publish',
    {
      onRequest: rejectAnonymous,
      schema: {
        tags,
        summary: 'Publish results as a new immutable snapshot',
        params: IdParamSchema,
        response: { 201: SnapshotSummarySchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return results.publish(auditContextOf(request), request.params.id);
    },
  );
}

export function registerResultsRoutes(app: FastifyInstance, views: ResultsViews) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/measure/periods/:id/snapshots',
    {
      ...base,
      schema: {
        tags,
        summary: 'Published snapshots, newest first',
        params: IdParamSchema,
        response: { 200: z.array(SnapshotSummarySchema) },
      },
    },
    async (request) => views.snapshots(request.actor, request.params.id),
  );
  r.get(
    '/api/measure/periods/:id/ranking',
    {
      ...base,
      schema: {
        tags,
        summary: 'Ranking page: latest published snapshot, or live from approved submissions for staff',
        params: IdParamSchema,
        querystring: RankingQuerySchema,
        response: { 200: RankingSchema },
      },
    },
    async (request, reply) =>
      sendJson(reply, await views.rankingJson(request.actor, request.params.id, request.query)),
  );
  r.get(
    '/api/measure/periods/:periodId/units/:unitId/profile',
    {
      ...base,
      schema: {
        tags,
        summary: 'A unit’s profile: values, strengths, gains, history',
        params: PeriodUnitParamsSchema,
        response: { 200: ProfileSchema },
      },
    },
    async (request) => views.profile(request.actor, request.params.periodId, request.params.unitId),
  );
  r.get(
    '/api/measure/periods/:id/components/:code',
    {
      ...base,
      schema: {
        tags,
        summary: 'One component across the period’s units',
        params: ComponentCodeParamsSchema,
        response: { 200: ComponentAcrossUnitsSchema },
      },
    },
    async (request) => views.componentAcrossUnits(request.actor, request.params.id, request.params.code),
  );
  r.get(
    '/api/measure/periods/:id/completion',
    {
      ...base,
      schema: {
        tags,
        summary: 'Completion tracker: who has submitted, who is late',
        params: IdParamSchema,
        response: { 200: CompletionSchema },
      },
    },
    async (request) => views.completion(request.actor, request.params.id),
  );
  r.get(
    '/api/public/measure/periods/:id/ranking',
    {
      schema: {
        tags: ['public'],
        summary: 'Published ranking, one page (anonymous)',
        params: IdParamSchema,
        querystring: PublicRankingQuerySchema,
        response: { 200: RankingSchema },
      },
    },
    async (request, reply) =>
      sendJson(reply, await views.publicRankingJson(request.params.id, request.query)),
  );
}
