import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithGrant, randomIp, TEST_PASSWORD } from '../../../test/helpers/login.js';
import type { TestApp } from '../../../test/helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { REDIS_SKIP_NOTE, redisTestUrl } from '../../../test/helpers/test-redis.js';
import { createUnitTree } from '../../../test/helpers/unit-fixtures.js';
import { systemClock } from '../../lib/clock.js';

// Two real app processes on one PostgreSQL database and one Redis, as behind nginx in production:
// a session opened through one is valid through the other, and the login rate limit counts across both.

const ROOT = resolve(import.meta.dirname, '../../..');
const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = redisTestUrl();
if (!pgUrl && process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set');
const RATE = 6;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startProcess(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; log: () => string }> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, log: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`app did not start:\n${output}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

describe.runIf(pgUrl && redisUrl)(`two app processes on PostgreSQL and Redis (${REDIS_SKIP_NOTE})`, () => {
  let database: TestDatabase;
  let dataDir: string;
  const apps: { url: string; child: ChildProcess; log: () => string }[] = [];
  let email: string;
  // One client address for the whole test, unique to this run, so no other test shares its rate-limit keys.
  const ip = randomIp();

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const units = await createUnitTree(database.db);
    const t = { deps: { db: database.db }, clock: systemClock } as unknown as TestApp;
    ({ email } = await createUserWithGrant(t, { role: 'officer', unitId: units.communeA }));
    dataDir = mkdtempSync(join(tmpdir(), 'dxboard-2proc-'));
    const url = new URL(pgUrl as string);
    url.searchParams.set('options', `-c search_path=${database.pgSchema}`);
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl as string,
      DATA_DIR: dataDir,
      DEMO_SEED: 'false',
      TRUST_PROXY: 'true',
      LOGIN_RATE_PER_MINUTE: String(RATE),
    };
    apps.push(await startProcess(env));
    apps.push(await startProcess(env));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => stop(a.child)));
    await database?.cleanup();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (app: number, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${apps[app].url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('a session opened through one process works, and ends, through the other', async () => {
    const login = await post(0, '/api/auth/login', { email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { email: string } };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/^dxb_session=/);
    const me = await fetch(`${apps[1].url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email);
    const out = await fetch(`${apps[1].url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${apps[0].url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('counts login attempts across both processes', async () => {
    // The first test spent one attempt from this address; spread the rest over both processes.
    const statuses: number[] = [];
    for (let i = 1; i < RATE; i++) {
      const res = await post(i % 2, '/api/auth/login', {
        email: 'nobody@two-proc.vn',
        password: 'wrong-password-1',
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array(RATE - 1).fill(401));
    // Each process alone has seen at most RATE / 2 + 1 attempts: only a shared counter can refuse this one.
    const limited = await post(0, '/api/auth/login', {
      email: 'nobody@two-proc.vn',
      password: 'wrong-password-1',
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
