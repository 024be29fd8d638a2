import type { Kysely } from 'kysely';

// Feedback: merging duplicates. A report marked as a duplicate of another is refused ('duplicate') with a link
// to the report it duplicates (duplicate_of_id); its email followers follow that report from then on.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('feedback_reports')
    .addColumn('duplicate_of_id', 'integer', (c) => c.references('feedback_reports.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback_reports').dropColumn('duplicate_of_id').execute();
}
