import type { Kysely } from 'kysely';

// Found by bench/steer.bench.ts (3,389 people, ≈ 1,800 reminders a day): every reminder resolves its recipients
// by role on the lead unit and the units covering it (`role = ? AND unit_id IN (ancestors)`), and
// role_assignments had only its unique (user_id, role, unit_id) key, so each reminder scanned every grant.
// Indexed by (unit_id, role, user_id), the grants of a unit are found directly and the user ids read from the
// index alone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('role_assignments_unit_role_idx')
    .on('role_assignments')
    .columns(['unit_id', 'role', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('role_assignments_unit_role_idx').execute();
}
