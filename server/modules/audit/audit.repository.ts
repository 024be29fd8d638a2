import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditLogTable, DB } from '../../db/schema.js';
import { containsInsensitive } from '../accounts/like.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/** One audit entry as written; the id is assigned by the database. */
export type AuditRow = Omit<Selectable<AuditLogTable>, 'id'>;

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  actorUserId?: number;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
  limit: number;
  beforeId?: number;
};

export function createAuditRepository(db: Kysely<DB>) {
  return {
    insert: (exec: Executor, row: AuditRow) => exec.insertInto('auditLog').values(row).execute(),
    list: (f: AuditFilter) => {
      let q = db.selectFrom('auditLog').selectAll();
      if (f.entity) q = q.where('entity', '=', f.entity);
      if (f.entityId) q = q.where('entityId', '=', f.entityId);
      if (f.actorUserId) q = q.where('actorUserId', '=', f.actorUserId);
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
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
