import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// Issue 8, findings 2 and 3: things that were nobody's now belong to a unit.
// - files: a random public id (22 base64url characters) is the only id the API shows, so ids cannot be guessed;
//   unit_id is the unit a file was attached for (backfilled from measure evidence; null while only its
//   uploader holds it).
// - measure_frameworks: owner_unit_id is the unit whose measure.manage may change the framework; existing
//   frameworks go to the top-level unit above the periods that use them, else to the first top-level unit.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('files').addColumn('public_id', 'text').execute();
  await db.schema
    .alterTable('files')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .execute();
  const files = await db.selectFrom('files').select('id').execute();
  for (const { id } of files) {
    await db
      .updateTable('files')
      .set({ public_id: randomBytes(16).toString('base64url') })
      .where('id', '=', id)
      .execute();
  }
  await db.schema.createIndex('files_public_id').unique().on('files').column('public_id').execute();
  await db.schema.createIndex('files_unit').on('files').column('unit_id').execute();
  await sql`update files set unit_id = (
      select min(s.unit_id) from measure_evidence e
      join measure_submissions s on s.id = e.submission_id
      where e.file_id = files.id)`.execute(db);

  await db.schema
    .alterTable('measure_frameworks')
    .addColumn('owner_unit_id', 'integer', (c) => c.references('units.id'))
    .execute();
  await sql`update measure_frameworks set owner_unit_id = (
      select min(c.ancestor_id) from measure_periods p
      join unit_closure c on c.descendant_id = p.root_unit_id and c.via_lineage = 0
      join units u on u.id = c.ancestor_id and u.parent_id is null
      where p.framework_id = measure_frameworks.id)`.execute(db);
  await sql`update measure_frameworks set owner_unit_id = (
      select min(u.id) from units u where u.parent_id is null and u.valid_to is null)
    where owner_unit_id is null`.execute(db);
  await sql`update measure_frameworks set owner_unit_id = (select min(u.id) from units u where u.parent_id is null)
    where owner_unit_id is null`.execute(db);
  await db.schema
    .createIndex('measure_frameworks_owner')
    .on('measure_frameworks')
    .column('owner_unit_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('measure_frameworks_owner').execute();
  await db.schema.alterTable('measure_frameworks').dropColumn('owner_unit_id').execute();
  await db.schema.dropIndex('files_unit').execute();
  await db.schema.dropIndex('files_public_id').execute();
  await db.schema.alterTable('files').dropColumn('unit_id').execute();
  await db.schema.alterTable('files').dropColumn('public_id').execute();
}
