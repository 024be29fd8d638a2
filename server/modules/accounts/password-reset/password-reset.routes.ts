import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PasswordResetConfirmBodySchema,
  PasswordResetRequestBodySchema,
} from '../../../../core/contracts/accounts.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { PasswordResetService } from '../accounts.types.js';

const tags = ['auth'];
const NoContent = z.null().describe('No content');

export function registerPasswordResetRoutes(app: FastifyInstance, resets: PasswordResetService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  if (!resets.hasLinkBase())
    app.log.warn('PUBLIC_URL is not set: password reset and invitation mails are refused until it is');

  r.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags,
        summary: 'Email a password reset link (always 202)',
        body: PasswordResetRequestBodySchema,
        response: { 202: NoContent },
      },
    },
    async (request, reply) => {
      // Outside the try: a missing PUBLIC_URL is the same for every address, so saying so reveals nothing.
      resets.requireLinkBase();
      try {
        await resets.request(request.body.email, auditContextOf(request));
      } catch (err) {
        // A failing mail server must not tell the caller whether the address has an account.
        request.log.error({ err }, 'password reset mail failed');
      }
      return reply.code(202).send(null);
    },
  );

  r.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with a reset token',
        body: PasswordResetConfirmBodySchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await resets.confirm(request.body.token, request.body.newPassword, auditContextOf(request));
      return reply.code(204).send(null);
    },
  );
}
