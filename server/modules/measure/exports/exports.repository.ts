import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

// Queries the exports need beyond the submissions repository: the unit's own points and the appraiser's
// comments per component.

export function createExportsRepository(db: Kysely<DB>) {
  return {
    selfPointsForPeriod: (periodId: number) =>
      db
        .selectFrom('measureValues as v')
        .innerJoin('measureSubmissions as s', 's.id', 'v.submissionId')
        .select(['s.unitId', 'v.componentCode', 'v.selfPoints'])
        .where('s.periodId', '=', periodId)
        .execute(),
    /** The appraiser's comment per component (live: comments are words, not part of the snapshot's numbers). */
    appraisalCommentsForPeriod: (periodId: number) =>
      db
        .selectFrom('measureValues as v')
        .innerJoin('measureSubmissions as s', 's.id', 'v.submissionId')
        .select(['s.unitId', 'v.componentCode', 'v.appraisalComment'])
        .where('s.periodId', '=', periodId)
        .where('v.appraisalComment', 'is not', null)
        .execute(),
  };
}
export type ExportsRepository = ReturnType<typeof createExportsRepository>;
