import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CommunityIdParamsSchema,
  MemberEndSchema,
  MemberInputSchema,
  MemberViewSchema,
  TeamDetailSchema,
  TeamInputSchema,
  TeamListQuerySchema,
  TeamListSchema,
  TeamMemberParamsSchema,
} from '../../../../core/contracts/community.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { TeamsService } from '../community.types.js';

const tags = ['community'];

export function registerTeamsRoutes(app: FastifyInstance, teams: TeamsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/community/teams',
    {
      ...base,
      schema: {
        tags,
        summary: 'Community digital technology teams of a commune (or of every commune below a unit)',
        querystring: TeamListQuerySchema,
        response: { 200: TeamListSchema },
      },
    },
    async (request) => teams.list(request.actor, request.query),
  );
  r.post(
    '/api/community/teams',
    {
      ...base,
      schema: {
        tags,
        summary: 'Register a team of a village or residential group (its establishing decision)',
        body: TeamInputSchema,
        response: { 201: TeamDetailSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return teams.create(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/community/teams/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'A team with its members (phones whole only for people of the commune)',
        params: CommunityIdParamsSchema,
        response: { 200: TeamDetailSchema },
      },
    },
    async (request) => teams.get(request.actor, request.params.id),
  );
  r.put(
    '/api/community/teams/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Correct a team (name, decision, status, village)',
        params: CommunityIdParamsSchema,
        body: TeamInputSchema,
        response: { 200: TeamDetailSchema },
      },
    },
    async (request) => teams.update(auditContextOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/community/teams/:id/members',
    {
      ...base,
      schema: {
        tags,
        summary: 'Add a member (a person already on another team is recognised by phone)',
        params: CommunityIdParamsSchema,
        body: MemberInputSchema,
        response: { 201: MemberViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return teams.addMember(auditContextOf(request), request.params.id, request.body);
    },
  );
  r.post(
    '/api/community/teams/:id/members/:memberId/end',
    {
      ...base,
      schema: {
        tags,
        summary: 'A member leaves the team on a date',
        params: TeamMemberParamsSchema,
        body: MemberEndSchema,
        response: { 200: MemberViewSchema },
      },
    },
    async (request) =>
      teams.endMember(
        auditContextOf(request),
        request.params.id,
        request.params.memberId,
        request.body.endDate,
      ),
  );
}
