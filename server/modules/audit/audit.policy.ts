import { type Actor, scopeRootsFor } from '../../lib/actor.js';

// Who may read the audit log. Audit rows carry no unit yet, so only those holding audit.read on a top-level
// unit (the province's standing agency) read it. Pure: the caller finds which of the actor's roots are top-level.
export function canReadAuditLog(actor: Actor | null, topLevelUnitIds: readonly number[]): boolean {
  if (!actor) return false;
  const roots = new Set(scopeRootsFor(actor, 'audit.read'));
  return topLevelUnitIds.some((id) => roots.has(id));
}
