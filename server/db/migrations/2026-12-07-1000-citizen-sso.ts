import type { Kysely } from 'kysely';
import { withId } from '../migration-helpers.js';

// Citizen single sign-on (OpenID Connect, issues 12 and 13): each started sign-in keeps its state (hashed), nonce
// and PKCE verifier for ten minutes and is used once; a signed-in citizen holds a session by a random token
// (hashed here) mapped to the provider's subject and the name, email and phone it vouched for.
// Both tables are purged of expired rows as new ones are written.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('citizen_sso_logins'))
    .addColumn('state_hash', 'text', (c) => c.notNull().unique())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await withId(db, db.schema.createTable('citizen_sessions'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('citizen_sessions_subject')
    .on('citizen_sessions')
    .columns(['issuer', 'subject'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('citizen_sessions').execute();
  await db.schema.dropTable('citizen_sso_logins').execute();
}
