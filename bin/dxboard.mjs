#!/usr/bin/env node
// `npx dxboard <command>`: runs the TypeScript CLI through tsx, so no separate build step is needed.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
await import(pathToFileURL(join(here, '..', 'server', 'cli', 'index.ts')).href);
