import type { Kysely } from 'kysely';

// The public list of reports and Open311 `GET requests` read the newest reports of a category or an area
// (bench/feedback.bench.ts: 200,000 reports). With only (category_id, status) the database found every report of
// the category and sorted them all for each page; with the order's columns after the equality it reads the
// page's rows in order and stops.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('feedback_reports_category_created_idx')
    .on('feedback_reports')
    .columns(['category_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('feedback_reports_area_created_idx')
    .on('feedback_reports')
    .columns(['area_unit_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('feedback_reports_area_created_idx').execute();
  await db.schema.dropIndex('feedback_reports_category_created_idx').execute();
}
