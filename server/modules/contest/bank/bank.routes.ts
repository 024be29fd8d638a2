import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ImportQuerySchema,
  ImportResultSchema,
  QuestionInputSchema,
  QuestionListQuerySchema,
  QuestionListSchema,
  QuestionViewSchema,
} from '../../../../core/contracts/contest.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { BankService } from '../contest.types.js';

const tags = ['contest'];
const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
// 2 MB of xlsx as base64, or 1 MB of GIFT/Aiken text; the service checks the exact limits before parsing.
const ImportBodySchema = z.object({ content: z.string().min(1).max(3_000_000) });

export function registerBankRoutes(app: FastifyInstance, bank: BankService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/contest/questions',
    {
      ...base,
      schema: {
        tags,
        summary: 'The question bank of an organising unit',
        querystring: QuestionListQuerySchema,
        response: { 200: QuestionListSchema },
      },
    },
    async (request) => bank.list(request.actor, request.query),
  );
  r.post(
    '/api/contest/questions',
    {
      ...base,
      schema: {
        tags,
        summary: 'Add a question to the bank',
        body: QuestionInputSchema,
        response: { 201: QuestionViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return bank.create(auditContextOf(request), request.body);
    },
  );
  r.delete(
    '/api/contest/questions/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Archive a question (contests already open keep their copy)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await bank.archive(auditContextOf(request), request.params.id);
      reply.code(204);
    },
  );
  r.post(
    '/api/contest/questions/import',
    {
      ...base,
      bodyLimit: 3_200_000,
      schema: {
        tags,
        summary:
          'Import questions from GIFT, Aiken or xlsx (base64): preview every row with its errors, or commit the valid ones',
        querystring: ImportQuerySchema,
        body: ImportBodySchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => bank.importQuestions(auditContextOf(request), request.query, request.body.content),
  );
}
