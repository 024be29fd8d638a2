#!/usr/bin/env node
// `npx dxboard <command>`: the CLI. From a development checkout it runs the TypeScript sources through tsx (no
// build step); in a production install (no dev dependencies) it runs the compiled CLI from dist/app.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const compiled = join(root, 'dist', 'app', 'server', 'cli', 'index.js');

let hasTsx = true;
try {
  require.resolve('tsx/esm/api');
} catch {
  hasTsx = false;
}

if (hasTsx && process.env.NODE_ENV !== 'production') {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'server', 'cli', 'index.ts')).href);
} else if (existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  console.error('The compiled CLI is missing (dist/app): run `npm run build` first.');
  process.exit(1);
}
