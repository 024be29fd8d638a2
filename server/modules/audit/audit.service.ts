import type { Actor } from '../../lib/actor.js';
import { actorLabel } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { maskPersonalData } from '../../lib/mask.js';
import type { AuditFilter, AuditRepository, Executor } from './audit.repository.js';

// The audit log: every write in every module records who, when, from where, what, before and after.
// Services call record() inside the same transaction as the write, so the two commit or fail together.

export type AuditContext = { actor: Actor | null; ip?: string | null; requestId?: string | null };

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

// Secrets never enter the audit log, whatever a service passes.
const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'token', 'csrfToken', 'newPassword']);

function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, stripSecrets(v)]),
    );
  }
  return value;
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(maskPersonalData(stripSecrets(value)));
}

export function createAuditService({ repo, clock }: { repo: AuditRepository; clock: Clock }) {
  return {
    async record(exec: Executor, ctx: AuditContext, entry: AuditEntry) {
      const actor = ctx.actor;
      await repo.insert(exec, {
        at: clock.now().toISOString(),
        actorUserId: actor ? actor.userId : null,
        actorTokenId: actor?.kind === 'token' ? actor.tokenId : null,
        actorLabel: actorLabel(actor),
        ip: ctx.ip ?? null,
        requestId: ctx.requestId ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
        beforeJson: toJson(entry.before),
        afterJson: toJson(entry.after),
      });
    },
    list: (filter: AuditFilter) => repo.list(filter),
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
