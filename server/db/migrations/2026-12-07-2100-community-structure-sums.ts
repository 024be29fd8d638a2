import type { Kysely } from 'kysely';
import { installSummary, removeSummary, type Summary } from './2026-12-07-1210-community-activity-months.js';

// Issue 14: the country's roll-up counted 100,000 teams and 100,000 villages live on every computation (on
// SQLite, one statement after another: with the distinct members, 448 of its 838 ms, 3.25 × the raw count).
// Two more summaries, kept by triggers exactly as the activity months are (same builders):
//   community_commune_teams  per commune: teams not dissolved;
//   unit_village_counts      per parent unit: current villages (units of kind 'village' with no valid_to).
// Each source row adds 1 or 0 by the same condition the live counts used, so a status change, a village
// closed by a merger, or a team or village moved to another parent moves its count. Units without a parent
// count under 0. Derived data: not backed up; rebuilt by the community repository's `rebuildActivitySums`.

const STRUCTURE_SUMMARIES: Summary[] = [
  {
    source: 'community_teams',
    table: 'community_commune_teams',
    keys: [['commune_id', (r) => `${r}.commune_id`]],
    sums: [['teams', (r) => `CASE WHEN ${r}.status <> 'dissolved' THEN 1 ELSE 0 END`]],
  },
  {
    source: 'units',
    table: 'unit_village_counts',
    keys: [['parent_id', (r) => `COALESCE(${r}.parent_id, 0)`]],
    sums: [
      ['villages', (r) => `CASE WHEN ${r}.kind = 'village' AND ${r}.valid_to IS NULL THEN 1 ELSE 0 END`],
    ],
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('community_commune_teams')
    .addColumn('commune_id', 'integer', (c) => c.primaryKey())
    .addColumn('teams', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_village_counts')
    .addColumn('parent_id', 'integer', (c) => c.primaryKey())
    .addColumn('villages', 'integer', (c) => c.notNull())
    .execute();
  for (const s of STRUCTURE_SUMMARIES) await installSummary(db, s);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const s of STRUCTURE_SUMMARIES) await removeSummary(db, s);
}
