import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ContestIdParamsSchema,
  ContestInputSchema,
  ContestListQuerySchema,
  ContestListSchema,
  ContestPatchSchema,
  ContestResultsSchema,
  ContestViewSchema,
  ParticipationSchema,
  ResultsQuerySchema,
} from '../../../../core/contracts/contest.js';
import { sendDownload } from '../../../lib/download.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { ContestsService } from '../contest.types.js';

const tags = ['contest'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RoundParams = ContestIdParamsSchema.extend({ roundKey: z.string().min(1).max(32) });

export function registerContestsRoutes(app: FastifyInstance, contests: ContestsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/contest/contests',
    {
      ...base,
      schema: {
        tags,
        summary: 'Contests of the units in the caller’s scope',
        querystring: ContestListQuerySchema,
        response: { 200: ContestListSchema },
      },
    },
    async (request) => contests.list(request.actor, request.query),
  );
  r.post(
    '/api/contest/contests',
    {
      ...base,
      schema: {
        tags,
        summary: 'Create a draft contest with its configuration',
        body: ContestInputSchema,
        response: { 201: ContestViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return contests.create(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/contest/contests/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'A contest, its configuration and the generated rules summary',
        params: ContestIdParamsSchema,
        response: { 200: ContestViewSchema },
      },
    },
    async (request) => contests.get(request.actor, request.params.id),
  );
  r.put(
    '/api/contest/contests/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Edit a draft contest (409 once it is open: the configuration is frozen)',
        params: ContestIdParamsSchema,
        body: ContestPatchSchema,
        response: { 200: ContestViewSchema },
      },
    },
    async (request) => contests.update(auditContextOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/contest/contests/:id/open',
    {
      ...base,
      schema: {
        tags,
        summary: 'Open a draft contest: its configuration and a copy of the questions freeze',
        params: ContestIdParamsSchema,
        response: { 200: ContestViewSchema },
      },
    },
    async (request) => contests.open(auditContextOf(request), request.params.id),
  );
  r.post(
    '/api/contest/contests/:id/rounds/:roundKey/close',
    {
      ...base,
      schema: {
        tags,
        summary:
          'Close an ended round: prediction value, final ranking, prizes, published; participants told',
        params: RoundParams,
        response: { 200: ContestResultsSchema },
      },
    },
    async (request) =>
      contests.closeRound(auditContextOf(request), request.params.id, request.params.roundKey),
  );
  r.post(
    '/api/contest/contests/:id/close',
    {
      ...base,
      schema: {
        tags,
        summary: 'Close the contest: ended rounds, collective prizes, participation KPI',
        params: ContestIdParamsSchema,
        response: { 200: ContestViewSchema },
      },
    },
    async (request) => contests.close(auditContextOf(request), request.params.id),
  );
  r.get(
    '/api/contest/contests/:id/results',
    {
      ...base,
      schema: {
        tags,
        summary: 'Final results of the closed rounds and the collective table',
        params: ContestIdParamsSchema,
        querystring: ResultsQuerySchema,
        response: { 200: ContestResultsSchema },
      },
    },
    async (request) => contests.results(request.actor, request.params.id, request.query.limit),
  );
  r.get(
    '/api/contest/contests/:id/participation',
    {
      ...base,
      schema: {
        tags,
        summary: 'Participants and attempts by group and by unit against its headcount',
        params: ContestIdParamsSchema,
        response: { 200: ParticipationSchema },
      },
    },
    async (request) => contests.participation(request.actor, request.params.id),
  );
  r.get(
    '/api/contest/contests/:id/results.xlsx',
    {
      ...base,
      schema: {
        tags,
        summary: 'The winners list and the collective table as xlsx (organisers only)',
        params: ContestIdParamsSchema,
      },
    },
    async (request, reply) => {
      const file = await contests.exportResults(request.actor, request.params.id);
      return sendDownload(reply, { fileName: file.fileName, mime: XLSX, body: file.body });
    },
  );
}
