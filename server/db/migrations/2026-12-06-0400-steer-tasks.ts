import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Steer's plans and tasks: plans (number and symbol, issuing unit, legal basis, signed PDF, period, status),
// task groups (Roman-numeral rows of an appendix), tasks and sub-tasks (one lead unit, coordinating units, the
// deadline as written and as resolved, the stored lifecycle state), their history (who, when, old → new),
// extensions (the original deadline kept), progress updates with evidence files and the secretariat's answers.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('steer_plans'))
    .addColumn('number_symbol', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    // The scope owner: whoever reads this unit's subtree sees the plan and its (non-confidential) tasks.
    .addColumn('issuing_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // [{ title, url? }]: the upper-level documents the plan implements.
    .addColumn('legal_basis_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('signed_file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('superseded_by_id', 'integer', (c) => c.references('steer_plans.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('steer_plans_unit_idx').on('steer_plans').column('issuing_unit_id').execute();

  await withId(db, db.schema.createTable('steer_task_groups'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('steer_plans.id'))
    // As the appendix numbers it: 'I', 'II', …
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('steer_task_groups_plan_idx')
    .on('steer_task_groups')
    .columns(['plan_id', 'position'])
    .execute();

  await withId(db, db.schema.createTable('steer_tasks'))
    .addColumn('plan_id', 'integer', (c) => c.references('steer_plans.id'))
    .addColumn('group_id', 'integer', (c) => c.references('steer_task_groups.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('steer_tasks.id'))
    // Who assigned it (the plan's issuing unit, the committee of a conclusion notice): part of its scope.
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('expected_product', 'text')
    .addColumn('kpi_code', 'text')
    .addColumn('deadline_written', 'text', (c) => c.notNull())
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    .addColumn('deadline_due', 'text')
    .addColumn('deadline_start', 'text')
    .addColumn('deadline_cycle', 'text')
    // The deadline in force (the last approved extension's, else the original due).
    .addColumn('current_due', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('state_on', 'text', (c) => c.notNull())
    .addColumn('progress_percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    // 'plan' | 'conclusion' | 'import' | 'manual', with a reference and a label ("Thông báo kết luận số …").
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('source_label', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('steer_tasks_plan_idx')
    .on('steer_tasks')
    .columns(['plan_id', 'position'])
    .execute();
  await db.schema.createIndex('steer_tasks_parent_idx').on('steer_tasks').column('parent_id').execute();
  await db.schema.createIndex('steer_tasks_lead_idx').on('steer_tasks').column('lead_unit_id').execute();
  await db.schema.createIndex('steer_tasks_owner_idx').on('steer_tasks').column('owner_unit_id').execute();
  await db.schema
    .createIndex('steer_tasks_source_idx')
    .on('steer_tasks')
    .columns(['source_kind', 'source_ref'])
    .execute();

  await db.schema
    .createTable('steer_task_coordinators')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('steer_tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('steer_task_coordinators_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('steer_task_coordinators_unit_idx')
    .on('steer_task_coordinators')
    .column('unit_id')
    .execute();

  await withId(db, db.schema.createTable('steer_task_history'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('steer_tasks.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    // The Vietnam date of `at` (what deriveTaskStatus reads).
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    // 'created' | 'state' | 'field' | 'extension_requested' | 'extension_decided' | 'progress' | 'answer'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    // Values as shown at the time (a unit's name then, a deadline as written, a state code).
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('steer_task_history_task_idx')
    .on('steer_task_history')
    .columns(['task_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('steer_task_extensions'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('steer_tasks.id'))
    .addColumn('requested_due', 'text', (c) => c.notNull())
    .addColumn('previous_due', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema
    .createIndex('steer_task_extensions_task_idx')
    .on('steer_task_extensions')
    .columns(['task_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('steer_progress_updates'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('steer_tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // 'progress' | 'done' (the lead unit's report of completion, with evidence)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('difficulties', 'text')
    .addColumn('proposals', 'text')
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('steer_progress_task_idx')
    .on('steer_progress_updates')
    .columns(['task_id', 'reported_on'])
    .execute();

  await db.schema
    .createTable('steer_progress_files')
    .addColumn('progress_id', 'integer', (c) => c.notNull().references('steer_progress_updates.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addPrimaryKeyConstraint('steer_progress_files_pk', ['progress_id', 'file_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'steer_progress_files',
    'steer_progress_updates',
    'steer_task_extensions',
    'steer_task_history',
    'steer_task_coordinators',
    'steer_tasks',
    'steer_task_groups',
    'steer_plans',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
