import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Steer's registers (issue 11): DX products declared by units and accepted or returned by the secretariat
// (with evidence files and linked tasks), the information systems and IT projects of the province's units, and
// the review campaigns that ask each owner unit to re-confirm its systems by a date. Money is whole VND
// (bigint); dates are 'YYYY-MM-DD'; lists of codes are JSON text; flags are 0/1 (docs/decisions/0001).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('steer_products'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    // submitted → accepted | returned; a returned product is corrected and submitted again.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('steer_products_unit_year_idx')
    .on('steer_products')
    .columns(['unit_id', 'year'])
    .execute();
  await db.schema
    .createIndex('steer_products_year_status_idx')
    .on('steer_products')
    .columns(['year', 'status'])
    .execute();

  await withId(db, db.schema.createTable('steer_product_files'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('steer_products.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addUniqueConstraint('steer_product_files_unique', ['product_id', 'file_id'])
    .execute();

  // Task ids of Steer's tasks feature; checked through its service when a product is saved.
  await withId(db, db.schema.createTable('steer_product_tasks'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('steer_products.id'))
    .addColumn('task_id', 'integer', (c) => c.notNull())
    .addUniqueConstraint('steer_product_tasks_unique', ['product_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('steer_product_tasks_task_idx')
    .on('steer_product_tasks')
    .column('task_id')
    .execute();

  await withId(db, db.schema.createTable('steer_systems'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('purpose_category', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('users_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('investment_vnd', 'bigint')
    .addColumn('yearly_budget_vnd', 'bigint')
    .addColumn('start_date', 'text')
    .addColumn('go_live_date', 'text')
    .addColumn('retirement_date', 'text')
    .addColumn('hosting', 'text', (c) => c.notNull())
    .addColumn('lgsp_integrated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('national_dbs', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('data_shared', 'text')
    .addColumn('data_consumed', 'text')
    .addColumn('security_level', 'integer')
    .addColumn('security_plan_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('security_decision_number', 'text')
    .addColumn('security_decision_date', 'text')
    .addColumn('last_review_date', 'text')
    .addColumn('review_findings', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('steer_systems_unit_idx').on('steer_systems').column('unit_id').execute();

  await withId(db, db.schema.createTable('steer_review_campaigns'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The units whose systems are asked: the subtree of this unit (usually the province).
    .addColumn('root_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('steer_review_items'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('steer_review_campaigns.id'))
    .addColumn('system_id', 'integer', (c) => c.notNull().references('steer_systems.id'))
    // The owner unit when the campaign was opened: whose officers confirm.
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addUniqueConstraint('steer_review_items_unique', ['campaign_id', 'system_id'])
    .execute();
  await db.schema
    .createIndex('steer_review_items_unit_idx')
    .on('steer_review_items')
    .columns(['unit_id', 'campaign_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'steer_review_items',
    'steer_review_campaigns',
    'steer_systems',
    'steer_product_tasks',
    'steer_product_files',
    'steer_products',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
