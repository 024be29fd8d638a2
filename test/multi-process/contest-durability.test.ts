import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/time/vietnam-date.js';
import { type DialectName, openDatabase } from '../../server/db/database.js';
import { createContestServices } from '../../server/modules/contest/contest.module.js';
import {
  cccdOf,
  contestConfig,
  contestScenario,
} from '../../server/modules/contest/contest-test-fixtures.js';
import { testDialects } from '../helpers/test-db.js';
import { freePort } from './app-process.js';

// Issue 13, durability: a real server process (tsx server/main.ts) takes a wave of submissions and is killed
// with SIGKILL in the middle of it. After a restart on the same data, every submission that was answered 2xx
// is there with the score it was answered with, and the clients' retries (same attempt, the submission's
// idempotency key) are not counted twice: one submitted attempt and one submission in the audit log each.
// On SQLite (WAL, synchronous=FULL) and, with TEST_DATABASE_URL, on PostgreSQL.

const ROOT = resolve(import.meta.dirname, '../..');
const PEOPLE = 40;

type Server = { url: string; child: ChildProcess; output: () => string };

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  let output = '';
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...base, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_SEED: 'false' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  kill(child);
  throw new Error(`server not healthy within 120 s:\n${output}`);
}

function kill(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
  });

/** Rounds around the real date (the server owns the clock): yesterday to the day after tomorrow, Vietnam time. */
function roundsAroundToday() {
  const day = (offset: number) => vietnamDate(new Date(Date.now() + offset * 86_400_000));
  return [{ key: 'r1', name: 'Vòng thử', startsAt: `${day(-1)}T00:00`, endsAt: `${day(2)}T00:00` }];
}

describe.each(testDialects())('contest durability under SIGKILL (%s)', (dialect: DialectName) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every 2xx submission and counts retries once', { timeout: 300_000 }, async () => {
    // A contest open today with PEOPLE participants, written by an in-process app, then handed to the server.
    const s = await contestScenario(dialect);
    const created = await s.t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: s.organiser.headers,
      payload: {
        unitId: s.tree.province,
        title: 'Độ bền',
        slug: 'durability',
        config: contestConfig(s, {
          rounds: roundsAroundToday(),
          collective: null,
          prediction: null,
          tieBreaks: ['duration', 'submitted_at'],
        }),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const opened = await s.t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${created.json().id}/open`,
      headers: s.organiser.headers,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const play = createContestServices(s.t.deps).play;
    const tokens: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const reg = await play.register(
        'durability',
        {
          groupKey: 'officials',
          fullName: `Người thi ${i}`,
          cccd: cccdOf(),
          unitId: s.tree.communeA,
          consent: true,
        },
        { ip: '127.0.0.1' },
        { isDemo: true },
      );
      tokens.push(reg.token);
    }
    await s.t.app.close();
    let env: Record<string, string>;
    const dataDir = mkdtempSync(join(tmpdir(), 'dxboard-durability-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    if (dialect === 'sqlite') {
      const path = s.t.database.sqlitePath as string;
      await s.t.database.destroy();
      renameSync(path, join(dataDir, 'dxboard.sqlite'));
      env = { DATA_DIR: dataDir };
    } else {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(s.t.deps.db);
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${rows[0].name}`;
      await s.t.database.destroy();
      env = { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
    }
    cleanups.push(() => s.t.database.cleanup());

    let server = await startServer(env);
    cleanups.push(() => kill(server.child));
    const call = (method: string, path: string, token: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { 'x-contest-token': token, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });

    const attempts: { id: number; token: string; answers: Record<string, number[]> }[] = [];
    for (const token of tokens) {
      const res = await call('POST', '/api/public/contests/durability/attempts', token);
      expect(res.status, server.output()).toBe(200);
      const a = (await res.json()) as { id: number; questions: { id: number }[] };
      attempts.push({ id: a.id, token, answers: Object.fromEntries(a.questions.map((q) => [q.id, [0]])) });
    }

    // Every submission at once; the server dies after the first few answers.
    const acknowledged = new Map<number, number>();
    let answered = 0;
    const wave = attempts.map((a) =>
      call('POST', `/api/public/contest-attempts/${a.id}/submit`, a.token, { answers: a.answers })
        .then(async (res) => {
          if (res.status === 200) acknowledged.set(a.id, ((await res.json()) as { score: number }).score);
          if (++answered === 5) kill(server.child);
        })
        .catch(() => undefined),
    );
    await Promise.all(wave);
    await exited(server.child);
    expect(acknowledged.size).toBeGreaterThanOrEqual(5);

    server = await startServer(env);
    // After the restart: each acknowledged submission is stored with the score it was answered with.
    for (const [id, score] of acknowledged) {
      const a = attempts.find((x) => x.id === id) as (typeof attempts)[number];
      const res = await call('GET', `/api/public/contest-attempts/${id}`, a.token);
      const view = (await res.json()) as { status: string; score: number };
      expect(view.status).toBe('submitted');
      expect(view.score).toBe(score);
    }
    // Every client retries with its attempt: the acknowledged ones are told it was already in, with the same
    // score; the others are submitted now, once.
    for (const a of attempts) {
      const res = await call('POST', `/api/public/contest-attempts/${a.id}/submit`, a.token, {
        answers: a.answers,
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { alreadySubmitted: boolean; score: number };
      if (acknowledged.has(a.id)) {
        expect(body.alreadySubmitted).toBe(true);
        expect(body.score).toBe(acknowledged.get(a.id));
      }
    }
    kill(server.child);
    await exited(server.child);

    const check =
      dialect === 'sqlite'
        ? openDatabase({ kind: 'sqlite', path: join(dataDir, 'dxboard.sqlite') })
        : openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolSize: 1 });
    try {
      const submitted = await check.db
        .selectFrom('contestAttempts')
        .select(['participantId', 'status'])
        .where('contestId', '=', created.json().id)
        .execute();
      expect(submitted).toHaveLength(PEOPLE);
      expect(submitted.every((r) => r.status === 'submitted')).toBe(true);
      const audits = await check.db
        .selectFrom('auditLog')
        .select('entityId')
        .where('action', '=', 'contest.attempt.submit')
        .execute();
      expect(audits).toHaveLength(PEOPLE);
      expect(new Set(audits.map((r) => r.entityId)).size).toBe(PEOPLE);
    } finally {
      await check.destroy();
    }
  });
});
