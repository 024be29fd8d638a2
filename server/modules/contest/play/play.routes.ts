import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswersBodySchema,
  AttemptParamsSchema,
  AttemptViewSchema,
  LeaderboardQuerySchema,
  LeaderboardSchema,
  MeSchema,
  PublicContestSchema,
  RegisterBodySchema,
  RegisteredSchema,
  SlugParamsSchema,
  SubmittedSchema,
  UnitSearchQuerySchema,
  UnitSearchSchema,
  VerifyBodySchema,
} from '../../../../core/contracts/contest-public.js';
import { ChallengeSchema } from '../../../../core/contracts/feedback-public.js';
import { CITIZEN_COOKIE } from '../../sso/sso.module.js';
import type { ParticipantMeta, PlayService } from '../contest.types.js';

// Public routes of a contest (no account): the participant's bearer token travels in x-contest-token, never in
// a cookie, so no CSRF token is needed and another site cannot act for a participant.

const tags = ['contest-public'];
const P = '/api/public/contests/:slug';
const A = '/api/public/contest-attempts/:id';

const metaOf = (request: FastifyRequest): ParticipantMeta => {
  const token = request.headers['x-contest-token'];
  return {
    ip: request.ip,
    token: typeof token === 'string' ? token : undefined,
    // The browser's description, hashed by the service for the suspicion review (never stored as is).
    device: `${request.headers['user-agent'] ?? ''}|${request.headers['accept-language'] ?? ''}`,
    citizenToken: request.cookies?.[CITIZEN_COOKIE],
  };
};

export function registerPlayRoutes(app: FastifyInstance, play: PlayService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    P,
    {
      schema: {
        tags,
        summary: 'A contest’s landing: rules summary, rounds, groups, registration fields',
        params: SlugParamsSchema,
        response: { 200: PublicContestSchema },
      },
    },
    async (request) => play.contest(request.params.slug),
  );
  r.get(
    `${P}/units`,
    {
      schema: {
        tags,
        summary: 'Units of the contest by name, typed without diacritics',
        params: SlugParamsSchema,
        querystring: UnitSearchQuerySchema,
        response: { 200: UnitSearchSchema },
      },
    },
    async (request) => play.searchUnits(request.params.slug, request.query.q),
  );
  r.get(
    `${P}/challenge`,
    {
      schema: {
        tags,
        summary: 'A proof-of-work challenge for the next registration (self-hosted, no third party)',
        params: SlugParamsSchema,
        response: { 200: ChallengeSchema },
      },
    },
    async (request) => play.challenge(request.params.slug, request.ip),
  );
  r.post(
    `${P}/register`,
    {
      schema: {
        tags,
        summary: 'Register (fields as configured; unique ones enforced); returns the participant token',
        params: SlugParamsSchema,
        body: RegisterBodySchema,
        response: { 201: RegisteredSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return play.register(request.params.slug, request.body, metaOf(request));
    },
  );
  r.post(
    `${P}/otp`,
    {
      schema: {
        tags,
        summary: 'Send a new one-time code to the participant’s email',
        params: SlugParamsSchema,
        response: { 204: z.null().describe('No content') },
      },
    },
    async (request, reply) => {
      await play.requestOtp(request.params.slug, metaOf(request));
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${P}/verify`,
    {
      schema: {
        tags,
        summary: 'Verify the one-time code',
        params: SlugParamsSchema,
        body: VerifyBodySchema,
        response: { 200: MeSchema },
      },
    },
    async (request) => play.verify(request.params.slug, request.body.code, metaOf(request)),
  );
  r.get(
    `${P}/me`,
    {
      schema: {
        tags,
        summary: 'The participant (CCCD and phone masked), attempts and results',
        params: SlugParamsSchema,
        response: { 200: MeSchema },
      },
    },
    async (request) => play.me(request.params.slug, metaOf(request)),
  );
  r.post(
    `${P}/attempts`,
    {
      schema: {
        tags,
        summary: 'Start an attempt in the open round (or resume the one running)',
        params: SlugParamsSchema,
        response: { 200: AttemptViewSchema },
      },
    },
    async (request) => play.start(request.params.slug, metaOf(request)),
  );
  r.get(
    `${P}/leaderboard`,
    {
      schema: {
        tags,
        summary: 'A round’s board for a group: provisional while it runs, final after close; names masked',
        params: SlugParamsSchema,
        querystring: LeaderboardQuerySchema,
        response: { 200: LeaderboardSchema },
      },
    },
    async (request) => play.leaderboard(request.params.slug, request.query),
  );
  r.get(
    A,
    {
      schema: {
        tags,
        summary: 'The participant’s own attempt (resume)',
        params: AttemptParamsSchema,
        response: { 200: AttemptViewSchema },
      },
    },
    async (request) => play.attempt(request.params.id, metaOf(request)),
  );
  r.put(
    `${A}/answers`,
    {
      schema: {
        tags,
        summary: 'Autosave answers and the prediction while the attempt is open',
        params: AttemptParamsSchema,
        body: AnswersBodySchema,
        response: { 200: AttemptViewSchema },
      },
    },
    async (request) => play.save(request.params.id, request.body, metaOf(request)),
  );
  r.post(
    `${A}/submit`,
    {
      schema: {
        tags,
        summary: 'Submit once (a second submit returns the first result); late answers are cut',
        params: AttemptParamsSchema,
        body: AnswersBodySchema,
        response: { 200: SubmittedSchema },
      },
    },
    async (request) => play.submit(request.params.id, request.body, metaOf(request)),
  );
}
