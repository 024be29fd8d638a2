import type { Kysely } from 'kysely';

// The bytes of an uploaded KPI workbook while a background job reads it: any app process (BullMQ
// worker) can pick the job up, so the file travels through the database, and is deleted once read.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kpi_import_files')
    .addColumn('import_id', 'integer', (c) => c.primaryKey().references('kpi_imports.id'))
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only; restore a backup to go back.');
}
