import type { Kysely } from 'kysely';

// Plan targets of a period on the 0–1 value scale ({total, mainIndices: {code: value}}), e.g. "every commune
// reaches 0.65 by 2026", so a unit's profile can show its distance to target. Null when none are set.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('measure_periods').addColumn('targets_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('measure_periods').dropColumn('targets_json').execute();
}
