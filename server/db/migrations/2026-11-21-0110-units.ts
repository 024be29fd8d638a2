import type { Kysely } from 'kysely';

// Units module: where a headcount came from ('demo' for seeded figures, 'import', 'manual'), so demo
// numbers can never be mistaken for official ones; and an index for "units of a structure by level".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('unit_headcounts').addColumn('source', 'text').execute();
  await db.schema
    .createIndex('units_structure_level_idx')
    .on('units')
    .columns(['structure_id', 'level'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only; restore a backup to go back.');
}
