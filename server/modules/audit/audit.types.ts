import type { AuditPage, AuditQuery } from '../../../core/contracts/accounts.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditRepository } from './audit.repository.js';

// The module's types: what it needs from the container and what its services offer. Services implement these
// types and routes depend on them, so no route or service imports another service file (no type-only cycles).

/** What the audit module needs from the container. */
export type AuditModuleDeps = Pick<Deps, 'db'>;

/** The reading service's own dependencies: only its repository. */
export type AuditReadDeps = { repo: AuditRepository };

export type AuditReadService = {
  /** Newest first, `limit` rows, continuing below `beforeId`; only for audit.read on a top-level unit. */
  list(actor: Actor | null, query: AuditQuery): Promise<AuditPage>;
};
