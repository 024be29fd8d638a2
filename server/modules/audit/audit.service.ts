import type { AuditItem } from '../../../core/contracts/accounts.js';
import { requireSignedIn } from '../../lib/access-guard.js';
import { scopeRootsFor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { canReadAuditLog } from './audit.policy.js';
import type { AuditReadDeps, AuditReadService } from './audit.types.js';

// Browsing the audit log. There is deliberately no operation that changes or deletes audit rows, and the
// database rejects UPDATE and DELETE on audit_log by trigger.

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const iso = (v?: string) => (v ? new Date(v).toISOString() : undefined);

export function createAuditReadService({ repo }: AuditReadDeps): AuditReadService {
  return {
    async list(actor, q) {
      const signedIn = requireSignedIn(actor);
      const topLevel = await repo.topLevelAmong(scopeRootsFor(signedIn, 'audit.read'));
      if (!canReadAuditLog(signedIn, topLevel)) throw new AppError('FORBIDDEN');
      const rows = await repo.list({ ...q, from: iso(q.from), to: iso(q.to) });
      const userIds = rows.filter((r) => r.entity === 'user' && r.entityId).map((r) => Number(r.entityId));
      const names = await repo.userNames([...new Set(userIds)].filter(Number.isSafeInteger));
      const items: AuditItem[] = rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorLabel: r.actorLabel,
        actorUserId: r.actorUserId,
        ip: r.ip,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        entityLabel: r.entity === 'user' && r.entityId ? (names.get(Number(r.entityId)) ?? null) : null,
        unitId: r.unitId,
        before: parseJson(r.beforeJson),
        after: parseJson(r.afterJson),
      }));
      return { items, nextBeforeId: rows.length === q.limit ? rows[rows.length - 1].id : null };
    },
  };
}
