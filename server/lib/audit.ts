import type { Selectable } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { AuditLogTable } from '../db/schema.js';
import type { Actor } from './actor.js';
import { actorLabel } from './actor.js';
import type { Clock } from './clock.js';
import { maskPersonalData } from './mask.js';

// The audit log: every write in every module records who, when, from where, what, before and after.
// Services call record() inside the same transaction as the write, so the two commit or fail together.
// It lives below the modules because every module writes through it; the audit module only reads the log.

export type AuditContext = { actor: Actor | null; ip?: string | null; requestId?: string | null };

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** The unit the object belongs to, when the object's own fields do not say it (see `unitOfEntry`). */
  unitId?: number | null;
};

// Keys that name the unit an object belongs to, in order of preference, as the modules' rows spell them.
const UNIT_KEYS = ['unitId', 'leadUnitId', 'ownerUnitId', 'issuingUnitId'] as const;

function unitIn(value: unknown): number | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  for (const key of UNIT_KEYS) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  }
  return null;
}

/**
 * The unit an audit row concerns, so the log can be filtered by unit: the one the service names, else the unit
 * itself for a unit's rows, else the unit field of the object after (or before) the change.
 */
export function unitOfEntry(entry: AuditEntry): number | null {
  if (entry.unitId) return entry.unitId;
  if (entry.entity === 'unit' && entry.entityId !== undefined && entry.entityId !== null) {
    const id = Number(entry.entityId);
    if (Number.isSafeInteger(id) && id > 0) return id;
  }
  return unitIn(entry.after) ?? unitIn(entry.before);
}

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

/** One audit entry as written; the id is assigned by the database. */
export type AuditRow = Omit<Selectable<AuditLogTable>, 'id'>;

/** How a module finds the unit of one of its entities from the entity's id (read in the write's transaction). */
export type UnitOfEntity = (exec: Executor, entityId: string) => Promise<number | null | undefined>;

export function createAuditService({ clock }: { clock: Clock }) {
  const unitResolvers = new Map<string, UnitOfEntity>();
  return {
    /**
     * A module whose audit rows do not carry their unit in `before`/`after` (a submission's rows hold only its
     * status) says here how to find it, once at wiring, so the log can be filtered by unit.
     */
    registerUnitOf(entity: string, resolve: UnitOfEntity) {
      unitResolvers.set(entity, resolve);
    },
    async record(exec: Executor, ctx: AuditContext, entry: AuditEntry) {
      await exec
        .insertInto('auditLog')
        .values(await rowOf(exec, ctx, entry))
        .execute();
    },
    /**
     * Several entries in one INSERT (the rows as record() would write them, in order): for a hot path whose
     * writes are grouped into one transaction (server/lib/group-commit.ts), one statement instead of one each.
     */
    async recordMany(exec: Executor, entries: { ctx: AuditContext; entry: AuditEntry }[]) {
      const rows: AuditRow[] = [];
      for (const { ctx, entry } of entries) rows.push(await rowOf(exec, ctx, entry));
      // 12 columns a row: 500 rows stay far under PostgreSQL's 65,535 parameters and SQLite's 32,766.
      for (let i = 0; i < rows.length; i += 500)
        await exec
          .insertInto('auditLog')
          .values(rows.slice(i, i + 500))
          .execute();
    },
  };
  async function rowOf(exec: Executor, ctx: AuditContext, entry: AuditEntry): Promise<AuditRow> {
    const actor = ctx.actor;
    const resolver = unitResolvers.get(entry.entity);
    let unitId = unitOfEntry(entry);
    if (unitId === null && resolver && entry.entityId !== undefined && entry.entityId !== null) {
      unitId = (await resolver(exec, String(entry.entityId))) ?? null;
    }
    return {
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
      unitId,
    };
  }
}
export type AuditService = ReturnType<typeof createAuditService>;
