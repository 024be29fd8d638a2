#!/usr/bin/env node
// `npm start`. Runs the server IN THIS PROCESS, so SIGTERM/SIGINT (and Ctrl-C) reach the server's own graceful
// shutdown instead of stopping at a wrapper (npm → sh → this script → server).
// - Production (NODE_ENV=production, or no dev dependencies installed): the compiled server in dist/app, built by
//   `npm run build`, on plain node. Nothing is built or fetched at start.
// - Development: builds the web entries when missing or older than their sources, then runs the TypeScript
//   sources through tsx (loaded into this process).
// Either way the server migrates, loads demo data on first run and prints the demo logins.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const compiledMain = join(root, 'dist', 'app', 'server', 'main.js');
const builtMarker = join(root, 'dist', 'web', '.vite', 'manifest.json');

const installed = (name) => {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// `npm start` runs this script under a shell that does not pass SIGTERM on (npm signals the shell, the shell
// exits). When the process that started us goes away, stop as if signalled, so no server is left orphaned.
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy) process.kill(process.pid, 'SIGTERM');
}, 500).unref();

const production = process.env.NODE_ENV === 'production' || !installed('tsx');
if (production) {
  if (!existsSync(compiledMain) || !existsSync(builtMarker)) {
    console.error(
      'The built server or web app is missing (dist/app, dist/web). Build it where dev dependencies are ' +
        'installed with `npm run build`, then start again.',
    );
    process.exit(1);
  }
  await import(pathToFileURL(compiledMain).href);
} else {
  const stale =
    !existsSync(builtMarker) ||
    Math.max(newestMtime(join(root, 'web')), newestMtime(join(root, 'core'))) > statSync(builtMarker).mtimeMs;
  if (stale) {
    console.info('Building the web app…');
    const { build } = await import('vite');
    // Vite sets NODE_ENV=production in this process while it builds; the server started next must still see
    // the caller's own (development unless set), or it would refuse what production refuses (mailed links…).
    const callersNodeEnv = process.env.NODE_ENV;
    await build({ logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
    if (callersNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callersNodeEnv;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'server', 'main.ts')).href);
}
