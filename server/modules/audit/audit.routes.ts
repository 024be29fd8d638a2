import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type AuditItem, AuditPageSchema, AuditQuerySchema } from '../../../core/contracts/accounts.js';
import type { Deps } from '../../deps.js';
import { scopeRootsFor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { requireActor } from '../../lib/request-context.js';
import { requireSignedIn } from '../../plugins/auth.js';
import { canReadAuditLog } from '../accounts/accounts.policy.js';
import { createUnitScopeRepository } from '../accounts/unit-scope.repository.js';

// Browsing the audit log. There is deliberately no route that changes or deletes audit rows, and the
// database rejects UPDATE and DELETE on audit_log by trigger.

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function registerAuditModule(app: FastifyInstance, deps: Pick<Deps, 'db' | 'audit'>) {
  const units = createUnitScopeRepository(deps.db);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: ['audit'],
        summary: 'Browse and filter the audit log (newest first)',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const topLevel = await units.topLevelAmong(scopeRootsFor(actor, 'audit.read'));
      if (!canReadAuditLog(actor, topLevel)) throw new AppError('FORBIDDEN');
      const q = request.query;
      const iso = (v?: string) => (v ? new Date(v).toISOString() : undefined);
      const rows = await deps.audit.list({ ...q, from: iso(q.from), to: iso(q.to) });
      const items: AuditItem[] = rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorLabel: r.actorLabel,
        actorUserId: r.actorUserId,
        ip: r.ip,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: parseJson(r.beforeJson),
        after: parseJson(r.afterJson),
      }));
      return { items, nextBeforeId: rows.length === q.limit ? rows[rows.length - 1].id : null };
    },
  );
}
