import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AsOfQuerySchema,
  ExtensionDecisionSchema,
  ExtensionInputSchema,
  ExtensionParamsSchema,
  ExtensionViewSchema,
  IdParamsSchema,
  TaskDetailSchema,
  TaskInputSchema,
  TaskListQuerySchema,
  TaskListSchema,
  TaskPatchSchema,
  TaskViewSchema,
  TransitionInputSchema,
} from '../../../../core/contracts/steer-tasks.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { SteerTasksService } from '../steer.types.js';

const tags = ['steer'];

export function registerTasksRoutes(app: FastifyInstance, tasks: SteerTasksService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/steer/tasks',
    {
      ...base,
      schema: {
        tags,
        summary:
          'Tasks in the caller’s scope with their status as of a date; filters: plan, unit (lead or coordinator, subtree), status, key, due range',
        querystring: TaskListQuerySchema,
        response: { 200: TaskListSchema },
      },
    },
    async (request) => tasks.listTasks(request.actor, request.query),
  );
  r.post(
    '/api/steer/tasks',
    {
      ...base,
      schema: {
        tags,
        summary: 'Assign a task (in a plan, or from the owner unit): one lead unit, the deadline as written',
        body: TaskInputSchema,
        response: { 201: TaskViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return tasks.createTask(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/steer/tasks/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'The task page: task, sub-tasks, progress, extensions, history and what the caller may do',
        params: IdParamsSchema,
        querystring: AsOfQuerySchema,
        response: { 200: TaskDetailSchema },
      },
    },
    async (request) => tasks.detail(request.actor, request.params.id, request.query.asOf),
  );
  r.patch(
    '/api/steer/tasks/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Edit a task (secretariat); every change is kept in its history',
        params: IdParamsSchema,
        body: TaskPatchSchema,
        response: { 200: TaskViewSchema },
      },
    },
    async (request) => tasks.updateTask(auditContextOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/steer/tasks/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Delete a task with nothing reported (and its sub-tasks)',
        params: IdParamsSchema,
      },
    },
    async (request, reply) => {
      await tasks.deleteTask(auditContextOf(request), request.params.id);
      reply.code(204);
    },
  );
  r.post(
    '/api/steer/tasks/:id/transitions',
    {
      ...base,
      schema: {
        tags,
        summary:
          'Lifecycle: start or report done (lead unit, with evidence); verify, return, pause, resume, cancel (secretariat)',
        params: IdParamsSchema,
        body: TransitionInputSchema,
        response: { 200: TaskViewSchema },
      },
    },
    async (request) => tasks.transition(auditContextOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/steer/tasks/:id/extensions',
    {
      ...base,
      schema: {
        tags,
        summary: 'Request a new deadline (lead unit, with a reason; not in the past)',
        params: IdParamsSchema,
        body: ExtensionInputSchema,
        response: { 201: ExtensionViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return tasks.requestExtension(auditContextOf(request), request.params.id, request.body);
    },
  );
  r.post(
    '/api/steer/tasks/:id/extensions/:extensionId/decision',
    {
      ...base,
      schema: {
        tags,
        summary: 'Approve or refuse an extension request (steer.approve on the owner unit)',
        params: ExtensionParamsSchema,
        body: ExtensionDecisionSchema,
        response: { 200: ExtensionViewSchema },
      },
    },
    async (request) =>
      tasks.decideExtension(
        auditContextOf(request),
        request.params.id,
        request.params.extensionId,
        request.body,
      ),
  );
}
