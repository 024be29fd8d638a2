import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PublicCommunesSchema,
  PublicTeamsQuerySchema,
  PublicTeamsSchema,
  RollupQuerySchema,
  RollupSchema,
  TargetsPutSchema,
  TargetsQuerySchema,
  TargetsSchema,
} from '../../../../core/contracts/community.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import { sendSharedBody } from '../../../lib/shared-body.js';
import type { PublicCommunityService, RollupsService } from '../community.types.js';

const tags = ['community'];

export function registerRollupsRoutes(app: FastifyInstance, rollups: RollupsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };
  r.get(
    '/api/community/targets',
    {
      ...base,
      schema: {
        tags,
        summary: "A commune's targets for a year (teams, sessions, people reached, per skill)",
        querystring: TargetsQuerySchema,
        response: { 200: TargetsSchema },
      },
    },
    async (request) => rollups.getTargets(request.actor, request.query.communeId, request.query.year),
  );
  r.put(
    '/api/community/targets',
    {
      ...base,
      schema: {
        tags,
        summary: "Set a commune's targets for a year",
        body: TargetsPutSchema,
        response: { 200: TargetsSchema },
      },
    },
    async (request) => rollups.putTargets(auditContextOf(request), request.body),
  );
  r.get(
    '/api/community/rollup',
    {
      ...base,
      schema: {
        tags,
        summary: 'Monthly roll-up of a commune or of every commune below a unit, with laggard communes',
        querystring: RollupQuerySchema,
        response: { 200: RollupSchema },
      },
    },
    // The body comes serialised from the roll-up cache (already checked against RollupSchema there, encoded
    // once): bytes are sent as they are, not serialised again, and compressed once per encoding (shared-body.ts).
    async (request, reply) =>
      sendSharedBody(
        request,
        reply.type('application/json; charset=utf-8'),
        await rollups.rollupBody(request.actor, request.query),
      ),
  );
}

export function registerPublicCommunityRoutes(app: FastifyInstance, reads: PublicCommunityService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/community/communes',
    {
      schema: {
        tags: ['public'],
        summary: 'Communes with community digital technology teams (anonymous)',
        response: { 200: PublicCommunesSchema },
      },
    },
    // Sent as the cache's checked JSON bytes (see the roll-up route).
    async (request, reply) =>
      sendSharedBody(
        request,
        reply.header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8'),
        await reads.communesBody(),
      ),
  );
  r.get(
    '/api/public/community/teams',
    {
      schema: {
        tags: ['public'],
        summary: "A commune's active teams with a masked contact (anonymous)",
        querystring: PublicTeamsQuerySchema,
        response: { 200: PublicTeamsSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return reads.teams(request.query.communeId);
    },
  );
}
