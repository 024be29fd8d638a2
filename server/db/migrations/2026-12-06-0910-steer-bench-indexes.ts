import type { Kysely } from 'kysely';

// Found by bench/steer.bench.ts (≈ 10,000 tasks, 128,000 history rows): the status of a list of tasks reads
// each task's lifecycle changes (`task_id IN (…) AND kind = 'state'`), a few rows among a dozen per task
// (progress reports, edits and extensions are history too). Indexed by (task_id, kind, id), those few rows are
// found directly, already in order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('steer_task_history_kind_idx')
    .on('steer_task_history')
    .columns(['task_id', 'kind', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('steer_task_history_kind_idx').execute();
}
