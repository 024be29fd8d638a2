import type { Kysely } from 'kysely';
import { forbidUpdateAndDelete } from '../migration-helpers.js';

// The component-level data of each published snapshot, written in the publishing transaction: exports and
// per-component views of an older snapshot must show what was published then, not today's (re-opened,
// re-appraised) values. One row per (snapshot, unit, component) that holds anything; an absent row is a
// component with no value, 0 points and its maximum kept (status missing).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measure_snapshot_values')
    .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('measure_snapshots.id'))
    // No foreign key on unit_id: the rows come from the snapshot's own ranked units, and a per-row check on
    // ~150k rows a publication would double PostgreSQL's insert time.
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('component_code', 'text', (c) => c.notNull())
    // The value scored (appraised where given, else the unit's own); N/A is {"notApplicable":true}.
    .addColumn('raw_json', 'text')
    // What the unit itself entered and the points it gave itself, for the self-assessment columns.
    .addColumn('self_raw_json', 'text')
    .addColumn('self_points', 'double precision')
    // The appraiser's direct points, when given.
    .addColumn('appraised_points', 'double precision')
    // 1 when the component counted as not applicable (the unit's choice or the framework's appliesTo).
    .addColumn('is_na', 'integer', (c) => c.notNull())
    // The points the component counted for in the published results (appraised points where given).
    .addColumn('points', 'double precision', (c) => c.notNull())
    // Reads are "a snapshot" and "a snapshot's component": both are prefixes of this key.
    .addPrimaryKeyConstraint('measure_snapshot_values_pk', ['snapshot_id', 'component_code', 'unit_id'])
    .execute();
  // Published numbers are citable: like measure_snapshots, the database refuses to change or delete them.
  await forbidUpdateAndDelete(db, 'measure_snapshot_values');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only; restore a backup to go back.');
}
