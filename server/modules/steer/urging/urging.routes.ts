import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  LetterListQuerySchema,
  LetterListSchema,
  LetterParamsSchema,
  LetterPreviewSchema,
  LetterSchema,
  ReminderLogQuerySchema,
  ReminderLogSchema,
  ReminderSettingsInputSchema,
  ReminderSettingsSchema,
  SendLetterSchema,
  UnitParamsSchema,
  UrgingUnitsQuerySchema,
  UrgingUnitsSchema,
} from '../../../../core/contracts/steer-urging.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { SteerUrgingService } from './urging.types.js';

const tags = ['steer'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerUrgingRoutes(app: FastifyInstance, urging: SteerUrgingService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/steer/urging/units',
    {
      ...base,
      schema: {
        tags,
        summary: 'Units the caller may urge that have overdue or due-soon tasks, most urgent first',
        querystring: UrgingUnitsQuerySchema,
        response: { 200: UrgingUnitsSchema },
      },
    },
    async (request) => urging.units(request.actor, request.query.asOf),
  );
  r.get(
    '/api/steer/urging/units/:unitId/preview',
    {
      ...base,
      schema: {
        tags,
        summary: 'What an urging letter to the unit would list today',
        params: UnitParamsSchema,
        response: { 200: LetterPreviewSchema },
      },
    },
    async (request) => urging.preview(request.actor, request.params.unitId),
  );
  r.post(
    '/api/steer/urging/units/:unitId/letters',
    {
      ...base,
      schema: {
        tags,
        summary: 'Send an urging letter (văn bản đôn đốc) to the unit: logged, audited, the unit notified',
        params: UnitParamsSchema,
        body: SendLetterSchema,
        response: { 201: LetterSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return urging.send(auditContextOf(request), request.params.unitId, request.body);
    },
  );
  r.get(
    '/api/steer/urging/letters',
    {
      ...base,
      schema: {
        tags,
        summary: 'Urging letters sent to units the caller reads, newest first',
        querystring: LetterListQuerySchema,
        response: { 200: LetterListSchema },
      },
    },
    async (request) => urging.letters(request.actor, request.query),
  );
  r.get(
    '/api/steer/urging/letters/:id/letter.docx',
    {
      ...base,
      schema: {
        tags,
        summary: 'An urging letter as it was sent (DOCX, Decree 30 administrative format)',
        params: LetterParamsSchema,
      },
    },
    async (request, reply) => {
      const file = await urging.letterDocx(request.actor, request.params.id);
      return sendDownload(reply, { fileName: file.fileName, mime: DOCX_MIME, body: file.data });
    },
  );
  r.get(
    '/api/steer/urging/reminders',
    {
      ...base,
      schema: {
        tags,
        summary: 'Reminders sent about the tasks a unit leads, newest first',
        querystring: ReminderLogQuerySchema,
        response: { 200: ReminderLogSchema },
      },
    },
    async (request) => urging.reminders(request.actor, request.query),
  );
  r.get(
    '/api/steer/urging/settings',
    {
      ...base,
      schema: {
        tags,
        summary: 'When reminders are sent (days before, every N days overdue, before report cut-offs)',
        response: { 200: ReminderSettingsSchema },
      },
    },
    async (request) => urging.settings(request.actor),
  );
  r.put(
    '/api/steer/urging/settings',
    {
      ...base,
      schema: {
        tags,
        summary: 'Change when reminders are sent (the province secretariat)',
        body: ReminderSettingsInputSchema,
        response: { 200: ReminderSettingsSchema },
      },
    },
    async (request) => urging.updateSettings(auditContextOf(request), request.body),
  );
}
