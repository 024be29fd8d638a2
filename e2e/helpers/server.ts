import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Starts the real server (migrations, demo seed, built web app) on a free port with its own data dir.

export const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIST = join(ROOT, 'dist/web');

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || !child.pid) return done();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      done();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    // npx → tsx → node: signal the whole process group we created.
    process.kill(-child.pid, 'SIGTERM');
  });
}

export async function startServer(): Promise<RunningServer> {
  // For debugging against a server you already run (e.g. `npm start`): E2E_BASE_URL=http://localhost:3000
  const external = process.env.E2E_BASE_URL;
  if (external) return { baseUrl: external, dataDir: '', output: () => '', stop: async () => {} };
  if (!existsSync(join(WEB_DIST, '.vite/manifest.json'))) {
    throw new Error('dist/web is not built: run `npx vite build` first (npm test does it).');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dxb-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  env.LOG_LEVEL = 'warn';
  // The end-to-end run uses the embedded database, whatever the caller's shell points at.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn('npx', ['tsx', 'server/main.ts'], { cwd: ROOT, env, detached: true, stdio: 'pipe' });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, () => out, 150_000);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    baseUrl,
    dataDir,
    output: () => out,
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
