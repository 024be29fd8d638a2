import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MarkReadBodySchema,
  MarkReadResultSchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationPreferencesSchema,
  NotificationPreferencesUpdateSchema,
  UnreadCountSchema,
} from '../../../../core/contracts/notifications.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf, localeOf } from '../../../lib/request-context.js';
import type { NotificationCentre } from '../notifications.types.js';

const tags = ['notifications'];

export function registerCentreRoutes(app: FastifyInstance, centre: NotificationCentre) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = rejectAnonymous;

  r.get(
    '/api/notifications',
    {
      onRequest,
      schema: {
        tags,
        summary: 'My notifications (unread first or newest first), in the language asked for',
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationPageSchema },
      },
    },
    (request) => centre.list(request.actor, request.query, localeOf(request)),
  );

  r.get(
    '/api/notifications/unread-count',
    {
      onRequest,
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCountSchema },
      },
    },
    (request) => centre.unreadCount(request.actor),
  );

  r.post(
    '/api/notifications/read',
    {
      onRequest,
      schema: {
        tags,
        operationId: 'markNotificationsRead',
        summary: 'Mark some of my notifications read (ids that are not mine are ignored)',
        body: MarkReadBodySchema,
        response: { 200: MarkReadResultSchema },
      },
    },
    (request) => centre.markRead(request.actor, auditContextOf(request), request.body.ids),
  );

  r.post(
    '/api/notifications/read-all',
    {
      onRequest,
      schema: {
        tags,
        operationId: 'markAllNotificationsRead',
        summary: 'Mark all my notifications read',
        response: { 200: MarkReadResultSchema },
      },
    },
    (request) => centre.markAllRead(request.actor, auditContextOf(request)),
  );

  r.get(
    '/api/notifications/preferences',
    {
      onRequest,
      schema: {
        tags,
        operationId: 'getNotificationPreferences',
        summary: 'How I receive notifications, per category (defaults where I chose nothing)',
        response: { 200: NotificationPreferencesSchema },
      },
    },
    (request) => centre.preferences(request.actor),
  );

  r.put(
    '/api/notifications/preferences',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Choose email (at once, daily digest, off) and webhook delivery per category',
        body: NotificationPreferencesUpdateSchema,
        response: { 200: NotificationPreferencesSchema },
      },
    },
    (request) => centre.updatePreferences(request.actor, auditContextOf(request), request.body),
  );
}
