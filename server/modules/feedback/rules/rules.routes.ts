import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FeedbackCalendarDayInputSchema,
  FeedbackCalendarDayParamsSchema,
  FeedbackCalendarDaySchema,
  FeedbackCalendarQuerySchema,
  FeedbackCalendarSchema,
  FeedbackIdParamsSchema,
  FeedbackRoutingRuleInputSchema,
  FeedbackRoutingRuleListSchema,
  FeedbackRoutingRuleSchema,
} from '../../../../core/contracts/feedback.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { FeedbackRulesService } from '../feedback.types.js';

const tags = ['feedback'];
const NoContent = z.null().describe('No content');

export function registerFeedbackRulesRoutes(app: FastifyInstance, rules: FeedbackRulesService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/feedback/calendar',
    {
      ...base,
      schema: {
        tags,
        summary: "A year's days off and swapped working days (the calendar deadlines count on)",
        querystring: FeedbackCalendarQuerySchema,
        response: { 200: FeedbackCalendarSchema },
      },
    },
    async (request) => rules.calendar(request.actor, request.query.year),
  );
  r.put(
    '/api/feedback/calendar/:day',
    {
      ...base,
      schema: {
        tags,
        summary: 'Mark a day as a holiday (a weekday off) or a working day (a weekend day worked)',
        params: FeedbackCalendarDayParamsSchema,
        body: FeedbackCalendarDayInputSchema,
        response: { 200: FeedbackCalendarDaySchema },
      },
    },
    async (request) => rules.setCalendarDay(auditContextOf(request), request.params.day, request.body),
  );
  r.delete(
    '/api/feedback/calendar/:day',
    {
      ...base,
      schema: {
        tags,
        summary: 'Remove a day from the calendar (it follows the weekday rule again)',
        params: FeedbackCalendarDayParamsSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await rules.deleteCalendarDay(auditContextOf(request), request.params.day);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/api/feedback/routing-rules',
    {
      ...base,
      schema: {
        tags,
        summary: 'Routing rules: category × area → handling unit',
        response: { 200: FeedbackRoutingRuleListSchema },
      },
    },
    async (request) => rules.routingRules(request.actor),
  );
  r.post(
    '/api/feedback/routing-rules',
    {
      ...base,
      schema: {
        tags,
        summary: 'Add a routing rule (one per category and area)',
        body: FeedbackRoutingRuleInputSchema,
        response: { 201: FeedbackRoutingRuleSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return rules.createRoutingRule(auditContextOf(request), request.body);
    },
  );
  r.delete(
    '/api/feedback/routing-rules/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Remove a routing rule',
        params: FeedbackIdParamsSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await rules.deleteRoutingRule(auditContextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
