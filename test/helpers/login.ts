import { randomBytes } from 'node:crypto';
import type { Permission, Role } from '../../core/accounts/permissions.js';
import { hashPassword } from '../../server/modules/accounts/auth/password.js';
import type { TestApp } from './test-app.js';

// Signs test users in through the real login route, so route tests exercise sessions and CSRF as users do.

export const TEST_PASSWORD = 'Test-Password-2026';
let cachedHash: Promise<string> | undefined;

/** The argon2id hash of TEST_PASSWORD, computed once per test file. */
export function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

/** A distinct client address per login so the per-IP login rate limit never trips in unrelated tests. */
export function randomIp(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${Math.max(1, c)}`;
}

/** Creates (or reuses by email) a user, grants `role` on `unitId`, and returns the user's own ids. */
export async function createUserWithGrant(
  t: TestApp,
  opts: { role: Role; unitId: number; email?: string; fullName?: string },
): Promise<{ userId: number; email: string }> {
  const db = t.deps.db;
  const now = t.clock.now().toISOString();
  const email = (
    opts.email ?? `${opts.role}.${opts.unitId}.${randomBytes(4).toString('hex')}@test.dxboard.vn`
  )
    .trim()
    .toLowerCase();
  const passwordHash = await testPasswordHash();
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  const userId = existing
    ? existing.id
    : (
        await db
          .insertInto('users')
          .values({
            email,
            fullName: opts.fullName ?? `Test ${opts.role}`,
            passwordHash,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  if (existing) await db.updateTable('users').set({ passwordHash }).where('id', '=', userId).execute();
  const hasGrant = await db
    .selectFrom('roleAssignments')
    .select('id')
    .where('userId', '=', userId)
    .where('role', '=', opts.role)
    .where('unitId', '=', opts.unitId)
    .executeTakeFirst();
  if (!hasGrant) {
    await db
      .insertInto('roleAssignments')
      .values({ userId, role: opts.role, unitId: opts.unitId, createdAt: now })
      .execute();
  }
  return { userId, email };
}

export type LoggedIn = { headers: Record<string, string>; userId: number; csrfToken: string; email: string };

/**
 * Creates a user with `role` on `unitId` directly in the database and signs in through POST /api/auth/login.
 * `headers` carries the session cookie and the CSRF header, ready for app.inject().
 */
export async function loginAs(
  t: TestApp,
  opts: { role: Role; unitId: number; email?: string },
): Promise<LoggedIn> {
  const { userId, email } = await createUserWithGrant(t, opts);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: randomIp(),
    payload: { email, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`loginAs failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res.headers['set-cookie']);
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return { headers: { cookie, 'x-csrf-token': csrfToken }, userId, csrfToken, email };
}

/** "dxb_session=<value>" from a Set-Cookie header, for a Cookie request header. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith('dxb_session=') && !c.startsWith('dxb_session=;'));
  if (!found) throw new Error(`no dxb_session cookie in ${JSON.stringify(setCookie)}`);
  return found.split(';')[0];
}

/**
 * An API token for `unitId` with `permissions`, created through POST /api/tokens by a fresh admin of that unit.
 * `headers` carries `authorization: Bearer dxb_…`.
 */
export async function createApiToken(
  t: TestApp,
  opts: { unitId: number; permissions: Permission[]; name?: string },
): Promise<{ headers: Record<string, string>; token: string; tokenId: number; userId: number }> {
  const admin = await loginAs(t, { role: 'admin', unitId: opts.unitId });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: admin.headers,
    payload: { name: opts.name ?? 'test token', unitId: opts.unitId, permissions: opts.permissions },
  });
  if (res.statusCode !== 201) throw new Error(`createApiToken failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { id: number; token: string };
  return {
    headers: { authorization: `Bearer ${body.token}` },
    token: body.token,
    tokenId: body.id,
    userId: admin.userId,
  };
}
