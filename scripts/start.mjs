#!/usr/bin/env node
// `npm start`: build the web entries when missing or older than their sources, then run the server
// (which migrates, loads demo data on first run and prints the demo logins).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const builtMarker = 'dist/web/.vite/manifest.json';
const stale =
  !existsSync(builtMarker) ||
  Math.max(newestMtime('web'), newestMtime('core')) > statSync(builtMarker).mtimeMs;
if (stale) {
  console.info('Building the web app…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync('npx', ['tsx', 'server/main.ts'], { stdio: 'inherit' });
process.exit(server.status ?? 1);
