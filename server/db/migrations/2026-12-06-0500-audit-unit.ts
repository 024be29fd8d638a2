import type { Kysely } from 'kysely';

// Issue 10 (Admins): the audit log can be filtered by unit ("what changed in An Khánh and below"). Each row
// records the unit its object belongs to (see lib/audit.ts for how it is found); rows written before this
// migration have none and match no unit filter. Adding a column is allowed by the append-only triggers,
// which forbid UPDATE and DELETE of rows only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('unit_id', 'integer').execute();
  await db.schema.createIndex('audit_log_unit_idx').on('audit_log').columns(['unit_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_unit_idx').execute();
  await db.schema.alterTable('audit_log').dropColumn('unit_id').execute();
}
