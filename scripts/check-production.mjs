#!/usr/bin/env node
// The production path, exactly as docs/operations.md describes it: from the tracked files plus the build output
// (`npm run build`: dist/web and dist/app), `npm ci --omit=dev` in a fresh folder, then `npm start` with
// NODE_ENV=production must start on plain node (no tsx, no vite), answer the main routes, run the compiled CLI
// and stop on SIGTERM. Prints one JSON line at the end; exits 1 on failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = process.cwd();
for (const built of ['dist/web/.vite/manifest.json', 'dist/app/server/main.js']) {
  if (!existsSync(join(root, built))) {
    console.error(`${built} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const target = mkdtempSync(join(tmpdir(), 'dxboard-prod-'));
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean);
for (const file of tracked) {
  if (!existsSync(join(root, file))) continue; // deleted in the work tree
  mkdirSync(dirname(join(target, file)), { recursive: true });
  cpSync(join(root, file), join(target, file));
}
cpSync(join(root, 'dist'), join(target, 'dist'), { recursive: true });

const steps = [];
const step = (name, cmd, args, env = {}) => {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: target, stdio: 'inherit', env: { ...process.env, ...env } });
  steps.push({ name, ok: r.status === 0, seconds: (Date.now() - started) / 1000 });
  return r.status === 0;
};

const prod = { NODE_ENV: 'production' };
if (step('npm ci --omit=dev', 'npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], prod)) {
  step('no dev tooling installed', 'node', [
    '-e',
    "for (const m of ['tsx','vite','vitest']) { try { require.resolve(m); console.error(m + ' is installed'); process.exit(1); } catch {} }",
  ]);
  step('compiled CLI answers', 'node', ['bin/dxboard.mjs', '--help'], prod);
  step(
    'npm start (production) starts, answers and stops',
    'node',
    [join(root, 'scripts', 'smoke-start.mjs'), '--dir', target, '--cmd', 'npm start'],
    prod,
  );
}
rmSync(target, { recursive: true, force: true });
const failed = steps.filter((s) => !s.ok);
for (const s of steps) console.info(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)`);
console.info(
  JSON.stringify({
    production: true,
    node: process.version,
    passed: steps.length - failed.length,
    failed: failed.length,
  }),
);
process.exit(failed.length ? 1 : 0);
