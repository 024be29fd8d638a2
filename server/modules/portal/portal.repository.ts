import type { Kysely } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { moduleRevisions, type RevisedModule } from '../../db/revisions.js';
import type { DB } from '../../db/schema.js';

// Kysely only. The province whose figures the portal shows (the top-level unit of the structure in force) and
// the revision counters the home is cached under.

export function createPortalRepository(db: Kysely<DB>) {
  return {
    /** The revision of each source module's tables (the cache key's data part). */
    revisions: async (modules: readonly RevisedModule[], exec: Executor = db): Promise<string> =>
      moduleRevisions(exec, modules),

    /** The province of the structure in force on `date` (the first top-level unit by code); null before any. */
    province: async (date: string, exec: Executor = db) =>
      (await exec
        .selectFrom('units as u')
        .innerJoin('structures as s', 's.id', 'u.structureId')
        .select(['u.id', 'u.name'])
        .where('u.parentId', 'is', null)
        .where('s.validFrom', '<=', date)
        .where((eb) => eb.or([eb('s.validTo', 'is', null), eb('s.validTo', '>', date)]))
        .orderBy('s.validFrom', 'desc')
        .orderBy('u.code')
        .executeTakeFirst()) ?? null,
  };
}
export type PortalRepository = ReturnType<typeof createPortalRepository>;
