#!/usr/bin/env node
// Starts DXBoard the way a user does and checks it answers, then stops it the way an operator does.
//   node scripts/smoke-start.mjs [--dir <checkout>] [--cmd "npm start"] [--timeout 240]
// Runs the command in <checkout> with a fresh data directory and a free port (embedded SQLite, demo data),
// waits for /api/health, tries the main routes (portal, staff app, OpenAPI, public periods, a demo login and a
// signed-in read), sends SIGTERM to the command's own process and requires every process it started to be
// gone within 20 s. Prints one JSON line at the end; exits 1 on any failure. Used by .ci/run on each runtime
// and on the production install.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = resolve(opt('dir', '.'));
const cmd = opt('cmd', 'npm start');
const timeoutMs = Number(opt('timeout', '240')) * 1000;

const freePort = () =>
  new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'dxboard-smoke-'));
const base = `http://127.0.0.1:${port}`;
const checks = [];
let output = '';

const child = spawn('sh', ['-c', `exec ${cmd}`], {
  cwd: dir,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true, // its own process group, so we can tell afterwards whether anything it started is left
});
let stdout = '';
child.stdout.on('data', (d) => {
  output += d;
  stdout += d;
});
child.stderr.on('data', (d) => (output += d));
let exited = null;
child.on('exit', (code, signal) => (exited = { code, signal }));

async function check(name, fn) {
  try {
    await fn();
    checks.push({ name, ok: true });
  } catch (e) {
    checks.push({ name, ok: false, error: String(e?.message ?? e) });
  }
}
async function expectStatus(path, status, init) {
  const res = await fetch(base + path, init);
  if (res.status !== status) throw new Error(`${path} → ${res.status}, expected ${status}`);
  return res;
}

const groupAlive = () => {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
};

let healthy = false;
const started = Date.now();
while (Date.now() - started < timeoutMs && !exited) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) {
      healthy = true;
      break;
    }
  } catch {}
  await sleep(500);
}
checks.push({ name: 'starts and answers /api/health', ok: healthy, seconds: (Date.now() - started) / 1000 });

if (healthy) {
  await check('public portal', () => expectStatus('/', 200));
  await check('staff app', () => expectStatus('/app/', 200));
  await check('OpenAPI document', () => expectStatus('/api/openapi.json', 200));
  await check('public periods', () => expectStatus('/api/public/measure/periods', 200));
  await check('demo login and a signed-in read', async () => {
    const res = await expectStatus('/api/auth/login', 200, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.dxboard.vn', password: 'Demo@2026' }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    await expectStatus('/api/units?limit=5', 200, { headers: { cookie } });
  });
  await check('prints the demo logins', async () => {
    if (!output.includes('admin@demo.dxboard.vn')) throw new Error('no demo login in the output');
  });
  if (process.env.NODE_ENV === 'production') {
    // stdout is a pipe here, as under systemd: the server writes JSON lines only (npm's own "> …" header aside).
    await check('logs are JSON lines when stdout is not a terminal', async () => {
      const lines = stdout.split('\n').filter((l) => l.trim() && !l.startsWith('> '));
      const plain = lines.filter((l) => {
        try {
          JSON.parse(l);
          return false;
        } catch {
          return true;
        }
      });
      if (plain.length) throw new Error(`not JSON: ${plain.slice(0, 3).join(' | ')}`);
    });
  }
}

// Stop it as an operator would: SIGTERM to the command's process only (not its group).
const stopAt = Date.now();
if (!exited) child.kill('SIGTERM');
while (Date.now() - stopAt < 20_000 && (groupAlive() || !exited)) await sleep(200);
const stoppedCleanly = !groupAlive();
checks.push({ name: 'SIGTERM stops every process it started', ok: stoppedCleanly, exit: exited });
if (groupAlive()) process.kill(-child.pid, 'SIGKILL');
rmSync(dataDir, { recursive: true, force: true });

const failed = checks.filter((c) => !c.ok);
for (const c of checks) console.info(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.error ? `: ${c.error}` : ''}`);
if (failed.length) console.info(output.split('\n').slice(-40).join('\n'));
console.info(
  JSON.stringify({
    smoke: cmd,
    node: process.version,
    dir,
    passed: checks.length - failed.length,
    failed: failed.length,
  }),
);
process.exit(failed.length ? 1 : 0);
