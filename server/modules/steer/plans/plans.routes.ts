import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AsOfQuerySchema,
  GroupInputSchema,
  GroupPatchSchema,
  GroupViewSchema,
  IdParamsSchema,
  PlanGroupParamsSchema,
  PlanInputSchema,
  PlanListQuerySchema,
  PlanListSchema,
  PlanPatchSchema,
  PlanTreeSchema,
  PlanViewSchema,
  SupersedeInputSchema,
} from '../../../../core/contracts/steer-tasks.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { SteerPlansService } from '../steer.types.js';

const tags = ['steer'];

export function registerPlansRoutes(app: FastifyInstance, plans: SteerPlansService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/steer/plans',
    {
      ...base,
      schema: {
        tags,
        summary: 'Plans the caller sees (issued by a unit in scope, or holding a task of one)',
        querystring: PlanListQuerySchema,
        response: { 200: PlanListSchema },
      },
    },
    async (request) => plans.list(request.actor, request.query),
  );
  r.post(
    '/api/steer/plans',
    {
      ...base,
      schema: {
        tags,
        summary: 'Create a draft plan',
        body: PlanInputSchema,
        response: { 201: PlanViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return plans.create(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/steer/plans/:id',
    {
      ...base,
      schema: { tags, summary: 'A plan', params: IdParamsSchema, response: { 200: PlanViewSchema } },
    },
    async (request) => plans.get(request.actor, request.params.id),
  );
  r.patch(
    '/api/steer/plans/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Edit a plan (not once superseded)',
        params: IdParamsSchema,
        body: PlanPatchSchema,
        response: { 200: PlanViewSchema },
      },
    },
    async (request) => plans.update(auditContextOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/steer/plans/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Delete a draft plan without tasks',
        params: IdParamsSchema,
      },
    },
    async (request, reply) => {
      await plans.remove(auditContextOf(request), request.params.id);
      reply.code(204);
    },
  );
  r.post(
    '/api/steer/plans/:id/issue',
    {
      ...base,
      schema: {
        tags,
        summary: 'Issue a draft plan',
        params: IdParamsSchema,
        response: { 200: PlanViewSchema },
      },
    },
    async (request) => plans.issue(auditContextOf(request), request.params.id),
  );
  r.post(
    '/api/steer/plans/:id/supersede',
    {
      ...base,
      schema: {
        tags,
        summary: 'Mark an issued plan as superseded by another issued plan',
        params: IdParamsSchema,
        body: SupersedeInputSchema,
        response: { 200: PlanViewSchema },
      },
    },
    async (request) =>
      plans.supersede(auditContextOf(request), request.params.id, request.body.supersededById),
  );
  r.get(
    '/api/steer/plans/:id/tree',
    {
      ...base,
      schema: {
        tags,
        summary: 'The plan, its task groups and the tasks the caller sees, with status as of a date',
        params: IdParamsSchema,
        querystring: AsOfQuerySchema,
        response: { 200: PlanTreeSchema },
      },
    },
    async (request) => plans.tree(request.actor, request.params.id, request.query.asOf),
  );
  r.post(
    '/api/steer/plans/:id/groups',
    {
      ...base,
      schema: {
        tags,
        summary: 'Add a task group (I, II, …) to a plan',
        params: IdParamsSchema,
        body: GroupInputSchema,
        response: { 201: GroupViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return plans.addGroup(auditContextOf(request), request.params.id, request.body);
    },
  );
  r.patch(
    '/api/steer/plans/:id/groups/:groupId',
    {
      ...base,
      schema: {
        tags,
        summary: 'Edit a task group',
        params: PlanGroupParamsSchema,
        body: GroupPatchSchema,
        response: { 200: GroupViewSchema },
      },
    },
    async (request) =>
      plans.updateGroup(auditContextOf(request), request.params.id, request.params.groupId, request.body),
  );
  r.delete(
    '/api/steer/plans/:id/groups/:groupId',
    {
      ...base,
      schema: {
        tags,
        summary: 'Delete an empty task group',
        params: PlanGroupParamsSchema,
      },
    },
    async (request, reply) => {
      await plans.removeGroup(auditContextOf(request), request.params.id, request.params.groupId);
      reply.code(204);
    },
  );
}
