import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CampaignDetailSchema,
  CampaignInputSchema,
  CampaignItemParamsSchema,
  CampaignListSchema,
  ConfirmInputSchema,
  RegisterIdParamsSchema,
  RemindResultSchema,
  SystemInputSchema,
  SystemListQuerySchema,
  SystemListSchema,
  SystemProblemsSchema,
  SystemUpdateSchema,
  SystemViewSchema,
  UnitQuerySchema,
} from '../../../../core/contracts/steer-registers.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { SteerReviewsService, SteerSystemsService } from './systems.types.js';

const tags = ['steer'];

export function registerSystemsRoutes(
  app: FastifyInstance,
  systems: SteerSystemsService,
  reviews: SteerReviewsService,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/steer/systems',
    {
      ...base,
      schema: {
        tags,
        summary: 'Information systems and IT projects of a unit and the units below it (filtered)',
        querystring: SystemListQuerySchema,
        response: { 200: SystemListSchema },
      },
    },
    async (request) => systems.list(request.actor, request.query),
  );
  r.get(
    '/api/steer/systems/problems',
    {
      ...base,
      schema: {
        tags,
        summary: 'Systems not integrated, without approved security, overlapping; shares per unit',
        querystring: UnitQuerySchema,
        response: { 200: SystemProblemsSchema },
      },
    },
    async (request) => systems.problems(request.actor, request.query.unitId),
  );
  r.post(
    '/api/steer/systems',
    {
      ...base,
      schema: {
        tags,
        summary: 'Register an information system of an owner unit',
        body: SystemInputSchema,
        response: { 201: SystemViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return systems.create(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/steer/systems/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'An information system',
        params: RegisterIdParamsSchema,
        response: { 200: SystemViewSchema },
      },
    },
    async (request) => systems.get(request.actor, request.params.id),
  );
  r.put(
    '/api/steer/systems/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Edit an information system (every field; the owner unit stays)',
        params: RegisterIdParamsSchema,
        body: SystemUpdateSchema,
        response: { 200: SystemViewSchema },
      },
    },
    async (request) => systems.update(auditContextOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/steer/system-reviews',
    {
      ...base,
      schema: {
        tags,
        summary: 'Review campaigns asking units of a subtree, with their progress there',
        querystring: UnitQuerySchema,
        response: { 200: CampaignListSchema },
      },
    },
    async (request) => reviews.list(request.actor, request.query.unitId),
  );
  r.post(
    '/api/steer/system-reviews',
    {
      ...base,
      schema: {
        tags,
        summary: 'Open a review campaign: owner units below the root confirm their systems by a date',
        body: CampaignInputSchema,
        response: { 201: CampaignDetailSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return reviews.open(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/steer/system-reviews/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'A review campaign: progress per unit and the systems to confirm in a subtree',
        params: RegisterIdParamsSchema,
        querystring: UnitQuerySchema,
        response: { 200: CampaignDetailSchema },
      },
    },
    async (request) => reviews.detail(request.actor, request.params.id, request.query.unitId),
  );
  r.post(
    '/api/steer/system-reviews/:id/items/:itemId/confirm',
    {
      ...base,
      schema: {
        tags,
        summary: 'Confirm a system in a review campaign (optionally with its corrected fields)',
        params: CampaignItemParamsSchema,
        body: ConfirmInputSchema,
        response: { 200: CampaignDetailSchema },
      },
    },
    async (request) =>
      reviews.confirm(auditContextOf(request), request.params.id, request.params.itemId, request.body),
  );
  r.post(
    '/api/steer/system-reviews/:id/close',
    {
      ...base,
      schema: {
        tags,
        summary: 'Close a review campaign',
        params: RegisterIdParamsSchema,
        response: { 200: CampaignDetailSchema },
      },
    },
    async (request) => reviews.close(auditContextOf(request), request.params.id),
  );
  r.post(
    '/api/steer/system-reviews/:id/remind',
    {
      ...base,
      schema: {
        tags,
        summary: 'Remind the owner units that have systems left to confirm',
        params: RegisterIdParamsSchema,
        response: { 200: RemindResultSchema },
      },
    },
    async (request) => reviews.remind(auditContextOf(request), request.params.id),
  );
}
