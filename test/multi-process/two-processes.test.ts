import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIp } from '../helpers/login.js';
import { deleteRedisKeys, REDIS_SKIP_NOTE, redisTestUrl } from '../helpers/test-redis.js';
import { type AppProcess, startAppProcess, stopAppProcess } from './app-process.js';

// "Growing past one machine": two real app processes on one PostgreSQL schema and one Redis, as behind
// nginx. Both load the demo data at start-up (the second load must change nothing); a session opened
// through A works, writes and ends through B; a login rate limit counts attempts made to both.

const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = redisTestUrl();
if (!pgUrl && process.env.CI === 'true') {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the two-process test would be skipped.');
}
const PG_SKIP_NOTE = 'needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)';

const RATE = 4;
const DEMO_ADMIN = { email: 'admin@demo.dxboard.vn', password: 'Demo@2026' };
const SEEDED_TABLES = [
  'structures',
  'units',
  'unit_closure',
  'unit_lineage',
  'unit_headcounts',
  'users',
  'role_assignments',
];

async function withPg<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function rowCounts(schema: string): Promise<Record<string, number>> {
  return withPg(async (c) => {
    const counts: Record<string, number> = {};
    for (const table of SEEDED_TABLES) {
      const { rows } = await c.query(`select count(*)::int as n from ${schema}.${table}`);
      counts[table] = rows[0].n;
    }
    return counts;
  });
}

type Call = { status: number; body: Record<string, unknown>; headers: Headers };

describe.runIf(pgUrl && redisUrl)(
  `two app processes share PostgreSQL and Redis (${PG_SKIP_NOTE}; ${REDIS_SKIP_NOTE})`,
  () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'dxboard-two-processes-'));
    const apps: AppProcess[] = [];
    let countsAfterFirstSeed: Record<string, number> = {};
    let countsAfterSecondSeed: Record<string, number> = {};

    beforeAll(async () => {
      await withPg((c) => c.query(`create schema ${schema}`));
      // The demo admin's per-email login counter is shared by every run on this Redis: rerunning the test
      // within a minute must not start over the limit.
      await deleteRedisKeys(redisUrl as string, `dxb:rl:login:email:${DEMO_ADMIN.email}`);
      const env = {
        DATABASE_URL: pgUrl as string,
        // libpq-style options for every connection the server opens: its tables live in the test schema.
        PGOPTIONS: `-c search_path=${schema}`,
        REDIS_URL: redisUrl as string,
        DATA_DIR: dataDir,
        DEMO_SEED: 'true',
        // Each test sends from its own X-Forwarded-For address, so rate-limit keys are unique to the run.
        TRUST_PROXY: 'true',
        LOGIN_RATE_PER_MINUTE: String(RATE),
      };
      // One after the other: A migrates and seeds an empty schema, B then finds it seeded.
      apps.push(await startAppProcess('A', env));
      countsAfterFirstSeed = await rowCounts(schema);
      apps.push(await startAppProcess('B', env));
      countsAfterSecondSeed = await rowCounts(schema);
    }, 300_000);

    afterAll(async () => {
      await Promise.all(apps.map(stopAppProcess));
      await withPg((c) => c.query(`drop schema if exists ${schema} cascade`));
      rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    async function call(
      app: AppProcess,
      method: string,
      path: string,
      { ip, body, headers = {} }: { ip: string; body?: unknown; headers?: Record<string, string> },
    ): Promise<Call> {
      const res = await fetch(`${app.url}${path}`, {
        method,
        headers: {
          'x-forwarded-for': ip,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
    }

    it('loads the demo data once: the second process’s start-up seed changes nothing', () => {
      expect(countsAfterFirstSeed.units).toBeGreaterThan(100);
      expect(countsAfterFirstSeed.users).toBeGreaterThanOrEqual(5);
      expect(countsAfterSecondSeed).toEqual(countsAfterFirstSeed);
    });

    it('a session opened through A is read, used for a CSRF-protected write and ended through B', async () => {
      const [a, b] = apps;
      const ip = randomIp();
      const login = await call(a, 'POST', '/api/auth/login', { ip, body: DEMO_ADMIN });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      expect(cookie).toMatch(/^dxb_session=.+/);
      const csrfToken = login.body.csrfToken as string;
      const grants = login.body.grants as { role: string; unitId: number }[];
      const adminUnit = grants.find((g) => g.role === 'admin')?.unitId;
      expect(adminUnit).toBeTypeOf('number');

      const me = await call(b, 'GET', '/api/auth/me', { ip, headers: { cookie } });
      expect(me.status).toBe(200);
      expect((me.body.user as { email: string }).email).toBe(DEMO_ADMIN.email);
      expect(me.body.csrfToken).toBe(csrfToken);

      const token = {
        name: `two-processes ${randomBytes(3).toString('hex')}`,
        unitId: adminUnit,
        permissions: ['units.read'],
      };
      const withoutCsrf = await call(b, 'POST', '/api/tokens', { ip, body: token, headers: { cookie } });
      expect(withoutCsrf.status).toBe(403);
      expect(withoutCsrf.body.code).toBe('CSRF');
      const created = await call(b, 'POST', '/api/tokens', {
        ip,
        body: token,
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(created.status).toBe(201);
      const listed = await call(a, 'GET', '/api/tokens', { ip, headers: { cookie } });
      expect((listed.body.items as { id: number; name: string }[]).map((t) => [t.id, t.name])).toContainEqual(
        [created.body.id, token.name],
      );

      const logout = await call(b, 'POST', '/api/auth/logout', {
        ip,
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(logout.status).toBe(204);
      const afterLogout = await call(a, 'GET', '/api/auth/me', { ip, headers: { cookie } });
      expect(afterLogout.status).toBe(401);
      expect(afterLogout.body.code).toBe('UNAUTHENTICATED');
    });

    it('counts failed logins sent alternately to A and B against one shared limit', async () => {
      const ip = randomIp();
      const attempt = {
        email: `nobody.${randomBytes(4).toString('hex')}@two-processes.test`,
        password: 'Wrong-password-1',
      };
      const statuses: number[] = [];
      const codes: unknown[] = [];
      for (let i = 0; i < RATE + 2; i++) {
        const res = await call(apps[i % 2], 'POST', '/api/auth/login', { ip, body: attempt });
        statuses.push(res.status);
        codes.push(res.body.code);
      }
      // Attempt RATE + 1 is only the third either process has seen (limit RATE per process would allow it):
      // it is refused because both processes count in one Redis window.
      expect(statuses).toEqual([...Array(RATE).fill(401), 429, 429]);
      expect(codes.slice(RATE)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    });
  },
);
