// Regenerates the endpoint list in docs/api.md from the OpenAPI document the server serves:
//   npx tsx scripts/api-docs.ts          (writes docs/api.md)
//   npx tsx scripts/api-docs.ts --check  (exits 1 when docs/api.md is out of date)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { createDeps } from '../server/deps-factory.js';

const START = '<!-- endpoints:start -->';
const END = '<!-- endpoints:end -->';

type Operation = { summary?: string; tags?: string[]; security?: unknown[] };

export async function renderEndpointTable(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dxboard-apidocs-'));
  const database = openDatabase({ kind: 'sqlite', path: join(dir, 'db.sqlite') });
  try {
    await migrateToLatest(database.db);
    const deps = await createDeps(loadConfig({ DATA_DIR: dir }), { database });
    const app = await buildApp(deps);
    await app.ready();
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    await app.close();
    const byTag = new Map<string, string[]>();
    for (const [path, methods] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
      for (const [method, op] of Object.entries(methods)) {
        const tag = op.tags?.[0] ?? 'other';
        const row = `| \`${method.toUpperCase()}\` | \`${path}\` | ${(op.summary ?? '').replace(/\|/g, '\\|')} |`;
        byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
      }
    }
    const sections = [...byTag.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([tag, rows]) =>
        [`### ${tag}`, '', '| method | path | summary |', '|---|---|---|', ...rows].join('\n'),
      );
    return [START, '', ...sections.flatMap((s) => [s, '']), END].join('\n');
  } finally {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function replaceEndpointSection(markdown: string, table: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < 0) return `${markdown.trimEnd()}\n\n${table}\n`;
  return `${markdown.slice(0, start)}${table}${markdown.slice(end + END.length)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = 'docs/api.md';
  const current = readFileSync(file, 'utf8');
  const next = replaceEndpointSection(current, await renderEndpointTable());
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('docs/api.md is out of date: run `npx tsx scripts/api-docs.ts`.');
      process.exit(1);
    }
    console.info('docs/api.md is up to date.');
  } else {
    writeFileSync(file, next);
    console.info('docs/api.md updated.');
  }
}
