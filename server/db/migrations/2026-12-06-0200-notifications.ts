import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// The notification service: each event once (unique idempotency key), its deliveries per (recipient, channel)
// with a status a sender claims before sending, per-user preferences and one daily digest per (user, date).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('notifications'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title_vi', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_vi', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    // A one-time code or a citizen's address: erased once every delivery has finished.
    .addColumn('transient', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('notification_digests'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('digest_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_digests_user_date_unique', ['user_id', 'digest_date'])
    .execute();
  await db.schema
    .createIndex('notification_digests_status_idx')
    .on('notification_digests')
    .columns(['status', 'updated_at'])
    .execute();

  await withId(db, db.schema.createTable('notification_deliveries'))
    .addColumn('notification_id', 'integer', (c) => c.notNull().references('notifications.id'))
    // 'user:<id>' or 'email:<address>' (people without an account, e.g. citizens following a report).
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('address', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    // in_app: sent; email/webhook: pending → sending → sent | failed; email digest: digest → digested.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('read_at', 'text')
    .addColumn('digest_id', 'integer', (c) => c.references('notification_digests.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_deliveries_key_unique', [
      'notification_id',
      'recipient_key',
      'channel',
    ])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_inbox_idx')
    .on('notification_deliveries')
    .columns(['user_id', 'channel', 'read_at'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_status_idx')
    .on('notification_deliveries')
    .columns(['status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_digest_idx')
    .on('notification_deliveries')
    .column('digest_id')
    .execute();

  await withId(db, db.schema.createTable('notification_preferences'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('email_mode', 'text', (c) => c.notNull())
    .addColumn('webhook_mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_preferences_unique', ['user_id', 'category'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notification_preferences',
    'notification_deliveries',
    'notification_digests',
    'notifications',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
