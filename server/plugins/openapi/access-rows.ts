import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AccessRow } from '../../lib/access-table.js';

// The OpenAPI document states who may call each operation from the modules' declarative access tables
// (server/modules/<module>/<module>.access.ts, the rows test/security/authz-matrix.test.ts proves). They are
// found by that naming convention, as the matrix finds them, rather than imported one by one: a plugin may
// not reach inside a module, and a new module's table is then picked up without touching this file.

const MODULES_DIR = join(import.meta.dirname, '../../modules');
// tsx and vitest run the .ts sources; the production build runs the compiled .js next to them.
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

const isRow = (value: unknown): value is AccessRow =>
  !!value && typeof value === 'object' && typeof (value as AccessRow).operation === 'string';

/**
 * Every module's access rows in file order (duplicates kept, so the matrix test can refuse them) and the files
 * they came from. Also used by test/security/authz-matrix.test.ts: one discovery for the document and the test.
 */
export async function loadAccessTable(): Promise<{ rows: AccessRow[]; files: string[] }> {
  const rows: AccessRow[] = [];
  const files: string[] = [];
  if (!existsSync(MODULES_DIR)) return { rows, files };
  for (const module of readdirSync(MODULES_DIR).sort()) {
    const file = join(MODULES_DIR, module, `${module}.access${EXTENSION}`);
    if (!existsSync(file)) continue;
    const exports: Record<string, unknown> = await import(pathToFileURL(file).href);
    files.push(`server/modules/${module}/${module}.access${EXTENSION}`);
    for (const value of Object.values(exports)) if (Array.isArray(value)) rows.push(...value.filter(isRow));
  }
  return { rows, files };
}

// The tables are code: read once per process, not again for every app built (tests build hundreds).
let byOperation: Promise<Map<string, AccessRow>> | undefined;

/** Every module's access rows, by operation ('GET /api/units/{id}'). */
export function loadAccessRows(): Promise<Map<string, AccessRow>> {
  byOperation ??= loadAccessTable().then(({ rows }) => new Map(rows.map((row) => [row.operation, row])));
  return byOperation;
}
