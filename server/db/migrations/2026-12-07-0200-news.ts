import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// News (issue 14, the public portal): news, announcements and success stories a unit publishes after a second
// person approves, tagged by pillar (JSON text list) and by the units they are about (news_item_units).
// Instants are UTC ISO strings; `revision` counts saves so an autosave never overwrites a newer edit.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('news_items'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('pillars', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('cover_file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('return_note', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('news_items_slug_unique', ['slug'])
    .execute();
  await db.schema
    .createIndex('news_items_status_published_idx')
    .on('news_items')
    .columns(['status', 'published_at'])
    .execute();
  await db.schema.createIndex('news_items_unit_idx').on('news_items').column('unit_id').execute();

  await db.schema
    .createTable('news_item_units')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('news_items.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('news_item_units_pk', ['item_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('news_item_units_unit_idx').on('news_item_units').column('unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('news_item_units').execute();
  await db.schema.dropTable('news_items').execute();
}
