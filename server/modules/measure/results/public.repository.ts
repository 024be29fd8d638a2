import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';

// Anonymous reads: only periods in status "published" (and with a snapshot) ever leave here.
export function createPublicMeasureRepository(db: Kysely<DB>) {
  return {
    /** Published periods with the time of their latest snapshot, most recent year first. */
    publishedPeriods: () =>
      db
        .selectFrom('measurePeriods as p')
        .innerJoin('measureSnapshots as s', 's.periodId', 'p.id')
        .select(['p.id', 'p.name', 'p.year'])
        .select(sql<string>`max(${sql.ref('s.computedAt')})`.as('publishedAt'))
        .where('p.status', '=', 'published')
        .groupBy(['p.id', 'p.name', 'p.year'])
        .orderBy('p.year', 'desc')
        .orderBy('p.id', 'desc')
        .limit(200)
        .execute(),
  };
}
export type PublicMeasureRepository = ReturnType<typeof createPublicMeasureRepository>;
