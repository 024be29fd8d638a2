import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

// A real DXBoard server process (`npx tsx server/main.ts`) on a free port, in its own process group so
// stopping it also stops the npx → tsx → node chain under it.

const ROOT = resolve(import.meta.dirname, '../..');

export type AppProcess = { name: string; url: string; child: ChildProcess; output: () => string };

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(app: AppProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) {
      throw new Error(`${app.name} exited with ${app.child.exitCode}:\n${app.output()}`);
    }
    const healthy = await fetch(`${app.url}/api/health`).then(
      async (r) => r.ok && ((await r.json()) as { db?: string }).db === 'postgres',
      () => false,
    );
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${app.name} was not healthy on PostgreSQL within ${timeoutMs} ms:\n${app.output()}`);
}

/** Starts the server with `env` on top of a minimal environment and waits for /api/health. */
export async function startAppProcess(
  name: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<AppProcess> {
  const port = await freePort();
  let output = '';
  // Only what the server needs: the caller's DATABASE_URL, REDIS_URL or DEMO_SEED must not leak in.
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC' };
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...base, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const app = { name, url: `http://127.0.0.1:${port}`, child, output: () => output };
  try {
    await waitForHealth(app, timeoutMs);
  } catch (err) {
    await stopAppProcess(app);
    throw err;
  }
  return app;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** SIGTERM to the process group (graceful shutdown), SIGKILL after 10 s. */
export function stopAppProcess(app: AppProcess): Promise<void> {
  return new Promise((done) => {
    const { child } = app;
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return done();
    const timer = setTimeout(() => {
      signalGroup(child, 'SIGKILL');
      done();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      // npx may exit before the node process under it: make sure nothing of the group survives.
      signalGroup(child, 'SIGKILL');
      done();
    });
    signalGroup(child, 'SIGTERM');
  });
}
