import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Where the project's files are, whether the server runs from its TypeScript sources (server/…, through tsx)
// or compiled (dist/app/server/…, plain node): the root is the nearest folder up whose package.json is ours.
// Paths relative to a source file would point elsewhere once compiled one folder deeper.

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'dxboard') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`DXBoard's package.json was not found above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
/** The built web entries (vite build). */
export const WEB_DIST_DIR = join(PROJECT_ROOT, 'dist', 'web');
/** Data shipped with the code (administrative units before and after the 2025 reform). */
export const RESOURCES_DIR = join(PROJECT_ROOT, 'resources');
