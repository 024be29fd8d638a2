import type { Kysely } from 'kysely';
import { userSearchName } from '../../../core/contracts/accounts.js';
import { containsInsensitive } from '../../db/like.js';
import type { DB } from '../../db/schema.js';
import { topLevelUnitsAmong } from '../../lib/unit-ancestors.js';

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  actorUserId?: number;
  actor?: string;
  /** Rows about this unit or any unit below it (unit_closure, lineage included). */
  unitId?: number;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
  limit: number;
  beforeId?: number;
};

// Reads of the audit log; rows are written by lib/audit.ts in each write's own transaction.
export function createAuditRepository(db: Kysely<DB>) {
  return {
    list: (f: AuditFilter) => {
      let q = db.selectFrom('auditLog').selectAll();
      if (f.entity) q = q.where('entity', '=', f.entity);
      if (f.entityId) q = q.where('entityId', '=', f.entityId);
      if (f.actorUserId) q = q.where('actorUserId', '=', f.actorUserId);
      if (f.actor) {
        const text = f.actor;
        q = q.where((eb) =>
          eb.or([
            containsInsensitive('actorLabel', text),
            eb(
              'actorUserId',
              'in',
              eb
                .selectFrom('users')
                .select('users.id')
                .where((u) =>
                  u.or([
                    containsInsensitive('users.fullName', text),
                    containsInsensitive('users.searchName', userSearchName(text)),
                  ]),
                ),
            ),
          ]),
        );
      }
      if (f.unitId) {
        const unitId = f.unitId;
        q = q.where('unitId', 'in', (eb) =>
          eb.selectFrom('unitClosure').select('descendantId').where('ancestorId', '=', unitId),
        );
      }
      if (f.action) q = q.where('action', '=', f.action);
      if (f.from) q = q.where('at', '>=', f.from);
      if (f.to) q = q.where('at', '<', f.to);
      if (f.q) {
        const text = f.q;
        q = q.where((eb) =>
          eb.or(['actorLabel', 'action', 'entity', 'entityId'].map((c) => containsInsensitive(c, text))),
        );
      }
      if (f.beforeId) q = q.where('id', '<', f.beforeId);
      return q.orderBy('id', 'desc').limit(f.limit).execute();
    },
    /** Names (or e-mails when the name is blank) of the users with these ids. */
    async userNames(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('users')
        .select(['id', 'fullName', 'email'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.fullName.trim() || r.email]));
    },
    /** Those of `unitIds` that are roots of the unit tree (no parent). */
    topLevelAmong: (unitIds: number[]) => topLevelUnitsAmong(db, unitIds),
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
